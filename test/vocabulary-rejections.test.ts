import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceAdapter } from '../adapters/reference/index.js';
import { VOCABULARIES, type SchemaSource, type Vocabulary } from '../arbitraries/index.js';
import type { Adapter } from '../core/contract.js';
import type { SchemaObject, SchemaSet } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import { checkSeed } from '../runner/replay-token.js';
import { planChecks } from '../runner/plan.js';
import { runCheck } from '../runner/run-check.js';

/** A keyword no JSON Schema draft has, so that nothing but this file's vocabulary can know it: "an even integer". */
const KEYWORD = 'orcTestEven';
const ID = 'https://test.example/EvenEvent.json';
const MODEL = 'EvenEvent';
const CHECK = 'Required.Parse.RejectsOdd.count';

const SCHEMA: SchemaObject = {
  $id: ID,
  title: MODEL,
  type: 'object',
  required: ['type', 'count'],
  // closed as the bundled models are: the check aimed at one field then meets no member the model does not name
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: ['even.event'] },
    count: { type: 'integer', [KEYWORD]: true },
  },
};

/**
 * The keyword's family, as a vocabulary of the product would be: it claims a
 * place that says `orcTestEven` (its values are the even integers), breaks
 * it with odd ones, judged by a Parse check named here alone, and has an
 * edge class of its own (large even integers) with its own Accepts check.
 */
function evenVocabulary(judges: Vocabulary['judges']): Vocabulary {
  const says = (schema: unknown) => typeof schema === 'object' && schema !== null && (schema as Record<string, unknown>)[KEYWORD] === true;
  return {
    name: 'test-even',
    keywords: [KEYWORD],
    claims: (conj) => conj.nodes.some((n) => says(n.schema)),
    valid: () => fc.integer({ min: -500, max: 500 }).map((k) => 2 * k),
    judges,
    classes: (conj) =>
      conj.nodes.some((n) => says(n.schema))
        ? [{ name: 'largeEven', check: 'AcceptsLargeEven', arbitrary: fc.integer({ min: 2 ** 40, max: 2 ** 50 }).map((k) => 2 * k) }]
        : [],
    breakers: (_c, _conj, pointer) => [
      { rule: KEYWORD, field: '', arbitrary: fc.integer({ min: -500, max: 500 }).map((k) => ({ value: 2 * k + 1, rule: KEYWORD, path: pointer })) },
    ],
  };
}

/** The bundled families with the test's one after `type` (whose breakers come first) and before the rest; an oracle taught the keyword. */
function setWith(vocabulary: Vocabulary | undefined): SchemaSet & SchemaSource {
  const ajv = createAjv();
  ajv.addKeyword({ keyword: KEYWORD, type: 'number', schemaType: 'boolean', validate: (even: boolean, x: number) => !even || x % 2 === 0 });
  ajv.addSchema(SCHEMA);
  const [combinators, type, ...rest] = VOCABULARIES;
  return {
    byId: new Map([[ID, SCHEMA]]),
    models: [{ name: MODEL, id: ID, schema: SCHEMA, sdkNames: { type: 'type', count: 'count' } }],
    ajv,
    ...(vocabulary ? { vocabularies: [combinators!, type!, vocabulary, ...rest] } : {}),
  };
}

const plan = (set: SchemaSet, suite = 'Required.Parse.Rejects*') => planChecks({ set, models: set.models, suite });

/**
 * A parser that does not know the keyword: the reference, which holds a payload to its model with the set's
 * oracle, over an oracle for which the keyword says nothing.
 */
function ignoresKeyword(set: SchemaSet): Adapter {
  const ajv = createAjv();
  ajv.addKeyword({ keyword: KEYWORD, type: 'number', schemaType: 'boolean', validate: () => true });
  ajv.addSchema(SCHEMA);
  return referenceAdapter({ ...set, ajv });
}

describe("a keyword's breakers reach the Parse suite through its vocabulary", () => {
  it('a vocabulary added in the test alone plans the Parse check it names, with the cases that break its keyword', () => {
    const check = plan(setWith(evenVocabulary({ [KEYWORD]: 'RejectsOdd' }))).find((c) => c.id === CHECK);
    expect(check, 'the check the test vocabulary names').toBeDefined();
    expect(check!.description).toBe(`payloads breaking ${KEYWORD} at count are rejected with a parse error`);
  });

  it('a parser that ignores the keyword fails that check with an odd count; the reference, which honours it, passes', async () => {
    const set = setWith(evenVocabulary({ [KEYWORD]: 'RejectsOdd' }));
    const check = plan(set).find((c) => c.id === CHECK)!;
    const run = (a: Adapter) => runCheck(check, a, { seed: checkSeed(1, MODEL, CHECK), runs: 30, concurrency: 4 });
    const ignoring = await run(ignoresKeyword(set));
    expect(ignoring.status).toBe('failed');
    expect(ignoring.failure!.kind).toBe('accepted-invalid');
    expect(Math.abs(JSON.parse(ignoring.failure!.counterexample.payload!.text).count % 2)).toBe(1);
    const honouring = await run(referenceAdapter(set));
    expect(honouring.status).toBe('passed');
  });

  it("the vocabulary's own edge class makes the Accepts check it names, which the reference passes", async () => {
    const set = setWith(evenVocabulary({ [KEYWORD]: 'RejectsOdd' }));
    const [check, ...more] = plan(set, 'Required.Parse.AcceptsLargeEven.*');
    expect(more).toEqual([]);
    expect(check!.id).toBe('Required.Parse.AcceptsLargeEven.count');
    const r = await runCheck(check!, referenceAdapter(set), { seed: checkSeed(1, MODEL, check!.id), runs: 30, concurrency: 4 });
    expect(r.status, JSON.stringify(r.status === 'failed' ? r.failure : r)).toBe('passed');
  });

  it('a rule its vocabulary names no check for is an error where the checks are planned, naming the keyword and the vocabulary', () => {
    expect(() => plan(setWith(evenVocabulary({})))).toThrow(`the test-even vocabulary breaks "${KEYWORD}"`);
    expect(() => plan(setWith(evenVocabulary(undefined)))).toThrow(/add "orcTestEven" to its judges/);
  });

  it('without its vocabulary the keyword is refused by name, not ignored', () => {
    expect(() => plan(setWith(undefined))).toThrow(KEYWORD);
  });
});
