import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryUnit } from '../arbitraries/vocabularies/string.js';

// fast-check's own unit is the oracle: ours must draw, build and shrink exactly as it does
const theirs = (c: fc.StringConstraints = {}) => fc.string({ ...c, unit: 'binary' });
const ours = (c: fc.StringConstraints = {}) => fc.string({ ...c, unit: binaryUnit });

describe("binaryUnit: fast-check's unit 'binary' without its table", () => {
  it('generates the same strings for the same seed, at any length constraint', () => {
    for (const c of [{}, { minLength: 1, maxLength: 4 }, { maxLength: 300 }, { minLength: 5, maxLength: 40, size: 'max' as const }]) {
      for (let seed = 1; seed <= 20; seed++) expect(fc.sample(ours(c), { seed, numRuns: 200 })).toEqual(fc.sample(theirs(c), { seed, numRuns: 200 }));
    }
  });

  it('shrinks a failure to the same counterexample in the same number of steps', () => {
    const failing = (arb: fc.Arbitrary<string>) =>
      fc.check(
        fc.property(arb, (s) => !/[^\x00-\x7f]/.test(s) || s.length < 3),
        { seed: 42, numRuns: 1000 },
      );
    const a = failing(ours()),
      b = failing(theirs());
    expect(a.failed).toBe(true);
    expect([a.counterexample, a.numShrinks, a.counterexamplePath]).toEqual([b.counterexample, b.numShrinks, b.counterexamplePath]);
  });

  it('reads a string back exactly when fast-check can: single scalar values only', () => {
    const candidates = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 2 }),
      fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)), maxLength: 2 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(candidates, (v) => {
        expect(binaryUnit.canShrinkWithoutContext(v)).toBe(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).canShrinkWithoutContext(v));
      }),
      { numRuns: 3000 },
    );
  });
});
