import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakers } from '../arbitraries/index.js';
import { failure, type Adapter } from '../core/contract.js';
import type { Json } from '../core/json.js';
import { PROJECT_ROOT } from '../core/models.js';
import { twisted } from '../mutants/mutant.js';
import { GENERATING, reference, set } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';
import { sourceOf } from './helpers/schemas.js';
import { orc } from './helpers/cli.js';
import { encodeReplay } from '../runner/replay-token.js';

const decode = (p: Uint8Array) => new TextDecoder().decode(p);

function numbersIn(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbersIn);
  return v && typeof v === 'object' ? Object.values(v).flatMap(numbersIn) : [];
}

/**
 * An int64 SDK with no null check, as go-openrouter-latest is: any fraction
 * or number beyond int64 is refused, whatever else the payload holds; a
 * null field is read as its zero value.
 */
const int64AcceptsNull = (): Adapter =>
  twisted(set, 'int64-accepts-null', (ref) => ({
    parse: (m, p) => {
      let json: unknown;
      try {
        json = JSON.parse(decode(p));
      } catch {
        return ref.parse(m, p);
      }
      if (numbersIn(json).some((x) => !Number.isInteger(x) || Math.abs(x) >= 2 ** 63))
        return failure('parse_error', 'json: cannot unmarshal number into Go struct field of type int64');
      if (json && typeof json === 'object' && !Array.isArray(json) && Object.values(json).includes(null)) return { ok: true, value: json as Json };
      return ref.parse(m, p);
    },
  }));

/** Refuses every payload: nothing it rejects can be said to be rejected for a rule. */
const refusesEverything = (): Adapter => twisted(set, 'refuses-everything', () => ({ parse: () => failure('parse_error', 'no') }));

/** Refuses the literal -0 (and -0.0) wherever it stands, as a reader that takes "-0" for a malformed number would. */
const refusesMinusZero = (): Adapter =>
  twisted(set, 'refuses-minus-zero', (ref) => ({
    parse: (m, p) => (/[:,[]\s*-0(\.0*)?\s*[,}\]]/.test(decode(p)) ? failure('parse_error', 'invalid number -0') : ref.parse(m, p)),
  }));

const NULL_FIELDS = ['item_id', 'output_index', 'sequence_number'];

