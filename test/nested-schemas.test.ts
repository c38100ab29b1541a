import * as fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceAdapter } from '../adapters/reference/index.js';
import { breakers, namedPart, validValues, wireSpellings } from '../arbitraries/index.js';
import { failure, type Adapter } from '../core/contract.js';
import type { Answer, Json } from '../core/json.js';
import { loadSchemaSet } from '../core/models.js';
import { twisted, text } from '../mutants/mutant.js';
import { planChecks } from '../runner/plan.js';
import { checkSeed } from '../runner/replay-token.js';
import { runCheck } from '../runner/run-check.js';

/**
 * A model shaped as the Open Responses spec writes its events: open
 * objects, a discriminated `oneOf` of `$ref`s, a nullable member, an array of
 * objects, a map, an object at depth 2. The engine must take it whole.
 */
const set = loadSchemaSet([join(import.meta.dirname, 'fixtures/schemas/nested-event.schema.json')]);
const model = set.models.at(-1)!;
const validate = set.ajv.getSchema(model.id)!;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 300) => fc.sample(arb, { numRuns, seed: 7 });
type Obj = Record<string, any>;

const run = (id: string, adapter: Adapter, runs = 100) => {
  const check = planChecks({ set, models: [model] }).find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return runCheck(check, adapter, { seed: checkSeed(1, model.name, id), runs, concurrency: 4 });
};

describe('open objects: what the model names, at every depth', () => {
  it('namedPart sets aside the members no schema names, at the root, in a union branch, at depth 2 and in array items; a map keeps its members', () => {
    const value: Json = {
      type: 'orc.nested.event',
      sequence_number: 1,
      extra: 1,
      part: { type: 'image', size: { width: 1, height: 2, depth: 3 }, alt: 'x' },
      items: [{ id: 'a', score: 1.5, logprob: 0 }],
      metadata: { anything: 'kept' },
    };
    const { value: named, unnamed } = namedPart(set, model.id, value);
    expect(unnamed.map((u) => [...u.at, u.name].join('/')).sort()).toEqual(['extra', 'items/0/logprob', 'part/alt', 'part/size/depth']);
    expect(named).toEqual({
      type: 'orc.nested.event',
      sequence_number: 1,
      part: { type: 'image', size: { width: 1, height: 2 } },
      items: [{ id: 'a', score: 1.5 }],
      metadata: { anything: 'kept' },
    });
  });

  it('valid values carry no member the model does not name: the Accepts, Serialize and RoundTrip checks never ask one back', () => {
    for (const v of sample(validValues(set, model.id))) {
      expect(validate(v)).toBe(true);
      expect(namedPart(set, model.id, v).unnamed).toEqual([]);
    }
  });

  it('members no schema names are UnknownFields cases at every depth, and the reference ignores each', async () => {
    const unknown = breakers(set, model.id).filter((b) => typeof b.judge === 'object');
    expect(unknown.map((b) => b.field).sort()).toEqual(['*', 'items.*.*', 'part.*', 'part.size.*']);
    const deep = sample(unknown.find((b) => b.field === 'part.size.*')!.arbitrary, 20);
    for (const bv of deep) expect(bv.path).toMatch(/^\/part\/size\/[^/]*$/);
    const r = await run('Recommended.UnknownFields.Ignored', referenceAdapter(set));
    expect(r.status, JSON.stringify(r)).toBe('passed');
  });
});

