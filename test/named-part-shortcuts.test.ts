import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakers, namedPart, validValues } from '../arbitraries/index.js';
import { SHORTCUTS } from '../arbitraries/named-members.js';
import type { Json } from '../core/json.js';
import { loadSchemaSet } from '../core/models.js';
import { EventModels } from '../stream/event-models.js';

const set = loadSchemaSet();
// the spec's events whose members are unions of typed objects: parts, items, a response's output
const UNION_MODELS = [
  'ResponseContentPartAddedStreamingEvent',
  'ResponseOutputItemDoneStreamingEvent',
  'ResponseCompletedStreamingEvent',
  'ResponseOutputItemAddedStreamingEvent',
];

/** Every `type` string a value holds, at any depth. */
function typesIn(v: Json, out: Set<string>): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => typesIn(x, out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) k === 'type' && typeof x === 'string' ? out.add(x) : typesIn(x as Json, out);
  return out;
}

/** The value with its n-th nested `type` (counted depth first) made `to`: an item or part another branch's type names. */
function retyped(v: Json, n: { left: number }, to: string): Json {
  if (Array.isArray(v)) return v.map((x) => retyped(x, n, to));
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'type' && typeof x === 'string' && n.left-- === 0 ? to : retyped(x as Json, n, to)]));
}

describe("namedPart's shortcut for a union's typed branches changes no answer", () => {
  it.each(UNION_MODELS)('%s: valid values, broken ones, and ones whose nested type names another branch', (name) => {
    const model = set.models.find((m) => m.name === name)!;
    const valid = fc.sample(fc.oneof(validValues(set, model.id), validValues(set, model.id, { tame: true })), { numRuns: 150, seed: 26 });
    const broken = breakers(set, model.id)
      .slice(0, 40)
      .flatMap((b) => fc.sample(b.arbitrary, { numRuns: 2, seed: 26 }).map((bv) => bv.value));
    const types = [...valid.reduce((s, v) => typesIn(v, s), new Set<string>())];
    const swapped = valid.slice(0, 60).flatMap((v, i) => Array.from({ length: 4 }, (_, k) => retyped(v, { left: k }, types[(i + k) % types.length]!)));
    const values = [...valid, ...broken, ...swapped];
    expect(types.length).toBeGreaterThan(3);
    const walked = (on: boolean) => {
      SHORTCUTS.typeRefutes = on;
      try {
        return values.map((v) => {
          try {
            return namedPart(set, model.id, v);
          } catch (e) {
            return { threw: (e as Error).message };
          }
        });
      } finally {
        SHORTCUTS.typeRefutes = true;
      }
    };
    expect(walked(true)).toEqual(walked(false));
  });
});

describe("the shortcut holds where a branch's type is not a string", () => {
  // a user's schema may name its branches by an object or a number: equal values are equal however they are held
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://example.test/typed-by-object.json',
    title: 'TypedByObject',
    type: 'object',
    properties: {
      item: {
        oneOf: [
          { type: 'object', properties: { type: { const: { kind: 'a' } }, x: { type: 'integer' } }, required: ['type'] },
          { type: 'object', properties: { type: { enum: [[1, 'b'], 2] }, y: { type: 'integer' } }, required: ['type'] },
          { type: 'object', properties: { type: { const: 'c' }, z: { type: 'integer' } }, required: ['type'] },
        ],
      },
    },
  };
  const objectSet = loadSchemaSet([{ file: 'typed-by-object.schema.json', schema }]);
  const id = schema.$id;

  it.each([
    [{ item: { type: { kind: 'a' }, x: 1, extra: true } }, ['item', 'extra']],
    [{ item: { type: [1, 'b'], y: 2, extra: true } }, ['item', 'extra']],
    [{ item: { type: 2, y: 2, extra: true } }, ['item', 'extra']],
    [{ item: { type: 'c', z: 3, extra: true } }, ['item', 'extra']],
  ])('%j: its branch is found, and its unnamed member set aside', (value, where) => {
    const on = namedPart(objectSet, id, value as Json);
    SHORTCUTS.typeRefutes = false;
    try {
      expect(namedPart(objectSet, id, value as Json)).toEqual(on);
    } finally {
      SHORTCUTS.typeRefutes = true;
    }
    expect(on.unnamed).toEqual([{ at: where.slice(0, -1), name: where.at(-1) }]);
  });
});

/** The value with a member no schema names added to its n-th object (counted depth first), where there is one. */
function withExtra(v: Json, n: { left: number }): Json {
  if (Array.isArray(v)) return v.map((x) => withExtra(x, n));
  if (v === null || typeof v !== 'object') return v;
  const here = n.left-- === 0;
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withExtra(x as Json, n)]));
  return here ? { ...o, orc_unnamed_member: { deep: [1] } } : o;
}

describe('what a stream check trusts of a valid event changes no verdict', () => {
  const events = UNION_MODELS.flatMap((name) => {
    const model = set.models.find((m) => m.name === name)!;
    const valid = fc.sample(validValues(set, model.id), { numRuns: 60, seed: 27 });
    const broken = breakers(set, model.id)
      .slice(0, 30)
      .flatMap((b) => fc.sample(b.arbitrary, { numRuns: 1, seed: 27 }).map((bv) => bv.value));
    const extra = valid.slice(0, 30).flatMap((v) => [0, 1, 2, 3, 5, 8].map((k) => withExtra(v, { left: k })));
    const types = [...valid.reduce((s, v) => typesIn(v, s), new Set<string>())];
    const swapped = valid.slice(0, 20).flatMap((v, i) => [1, 2].map((k) => retyped(v, { left: k }, types[(i + k) % types.length]!)));
    return [...valid, ...broken, ...extra, ...swapped];
  });
  const verdicts = (flags: Partial<typeof SHORTCUTS>) => {
    const saved = { ...SHORTCUTS };
    Object.assign(SHORTCUTS, flags);
    try {
      const models = new EventModels(set);
      return events.map((e) => {
        const v = models.check(e);
        return v && { model: v.model.id, errors: v.errors, unknown: v.unknown, broken: v.broken };
      });
    } finally {
      Object.assign(SHORTCUTS, saved);
    }
  };

  it('valid events, ones with members no model names at several depths, broken ones, ones whose nested type names another branch', () => {
    const all = verdicts({});
    expect(all).toEqual(verdicts({ trustValid: false }));
    expect(all).toEqual(verdicts({ trustValid: false, scalars: false, typeRefutes: false }));
    // the events hold every kind of verdict: a test of only one kind proves little
    expect(all.some((v) => v?.errors.length === 0 && v.unknown.length === 0)).toBe(true);
    expect(all.some((v) => v?.errors.length === 0 && v.unknown.length > 0)).toBe(true);
    expect(all.some((v) => v && v.errors.length > 0)).toBe(true);
  });

  it('the walk trusting a valid value, or only listing what it does not name, finds what the full walk finds', () => {
    for (const name of UNION_MODELS) {
      const id = set.models.find((m) => m.name === name)!.id;
      const validate = set.ajv.getSchema(id)!;
      for (const e of events.filter((x) => validate(x))) {
        const full = namedPart(set, id, e);
        expect(namedPart(set, id, e, { valid: true })).toEqual(full);
        expect(namedPart(set, id, e, { valid: true, build: false })).toEqual({ value: e, unnamed: full.unnamed });
      }
    }
  });
});
