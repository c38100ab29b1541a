import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldClasses, validValues } from '../arbitraries/index.js';
import { NUMBER_BOUNDARIES } from '../arbitraries/pools/numbers.js';
import { ofUtf8Bytes, STRING_BOUNDARIES } from '../arbitraries/pools/strings.js';
import { findModel, loadSchemaSet } from '../core/models.js';

const set = loadSchemaSet();
const model = findModel(set, 'generating');
const RUNS = 100;

/** For each boundary, the share of runs of 100 cases (seeds 1..100) that draw it at least once. */
function shares<T>(arb: fc.Arbitrary<T>, hits: (v: T) => string[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (let seed = 1; seed <= RUNS; seed++) {
    const here = new Set(fc.sample(arb, { seed, numRuns: 100 }).flatMap(hits));
    for (const k of here) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Map([...seen].map(([k, n]) => [k, n / RUNS]));
}

const stringHits = (s: unknown) => STRING_BOUNDARIES.filter((b) => b.value === s).map((b) => b.label);
const numberHits = (x: unknown) => NUMBER_BOUNDARIES.filter((b) => Object.is(b, x)).map(String);

describe('boundaries in the pools', () => {
  it('are where buffers and column types break: 2^k − 1, 2^k, 2^k + 1 code units and UTF-8 bytes; the int and float edges and their negatives', () => {
    expect(STRING_BOUNDARIES.map((b) => b.label)).toContain('256 code units');
    for (const b of STRING_BOUNDARIES) {
      const n = Number(b.label.split(' ')[0]);
      expect(b.label.endsWith('bytes') ? Buffer.byteLength(b.value) : b.value.length, b.label).toBe(n);
    }
    expect(ofUtf8Bytes(256).length).not.toBe(256);
    expect(NUMBER_BOUNDARIES).toEqual(
      expect.arrayContaining([2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 63, 2 ** 64, -(2 ** 64), 5e-324, -Number.MAX_VALUE]),
    );
  });

  it('each has a real chance in every run of the valid generator: at least half of the runs of 100 cases draw it', () => {
    const values = validValues(set, model.id) as fc.Arbitrary<Record<string, unknown>>;
    const strings = shares(values, (v) => stringHits(v['item_id']));
    const numbers = shares(values, (v) => [...numberHits(v['output_index']), ...numberHits(v['sequence_number'])]);
    for (const b of STRING_BOUNDARIES) expect(strings.get(b.label) ?? 0, b.label).toBeGreaterThanOrEqual(0.5);
    for (const b of NUMBER_BOUNDARIES) expect(numbers.get(String(b)) ?? 0, String(b)).toBeGreaterThanOrEqual(0.5);
  });

  it('each is drawn in nearly every run of its own check (AcceptsLengthBoundaries, AcceptsNumberBoundaries)', () => {
    const classes = fieldClasses(set, model.id);
    const strings = classes.find((c) => c.field === 'item_id' && c.className === 'lengthBoundary')!;
    const numbers = classes.find((c) => c.field === 'output_index' && c.className === 'boundary')!;
    const s = shares(strings.arbitrary as fc.Arbitrary<Record<string, unknown>>, (v) => stringHits(v['item_id']));
    const n = shares(numbers.arbitrary as fc.Arbitrary<Record<string, unknown>>, (v) => numberHits(v['output_index']));
    for (const b of STRING_BOUNDARIES) expect(s.get(b.label) ?? 0, b.label).toBeGreaterThanOrEqual(0.9);
    for (const b of NUMBER_BOUNDARIES) expect(n.get(String(b)) ?? 0, String(b)).toBeGreaterThanOrEqual(0.9);
  });

  it('every value of the boundary checks is one the oracle, ajv, accepts', () => {
    const validate = set.ajv.getSchema(model.id)!;
    for (const c of fieldClasses(set, model.id).filter((x) => x.className === 'lengthBoundary' || x.className === 'boundary')) {
      for (const v of fc.sample(c.arbitrary, { numRuns: 200, seed: 9 }))
        expect(validate(v), `${c.field} ${c.className}: ${JSON.stringify(v).slice(0, 120)}`).toBe(true);
    }
  });
});
