import * as fc from 'fast-check';
import { keywordValues, type Conj } from '../_internals/conjunction.ts';
import type { Breaker } from '../_internals/types.ts';
import { NUMBER_CLASSES, NUMBER_POOL, type NumberClass } from '../pools/numbers.ts';

interface Bound {
  value: number;
  keyword: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum';
}

export interface NumberRules {
  integer: boolean;
  bounds: Bound[];
  multipleOf: number[];
}

export function numberRules(conj: Conj, integer: boolean): NumberRules {
  const bounds: Bound[] = [];
  for (const keyword of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    for (const { value } of keywordValues<number>(conj, keyword)) bounds.push({ value, keyword });
  }
  return { integer, bounds, multipleOf: keywordValues<number>(conj, 'multipleOf').map((v) => v.value) };
}

/** ajv's own tests, to the letter: the oracle decides, and the generator must agree with it. */
const RULE_TESTS = {
  minimum: (x: number, b: number) => x >= b,
  maximum: (x: number, b: number) => x <= b,
  exclusiveMinimum: (x: number, b: number) => x > b,
  exclusiveMaximum: (x: number, b: number) => x < b,
};
const isMultiple = (x: number, m: number) => {
  const q = x / m;
  return q === parseInt(String(q), 10);
};

export function satisfies(x: number, r: NumberRules, except?: string): boolean {
  if (!Number.isFinite(x)) return false;
  if (r.integer && except !== 'type' && x % 1 !== 0) return false;
  for (const b of r.bounds) if (except !== b.keyword && !RULE_TESTS[b.keyword](x, b.value)) return false;
  if (except !== 'multipleOf') for (const m of r.multipleOf) if (!isMultiple(x, m)) return false;
  return true;
}

function range(r: NumberRules): { min: number; max: number; minExcluded: boolean; maxExcluded: boolean } {
  let min = -Number.MAX_VALUE, max = Number.MAX_VALUE, minExcluded = false, maxExcluded = false;
  for (const b of r.bounds) {
    if ((b.keyword === 'minimum' || b.keyword === 'exclusiveMinimum') && b.value >= min) {
      minExcluded = b.keyword === 'exclusiveMinimum' || (b.value === min && minExcluded);
      min = b.value;
    }
    if ((b.keyword === 'maximum' || b.keyword === 'exclusiveMaximum') && b.value <= max) {
      maxExcluded = b.keyword === 'exclusiveMaximum' || (b.value === max && maxExcluded);
      max = b.value;
    }
  }
  return { min, max, minExcluded, maxExcluded };
}

const SAFE = Number.MAX_SAFE_INTEGER;
const clampSafe = (x: number) => Math.max(-SAFE, Math.min(SAFE, x));

function generalNumber(r: NumberRules): fc.Arbitrary<number> {
  const { min, max, minExcluded, maxExcluded } = range(r);
  const m = r.multipleOf[0];
  if (m !== undefined) {
    const kMin = clampSafe(Math.ceil(min / m)), kMax = clampSafe(Math.floor(max / m));
    return fc.integer({ min: Math.min(kMin, kMax), max: Math.max(kMin, kMax) }).map((k) => k * m);
  }
  if (r.integer) {
    const lo = clampSafe(Math.ceil(min)), hi = clampSafe(Math.floor(max));
    if (lo <= hi) return fc.integer({ min: lo, max: hi });
  }
  return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
}

export function validNumber(r: NumberRules, tame = false): fc.Arbitrary<number> {
  if (tame && [0, 1, 1000].some((x) => satisfies(x, r))) return fc.integer({ min: 0, max: 1000 }).filter((x) => satisfies(x, r));
  const pool = NUMBER_POOL.filter((x) => satisfies(x, r));
  const general = generalNumber(r).filter((x) => satisfies(x, r));
  if (pool.length === 0) return general;
  return fc.oneof({ withCrossShrink: true }, { arbitrary: general, weight: 3 }, { arbitrary: fc.constantFrom(...pool), weight: 1 });
}

const CLASS_GENERATORS: Partial<Record<NumberClass, fc.Arbitrary<number>>> = {
  integral: fc.integer({ min: -1000, max: 1000 }),
  fraction: fc.integer({ min: -1000, max: 1000 }).map((i) => i + 0.5),
};

/** The edge classes this number admits, each as an arbitrary of valid values. */
export function numberClasses(r: NumberRules): Map<NumberClass, fc.Arbitrary<number>> {
  const out = new Map<NumberClass, fc.Arbitrary<number>>();
  for (const name of Object.keys(NUMBER_CLASSES) as NumberClass[]) {
    const pool = NUMBER_CLASSES[name].filter((x) => satisfies(x, r));
    if (pool.length === 0) continue;
    const gen = CLASS_GENERATORS[name];
    out.set(name, gen ? fc.oneof({ withCrossShrink: true }, gen.filter((x) => satisfies(x, r)), fc.constantFrom(...pool)) : fc.constantFrom(...pool));
  }
  return out;
}

function nearBelow(b: number): number[] {
  return [b - 1, b - 0.5, b - 1e-9 * Math.max(1, Math.abs(b)), b - 2 ** 20, b - Math.abs(b) - 1];
}
function nearAbove(b: number): number[] {
  return [b + 1, b + 0.5, b + 1e-9 * Math.max(1, Math.abs(b)), b + 2 ** 20, b + Math.abs(b) + 1];
}

/** One breaker per bound and per multipleOf, each value obeying every other numeric rule. */
export function numberBreakers(r: NumberRules, pointer: string): Breaker[] {
  const out: Breaker[] = [];
  const breaker = (rule: string, candidates: number[], general: fc.Arbitrary<number>) => {
    const fixed = candidates.filter((x) => Number.isFinite(x) && !satisfies(x, r) && satisfies(x, r, rule));
    const gen = general.filter((x) => !satisfies(x, r) && satisfies(x, r, rule));
    const arb = fixed.length > 0 ? fc.oneof({ withCrossShrink: true }, fc.constantFrom(...fixed), gen) : gen;
    out.push({ rule, field: '', arbitrary: arb.map((value) => ({ value, rule, path: pointer })) });
  };
  for (const b of r.bounds) {
    const below = b.keyword === 'minimum' || b.keyword === 'exclusiveMinimum';
    const edge = b.keyword.startsWith('exclusive') ? [b.value] : [];
    const candidates = [...edge, ...(below ? nearBelow(b.value) : nearAbove(b.value))];
    const general = below ? fc.integer({ min: -1000, max: 0 }).map((d) => b.value - 1 + d) : fc.integer({ min: 0, max: 1000 }).map((d) => b.value + 1 + d);
    breaker(b.keyword, candidates, general);
  }
  for (const m of r.multipleOf) {
    const general = fc.integer({ min: -1000, max: 1000 }).map((k) => k * m + m / 2);
    breaker('multipleOf', [m / 2, m * 1.5, m + 1, 1.5], general);
  }
  return out;
}
