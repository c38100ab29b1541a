/**
 * Issue 21's "bounded cost" and issue 26's planning: a nested schema's
 * breakers are listed without building anything, each built when first drawn
 * from; one compile per schema source and options serves every suite; a union
 * whose branches cannot share a value is drawn without the oracle; nested
 * strings and arrays are drawn short. Counts and sizes, never times.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { breakers, fieldClasses, mixedValues, validValues, type SchemaSource } from '../arbitraries/index.js';
import { Compiler } from '../arbitraries/compile.js';
import { LazyArbitrary } from '../arbitraries/_internals/lazy.js';
import { viable } from '../arbitraries/_internals/probe.js';
import { findModel, loadSchemaSet, type SchemaSet } from '../core/models.js';
import { planChecks } from '../runner/plan.js';
import { cutSpecEvents, DEFAULT_SPEC } from '../scripts/cut-spec-events.js';

const HEAD = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };

/** A set of one model, from the schema as given. */
function modelOf(title: string, schema: object): { set: SchemaSet; id: string } {
  const set = loadSchemaSet([{ file: `${title}.schema.json`, schema: { ...HEAD, title, ...schema } }]);
  return { set, id: findModel(set, title).id };
}

/** The source with every call of a validator ajv hands out counted, and every validator compiled for a place. */
function counted(source: SchemaSource) {
  const calls = { compiled: 0, called: 0 };
  const ajv = new Proxy(source.ajv, {
    get(target, prop, receiver) {
      if (prop === 'getSchema')
        return (id: string) => {
          const v = target.getSchema(id);
          if (!v) return v;
          calls.compiled++;
          return Object.assign((x: unknown) => (calls.called++, v(x)), v);
        };
      if (prop === 'compile')
        return (s: object) => {
          const v = target.compile(s);
          calls.compiled++;
          return Object.assign((x: unknown) => (calls.called++, v(x)), v);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
  return { source: { byId: source.byId, ajv } as SchemaSource, calls };
}

const text = (type: string, extra: object = {}) => ({
  type: 'object',
  required: ['type', 'text'],
  properties: { type: { const: type }, text: { type: 'string' }, ...extra },
});

/**
 * A discriminated union (whose values `a` and `A` are each other's near
 * misses), a nullable string and a nullable object, an array of the union:
 * the shapes the spec's events are made of.
 */
const NESTED = {
  required: ['item', 'list', 'note'],
  properties: {
    item: { oneOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/Upper' }, { $ref: '#/$defs/B' }] },
    list: { type: 'array', items: { $ref: '#/$defs/A' } },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    meta: { anyOf: [{ $ref: '#/$defs/B' }, { type: 'null' }] },
  },
  $defs: {
    A: text('a', { n: { type: 'integer' } }),
    Upper: text('A'),
    B: text('b', { inner: { type: 'object', properties: { deep: { type: 'array', items: { type: 'string' } } } } }),
  },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('breakers are listed without building them', () => {
  it('the list builds no value; a breaker drawn from builds, the others stay unbuilt', () => {
    const { set, id } = modelOf('LazyList', NESTED);
    const { source, calls } = counted(set);
    const build = vi.spyOn(Compiler.prototype, 'build');
    const list = breakers(source, id);
    expect(list.length).toBeGreaterThan(20);
    expect(build).not.toHaveBeenCalled();
    expect(list.every((b) => b.arbitrary instanceof LazyArbitrary && !b.arbitrary.isMade)).toBe(true);
    // the oracle is asked only of what breaks a union's own place and a branch's type allows (`null`, where a branch
    // is null), by that branch's own validator: `{type: "null"}` of `note` and of `meta`; none below a discriminator
    expect(calls.compiled).toBe(2);
    const one = list.find((b) => b.rule === 'required' && b.field === 'item.text')!;
    fc.sample(one.arbitrary, { numRuns: 5, seed: 1 });
    expect(build).toHaveBeenCalled();
    // only what that breaker's values hold was built: the other breakers' own backdrops were not
    const builtFor = new Set(build.mock.calls.map(([, pointer]) => pointer));
    expect(builtFor.has('/list')).toBe(true);
    expect([...builtFor].some((p) => p.startsWith('/meta/inner'))).toBe(true);
  });

  it('every value of every breaker is refused by the oracle, a discriminator’s near miss included', () => {
    const { set, id } = modelOf('LazyTruth', NESTED);
    const whole = set.ajv.getSchema(id)!;
    for (const b of breakers(set, id)) {
      if (typeof b.judge !== 'string') continue;
      for (const bv of fc.sample(b.arbitrary, { numRuns: 60, seed: 2 }))
        expect(whole(bv.value), `${b.rule}@${b.field}: ${JSON.stringify(bv.value)}`).toBe(false);
    }
    // the union's own const breaker at item.type: `A` is the near miss of `a`, and branch Upper takes it
    const near = breakers(set, id).find((b) => b.rule === 'const' && b.field === 'item.type')!;
    const types = new Set(fc.sample(near.arbitrary, { numRuns: 300, seed: 3 }).map((bv) => (bv.value as any).item.type));
    expect(types.has('A')).toBe(false);
    expect(types.has('a ')).toBe(true);
  });
});

describe('one compile per schema source and options', () => {
  it('every suite asking for the same model and options gets what was made the first time', () => {
    const { set, id } = modelOf('Shared', NESTED);
    expect(validValues(set, id)).toBe(validValues(set, id));
    expect(validValues(set, id, { tame: true })).toBe(validValues(set, id, { tame: true }));
    expect(validValues(set, id, { tame: true })).not.toBe(validValues(set, id));
    expect(mixedValues(set, id)).toBe(mixedValues(set, id));
    const build = vi.spyOn(Compiler.prototype, 'build');
    const [first, second] = [breakers(set, id), breakers(set, id)];
    expect(second.map((b) => b.arbitrary)).toEqual(first.map((b) => b.arbitrary));
    expect(second[0]!.arbitrary).toBe(first[0]!.arbitrary);
    expect(fieldClasses(set, id).map((c) => c.arbitrary)).toEqual(fieldClasses(set, id).map((c) => c.arbitrary));
    validValues(set, id);
    expect(build).not.toHaveBeenCalled();
  });

  it('a breaker drawn from shares the places the valid values built', () => {
    const { set, id } = modelOf('SharedPlaces', NESTED);
    fc.sample(validValues(set, id), { numRuns: 1, seed: 1 });
    const build = vi.spyOn(Compiler.prototype, 'build');
    const b = breakers(set, id).find((x) => x.rule === 'required' && x.field === 'note')!;
    fc.sample(b.arbitrary, { numRuns: 3, seed: 1 });
    // the root's places are built; their values were made already, so each is found, not made again
    expect(build.mock.results.length).toBeGreaterThan(0);
    const made = vi.spyOn(Compiler.prototype as any, 'buildInner');
    fc.sample(breakers(set, id).find((x) => x.rule === 'type' && x.field === 'list.*.n')!.arbitrary, { numRuns: 3, seed: 1 });
    expect(made).not.toHaveBeenCalled();
  });
});

describe('a union whose branches cannot share a value needs no oracle', () => {
  it('apart by a discriminator or by type: values drawn with no validator call, every one valid', () => {
    const { set, id } = modelOf('Apart', NESTED);
    const { source, calls } = counted(set);
    const values = fc.sample(validValues(source, id), { numRuns: 200, seed: 4 });
    expect(calls.called).toBe(0);
    expect(calls.compiled).toBe(0);
    const whole = set.ajv.getSchema(id)!;
    for (const v of values) expect(whole(v), JSON.stringify(v)).toBe(true);
    expect(new Set(values.map((v: any) => v.item.type))).toEqual(new Set(['a', 'A', 'b']));
    expect(values.some((v: any) => v.note === null) && values.some((v: any) => typeof v.note === 'string')).toBe(true);
    // breakers below the discriminator are not filtered either
    const inner = breakers(source, id).find((b) => b.rule === 'type' && b.field === 'item.text')!;
    const before = calls.called;
    fc.sample(inner.arbitrary, { numRuns: 50, seed: 5 });
    expect(calls.called).toBe(before);
  });

  it('branches that overlap are still filtered by the oracle', () => {
    const { set, id } = modelOf('Overlap', {
      required: ['s'],
      properties: {
        s: {
          oneOf: [
            { type: 'string', minLength: 2 },
            { type: 'string', maxLength: 4 },
          ],
        },
      },
    });
    const { source, calls } = counted(set);
    const values = fc.sample(validValues(source, id), { numRuns: 100, seed: 6 });
    expect(calls.called).toBeGreaterThan(0);
    const whole = set.ajv.getSchema(id)!;
    for (const v of values) expect(whole(v), JSON.stringify(v)).toBe(true);
  });
});

describe('probing a filter', () => {
  it('decides as 200 draws at 2% would, in as few draws as that takes', () => {
    let asked = 0;
    expect(viable(fc.integer(), () => (asked++, true))).toBe(true);
    expect(asked).toBe(4);
    asked = 0;
    expect(viable(fc.integer(), () => (asked++, false))).toBe(false);
    expect(asked).toBe(197);
    for (const share of [1, 2, 3, 5, 10]) {
      const keep = (x: number) => x % 100 < share;
      const arb = fc.nat();
      const byHand = fc.sample(arb, { numRuns: 200, seed: 0x5eed }).filter(keep).length >= 4;
      expect(viable(arb, keep)).toBe(byHand);
    }
  });
});

describe('nested strings and arrays are drawn short', () => {
  const schema = {
    required: ['top', 'nested'],
    properties: {
      top: { type: 'string' },
      nested: { type: 'object', required: ['s', 'list'], properties: { s: { type: 'string' }, list: { type: 'array', items: { type: 'integer' } } } },
    },
  };
  const longest = (values: any[], pick: (v: any) => string) => Math.max(...values.map((v) => pick(v).length));

  it('by default: a member of a member holds at most 256 code units and a few items; the top-level field keeps its long edges', () => {
    const { set, id } = modelOf('Bounded', schema);
    const values = fc.sample(validValues(set, id), { numRuns: 400, seed: 7 }) as any[];
    expect(longest(values, (v) => v.nested.s)).toBeLessThanOrEqual(256);
    expect(Math.max(...values.map((v) => v.nested.list.length))).toBeLessThanOrEqual(2);
    expect(longest(values, (v) => v.top)).toBeGreaterThan(10_000);
  });

  it('`sizeBound: false` draws them as at the top', () => {
    const { set, id } = modelOf('Unbounded', schema);
    const values = fc.sample(validValues(set, id, { sizeBound: false }), { numRuns: 400, seed: 7 }) as any[];
    expect(longest(values, (v) => v.nested.s)).toBeGreaterThan(10_000);
    expect(Math.max(...values.map((v) => v.nested.list.length))).toBeGreaterThan(2);
  });
});

const spec = existsSync(DEFAULT_SPEC);
if (!spec) process.stdout.write(`bounded-cost: the spec document is not at ${DEFAULT_SPEC}; response.completed is not tried here\n`);

describe.skipIf(!spec)('response.completed, cut from the spec', () => {
  const event = spec ? cutSpecEvents(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8'))).find((e) => e.type === 'response.completed')! : undefined;
  const set = spec ? loadSchemaSet([{ file: 'response.completed.schema.json', schema: event!.schema }]) : undefined;
  const model = set?.models.find((m) => m.id === event!.schema.$id);

  it('plans every check with no breaker built, and its values are valid, every branch reached, a few KB each', () => {
    const made = vi.spyOn(Compiler.prototype as any, 'buildInner');
    const checks = planChecks({ set: set!, models: [model!] });
    expect(checks.length).toBeGreaterThan(300);
    // planning builds the valid values (AcceptsValid, the serializer's), each place once per compile, and no breaker
    const keys = made.mock.calls.map(
      ([conj, pointer], i) => `${(made.mock.contexts[i] as any).options.tame}|${(made.mock.contexts[i] as Compiler).placeKey(conj as any, pointer as string)}`,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(breakers(set!, model!.id).every((b) => !(b.arbitrary as LazyArbitrary<unknown>).isMade)).toBe(true);
    const whole = set!.ajv.getSchema(model!.id)!;
    const values = fc.sample(validValues(set!, model!.id), { numRuns: 200, seed: 8 });
    for (const v of values) expect(whole(v)).toBe(true);
    const sizes = values.map((v) => JSON.stringify(v).length).sort((a, b) => a - b);
    expect(sizes[100]!).toBeLessThan(8 * 1024);
    expect(sizes[199]!).toBeLessThan(64 * 1024);
    const itemTypes = new Set(values.flatMap((v: any) => v.response.output.map((o: any) => o.type)));
    expect(itemTypes).toEqual(new Set(['message', 'function_call', 'function_call_output', 'reasoning', 'compaction']));
  });

  it('every breaker draws, and every value a Parse check judges is refused by the oracle', () => {
    const whole = set!.ajv.getSchema(model!.id)!;
    const list = breakers(set!, model!.id);
    expect(list.length).toBeGreaterThan(300);
    for (const b of list) {
      const drawn = fc.sample(b.arbitrary, { numRuns: 3, seed: 9 });
      expect(drawn).toHaveLength(3);
      if (typeof b.judge === 'string') for (const bv of drawn) expect(whole(bv.value), `${b.rule}@${b.field}`).toBe(false);
    }
  });
});