describe('a rejection counts only for the rule the case breaks', () => {
  it('an int64 parser that reads null as zero fails RejectsNull on every field, on every seed: refusals of fractions beside the null are not taken for its rejection', async () => {
    const adapter = int64AcceptsNull();
    // 10 cases a check: most of them hold a fraction amid the full range, so a check that took any refusal would pass on most seeds
    for (let seed = 1; seed <= 10; seed++) {
      const results = await runChecks(adapter, {
        model: GENERATING,
        suite: NULL_FIELDS.map((f) => `Required.Parse.RejectsNull.${f}`).join(','),
        seed,
        runs: 10,
      });
      for (const f of NULL_FIELDS) {
        const r = byId(results, `Required.Parse.RejectsNull.${f}`);
        expect(r.status, `seed ${seed}, ${f}`).toBe('failed');
        expect(r.failure!.kind).toBe('accepted-invalid');
        expect(JSON.parse(r.failure!.counterexample.payload!.text)[f]).toBeNull();
      }
    }
  });

  it('a strict parser passes every Rejects check with no vacuous case: the repaired payloads are all accepted', async () => {
    const results = await runChecks(reference(), { model: GENERATING, suite: 'Required.Parse.Rejects*' });
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) {
      expect(r.status, r.id).toBe('passed');
      expect(r.casesVacuous, r.id).toBeUndefined();
    }
  });

  it('a parser that refuses everything shows no rejection for any rule, and the check says so', async () => {
    const results = await runChecks(refusesEverything(), {
      model: GENERATING,
      suite: 'Required.Parse.RejectsNull.item_id,Required.Parse.RejectsMissingField.output_index',
    });
    for (const r of results) {
      expect(r.status, r.id).toBe('unsupported');
      expect(r.casesVacuous).toBe(r.casesRun);
      expect(r.reason).toMatch(
        /^no case applied: the implementation refused the repaired payloads too .*so no case showed that it rejects for this rule; the first: \{.*(\}|…) → parse_error: no$/,
      );
    }
  });

  it('so do the mix-up and malformed-JSON checks: a refusal counts only when the valid event they were made from is accepted', async () => {
    const suite =
      'Required.Parse.RejectsOtherEventType,Required.Parse.RejectsWrappedEvent,Required.Parse.RejectsMiscasedField,Required.Parse.RejectsMalformedJson.*';
    const results = await runChecks(refusesEverything(), { model: GENERATING, suite, runs: 20 });
    expect(results.map((r) => r.id).sort()).toEqual([
      'Required.Parse.RejectsMalformedJson.Numbers',
      'Required.Parse.RejectsMalformedJson.Strings',
      'Required.Parse.RejectsMalformedJson.Structure',
      'Required.Parse.RejectsMiscasedField',
      'Required.Parse.RejectsOtherEventType',
      'Required.Parse.RejectsWrappedEvent',
    ]);
    for (const r of results) {
      expect(r.status, r.id).toBe('unsupported');
      expect(r.reason, r.id).toMatch(/^no case applied: the implementation refused the repaired payloads too/);
    }
    // the reference accepts every valid event they were made from: every case counts, and every check passes
    for (const r of await runChecks(reference(), { model: GENERATING, suite, runs: 20 })) {
      expect(r.status, r.id).toBe('passed');
      expect(r.casesVacuous ?? 0, r.id).toBe(0);
    }
  });

  it('orc says so too, in the run and when one case is replayed (the compiled dist/)', () => {
    const refusing = `refusing=cmd:node ${join(PROJECT_ROOT, 'test', 'harnesses', 'refusing-harness.mjs')}`;
    const out = mkdtempSync(join(tmpdir(), 'orc-rejects-'));
    const run = orc([
      'run',
      '--adapter',
      refusing,
      '--model',
      'generating',
      '--suite',
      'Required.Parse.RejectsNull.item_id',
      '--runs',
      '5',
      '--seed',
      '1',
      '--out',
      out,
      '--quiet',
      '--json',
    ]);
    const [r] = JSON.parse(run.stdout).results;
    expect(r).toMatchObject({ status: 'unsupported', casesRun: 5, casesVacuous: 5 });
    expect(r.reason).toMatch(/^no case applied: the implementation refused the repaired payloads too .*→ parse_error: refused$/);
    const token = encodeReplay({ adapter: 'refusing', model: GENERATING, check: 'Required.Parse.RejectsNull.item_id', seed: 1, path: '0', runs: 5 });
    const replay = orc(['replay', token, '--adapter', refusing]);
    expect(replay.status).toBe(0);
    expect(replay.stdout).toMatch(/^verdict: says nothing now \(the implementation refused the repaired payloads too .*→ parse_error: refused\)$/m);
  });

  it('a refusal of the whole payload (its root breaks the rule) needs no repair', async () => {
    const results = await runChecks(refusesEverything(), { model: GENERATING, suite: 'Required.Parse.RejectsNull,Required.Parse.RejectsNonObject' });
    for (const r of results) expect(r.status, r.id).toBe('passed');
  });
});