describe('unions, nullables, arrays and nesting', () => {
  it('valid values reach every branch of the union, the null and the string of the nullable, arrays of several objects, and the map', () => {
    const values = sample(validValues(set, model.id)) as Obj[];
    expect(new Set(values.map((v) => v.part.type))).toEqual(new Set(['output_text', 'refusal', 'image']));
    expect(values.some((v) => v.note === null)).toBe(true);
    expect(values.some((v) => typeof v.note === 'string')).toBe(true);
    expect(values.some((v) => v.items.length >= 2)).toBe(true);
    expect(values.some((v) => v.metadata && Object.keys(v.metadata).length > 0)).toBe(true);
  });

  it('each breaker breaks one rule at its place, says where, and its repair is valid: a wrong discriminator, a branch member missing, null where not nullable, an item or a map value of the wrong type', () => {
    const list = breakers(set, model.id).filter((b) => typeof b.judge === 'string');
    const at = (rule: string, field: string) => list.find((b) => b.rule === rule && b.field === field);
    for (const [rule, field, path] of [
      ['enum', 'part.type', /^\/part\/type$/],
      ['required', 'part.refusal', /^\/part\/refusal$/],
      ['null', 'part.size.width', /^\/part\/size\/width$/],
      ['type', 'items.*.score', /^\/items\/\d+\/score$/],
      ['minimum', 'part.size.height', /^\/part\/size\/height$/],
      ['type', 'metadata.*', /^\/metadata\/[^/]*$/],
    ] as const) {
      const b = at(rule, field);
      expect(b, `${rule} at ${field}`).toBeDefined();
      for (const bv of sample(b!.arbitrary, 30)) {
        expect(bv.path).toMatch(path);
        expect(validate(bv.value), `${rule} at ${bv.path}: ${JSON.stringify(bv.value)}`).toBe(false);
        if (bv.repaired !== undefined) expect(validate(bv.repaired)).toBe(true);
      }
    }
    // `note` is nullable: null there breaks nothing, so no breaker offers it
    expect(at('null', 'note')).toBeUndefined();
  });

  it('wire spellings reach every depth: whitespace, escapes and key order inside union branches and array items', () => {
    const spelled = sample(wireSpellings(validValues(set, model.id)), 200);
    for (const s of spelled) expect(JSON.parse(s.text)).toEqual(s.value);
    // the text from the union's member on, strings emptied: what is left between tokens is the spelling
    const inner = (s: { text: string }) => s.text.slice(s.text.indexOf('"part"'));
    expect(spelled.some((s) => /\s/.test(inner(s).replace(/"(?:[^"\\]|\\.)*"/g, '""')))).toBe(true);
    expect(spelled.some((s) => /\\u[0-9a-fA-F]{4}/.test(inner(s)))).toBe(true);
    expect(spelled.some((s) => /"part":\s*\{\s*"(text|refusal|size)"/.test(s.text))).toBe(true);
  });

  it('the reference passes every Required check of the model', async () => {
    const required = planChecks({ set, models: [model], level: 'required' });
    const failed: string[] = [];
    for (const check of required) {
      const r = await runCheck(check, referenceAdapter(set), { seed: checkSeed(1, model.name, check.id), runs: 30, concurrency: 4 });
      if (r.status !== 'passed') failed.push(`${check.id}: ${r.status} ${r.status === 'failed' ? r.failure.message : ''}`);
    }
    expect(failed).toEqual([]);
  });
});

/** The reference with its parsed answer changed: one bug, everything else correct. */
function answerChanged(name: string, change: (v: Obj) => Answer): Adapter {
  return twisted(set, name, (ref) => ({
    parse: async (m, p) => {
      const o = await ref.parse(m, p);
      return o.ok ? { ok: true, value: change(structuredClone(o.value) as Obj) } : o;
    },
  }));
}

describe('one-bug parsers fail the check of their bug, with a shrunk nested counterexample', () => {
  it('a parser that drops the last of two or more array items fails AcceptsValid, shrunk to two items', async () => {
    const drops = answerChanged('drops-array-item', (v) => ({ ...v, items: v.items.length >= 2 ? v.items.slice(0, -1) : v.items }));
    const r = await run('Required.Parse.AcceptsValid', drops);
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.failure.message).toMatch(/^\/items: expected 2 items, got 1$/);
    expect(r.failure.shrinks).toBeGreaterThan(0);
  });

  it('a parser that takes every part as the first branch of the union fails AcceptsValid on a refusal or image part', async () => {
    const firstBranch = answerChanged('first-branch', (v) => ({ ...v, part: { type: v.part.type, text: v.part.text ?? '' } }));
    const r = await run('Required.Parse.AcceptsValid', firstBranch);
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.failure.message).toMatch(/^\/part\/(refusal|size): missing from the answer$/);
  });

  it('a parser that takes null where the schema has no null fails the RejectsNull check of that place', async () => {
    const takesNull = twisted(set, 'null-as-absent', (ref) => ({
      parse: (m, p) => ref.parse(m, new TextEncoder().encode(JSON.stringify(JSON.parse(text(p)), (_k, x) => (x === null ? undefined : x)))),
    }));
    // an optional member at depth 2: a required one left out would still be refused, for its absence
    const r = await run('Required.Parse.RejectsNull.part.size.dpi', takesNull);
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.failure.kind).toBe('accepted-invalid');
    expect(JSON.parse(r.failure.counterexample.payload!.text).part.size.dpi).toBeNull();
  });

  it('a parser that refuses a member it does not name at depth 2 fails UnknownFields.Ignored there', async () => {
    const strictDeep = twisted(set, 'refuses-unknown-deep', (ref) => ({
      parse: async (m, p) => {
        const raw = JSON.parse(text(p)) as Json;
        const deep = namedPart(set, model.id, raw).unnamed.some((u) => u.at.length >= 2);
        return deep ? failure('parse_error', 'unknown member') : ref.parse(m, p);
      },
    }));
    const r = await run('Recommended.UnknownFields.Ignored', strictDeep);
    expect(r.status).toBe('failed');
    if (r.status !== 'failed') return;
    expect(r.failure.counterexample.note).toMatch(/^unknown field at \/(part\/size|items\/\d+)\/[^/]*$/);
  });
});
