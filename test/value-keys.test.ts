import * as fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { valueKey } from '../arbitraries/vocabularies/enum.js';
import { caseKey } from '../runner/case-key.js';

const json = fc.jsonValue({ maxDepth: 3 });
/** Pairs of values that are often nearly equal: a value and one of its parts, or two from a small pool. */
const nearPairs = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(fc.array(arb, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat()).map(([xs, i, j]) => [xs[i % xs.length]!, xs[j % xs.length]!] as const);

describe('valueKey: one string per JSON value, as an enum compares them', () => {
  it('strings inside arrays and objects cannot run into each other', () => {
    expect(valueKey(['a,sb'])).not.toBe(valueKey(['a', 'b']));
    expect(valueKey({ k: 'a",sb' })).not.toBe(valueKey({ k: 'a', b: 1 }));
    expect(valueKey('null')).not.toBe(valueKey(null));
    expect(valueKey('n1')).not.toBe(valueKey(1));
  });

  it('equal keys exactly for equal values (key order aside)', () => {
    fc.assert(
      fc.property(nearPairs(json), ([a, b]) => {
        expect(valueKey(a as any) === valueKey(b as any)).toBe(isDeepStrictEqual(a, b));
      }),
      { numRuns: 500, seed: 26 },
    );
    expect(valueKey({ a: 1, b: 2 })).toBe(valueKey({ b: 2, a: 1 }));
  });
});

describe('caseKey: equal exactly when an adapter is given the same case', () => {
  const caseArb = fc.oneof(
    json,
    fc.record({ value: json, repaired: fc.option(json, { nil: undefined }) }),
    fc.uint8Array({ maxLength: 8 }),
    fc.tuple(fc.bigInt(), fc.double(), fc.string()),
  );

  it('key order, -0, bytes, undefined and bigints all count', () => {
    expect(caseKey({ a: 1, b: 2 })).not.toBe(caseKey({ b: 2, a: 1 }));
    expect(caseKey(-0)).not.toBe(caseKey(0));
    expect(caseKey(new Uint8Array([1, 2]))).not.toBe(caseKey([1, 2]));
    expect(caseKey(new Uint8Array([1, 2]).subarray(1))).toBe(caseKey(new Uint8Array([2])));
    expect(caseKey({ a: undefined })).not.toBe(caseKey({}));
    expect(caseKey(1n)).not.toBe(caseKey(1));
    expect(caseKey(['a,sb'])).not.toBe(caseKey(['a', 'b']));
    expect(caseKey(Number.NaN)).toBe(caseKey(Number.NaN));
  });

  it('no key for what it cannot read whole', () => {
    expect(caseKey(() => 1)).toBeUndefined();
    expect(caseKey({ at: new Date(0) })).toBeUndefined();
    expect(caseKey([1, , 3])).toBeUndefined();
    expect(caseKey({ [Symbol('s')]: 1 })).toBeUndefined();
  });

  it('equal keys exactly for values equal with their key order', () => {
    const ordered = (v: unknown): unknown =>
      v instanceof Uint8Array
        ? ['bytes', ...v]
        : Array.isArray(v)
          ? v.map(ordered)
          : v && typeof v === 'object'
            ? Object.entries(v).map(([k, x]) => [k, ordered(x)])
            : v;
    fc.assert(
      fc.property(nearPairs(caseArb), ([a, b]) => {
        expect(caseKey(a) === caseKey(b)).toBe(isDeepStrictEqual(ordered(a), ordered(b)));
      }),
      { numRuns: 500, seed: 26 },
    );
  });
});