describe('-0 is a valid number: refusing it is a Required failure, its sign Informational', () => {
  it('a parser that refuses the literal -0 fails AcceptsNegativeZero for each number field; the sign observation still records it', async () => {
    const results = await runChecks(refusesMinusZero(), {
      model: GENERATING,
      suite: 'Required.Parse.AcceptsNegativeZero.*,Informational.ImplDefined.NegativeZero.*',
    });
    for (const f of ['output_index', 'sequence_number']) {
      const r = byId(results, `Required.Parse.AcceptsNegativeZero.${f}`);
      expect(r.status).toBe('failed');
      expect(r.failure!.kind).toBe('rejected-valid');
      expect(r.failure!.counterexample.payload!.text).toContain(`"${f}":-0`);
      expect(r.failure!.counterexample.note).toBe(`${f} spelled -0`);
      const seen = byId(results, `Informational.ImplDefined.NegativeZero.${f}`);
      expect(seen.status).toBe('observed');
      expect(seen.observations!.map((o) => o.behaviour)).toEqual(['rejected', 'rejected']);
    }
  });

  // a model with optional members (the partial-image event's settings), where an SDK may refuse the typical value's plain strings in them
  const withOptional = set.models.find((m) => Object.keys(m.schema.properties ?? {}).some((k) => !(m.schema.required ?? []).includes(k)));
  it.skipIf(!withOptional)('a parser that refuses the typical value of an optional member is still held to -0, on the payload without it', async () => {
    const m = withOptional!;
    const required = new Set<string>(m.schema.required ?? []);
    const refusesOptional = twisted(set, 'refuses-optional-and-minus-zero', () => ({
      parse: (model, p) => {
        const json = JSON.parse(decode(p.slice())) as Record<string, Json>;
        if (Object.keys(json).some((k) => !required.has(k))) return failure('parse_error', 'unknown value in an optional member');
        return refusesMinusZero().parse(model, p);
      },
    }));
    const results = await runChecks(refusesOptional, { model: m.name, suite: 'Required.Parse.AcceptsNegativeZero.*' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.status, r.id).toBe('failed');
      expect(Object.keys(JSON.parse(r.failure!.counterexample.payload!.text)).every((k) => required.has(k))).toBe(true);
    }
  });

  it("reading -0 as 0 passes: the sign is not the Required check's business", async () => {
    const results = await runChecks(reference(), { model: GENERATING, suite: 'Required.Parse.AcceptsNegativeZero.*' });
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed']);
    expect(results.every((r) => r.casesRun === 2)).toBe(true);
  });
});

/** The value with the place a JSON pointer names set to a marker: two values equal under it differ at most there. */
function blanked(v: Json, path: string): Json {
  const steps = path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const copy = structuredClone(v) as any;
  if (steps.length === 0) return '<here>';
  let at = copy;
  for (const s of steps.slice(0, -1)) at = at[s];
  Object.defineProperty(at, steps.at(-1)!, { value: '<here>', enumerable: true, writable: true, configurable: true });
  return copy;
}

const SCHEMAS = {
  objectRequired: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' }, c: { type: 'boolean' } }, required: ['a', 'b'] },
  objectClosed: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
  nested: {
    type: 'object',
    properties: {
      inner: { type: 'object', properties: { n: { type: 'number', minimum: 0 } }, required: ['n'], additionalProperties: false },
      tags: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
    required: ['inner'],
  },
  arrayPrefixTail: { type: 'array', prefixItems: [{ const: 'head' }], items: { type: 'number' }, minItems: 2 },
  oneOfRefs: {
    oneOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }],
    $defs: {
      A: { type: 'object', properties: { kind: { const: 'a' }, n: { type: 'integer' } }, required: ['kind', 'n'], additionalProperties: false },
      B: { type: 'object', properties: { kind: { const: 'b' }, s: { type: 'string' } }, required: ['kind', 's'], additionalProperties: false },
    },
  },
  recursiveTree: {
    type: 'object',
    properties: { v: { type: 'integer' }, kids: { type: 'array', items: { $ref: '#' }, maxItems: 3 } },
    required: ['v'],
    additionalProperties: false,
  },
} as const;

describe('a broken value carries its repair', () => {
  const { source, ids } = sourceOf(SCHEMAS as any);
  const cases = [
    ...Object.keys(SCHEMAS).map((name) => ({ name, source, id: ids[name]! })),
    ...set.models.map((m) => ({ name: m.name, source: set, id: m.id })),
  ];
  for (const { name, source: src, id } of cases) {
    it(`${name}: every repair is valid and differs from the broken value only at the place broken`, () => {
      const validate = src.ajv.getSchema(id)!;
      let repaired = 0;
      for (const b of breakers(src, id)) {
        fc.assert(
          fc.property(b.arbitrary, (bv) => {
            if (bv.repaired === undefined) {
              // only a value broken as a whole has nothing around it to repair
              expect(bv.path, `${b.rule}@${b.field}`).toBe('');
              return;
            }
            repaired++;
            expect(validate(bv.repaired), `${b.rule} at ${bv.path}: ${JSON.stringify(bv.repaired)}`).toBe(true);
            expect(blanked(bv.value, bv.path)).toEqual(blanked(bv.repaired, bv.path));
          }),
          { numRuns: 40, seed: 4 },
        );
      }
      expect(repaired).toBeGreaterThan(0);
    });
  }
});
