import * as fc from 'fast-check';
import { UsageError } from '../../core/errors.js';
import { keywordValues, type Conj } from '../_internals/conjunction.js';
import type { DraftBreaker } from '../_internals/types.js';
import type { ValueClass, Vocabulary } from '../_internals/vocabulary.js';
import { filteredIfViable } from '../_internals/probe.js';
import { NUMBER_BOUNDARIES, NUMBER_CLASSES, NUMBER_POOL, type NumberClass } from '../pools/numbers.js';

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
  let min = -Number.MAX_VALUE,
    max = Number.MAX_VALUE,
    minExcluded = false,
    maxExcluded = false;
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
    // k·m stays within ±2^53, where it is exact and ajv's multipleOf test agrees
    const kLimit = Math.floor(SAFE / Math.max(1, Math.abs(m)));
    const kMin = Math.max(-kLimit, Math.ceil(min / m)),
      kMax = Math.min(kLimit, Math.floor(max / m));
    return fc.integer({ min: Math.min(kMin, kMax), max: Math.max(kMin, kMax) }).map((k) => k * m);
  }
  if (r.integer) {
    const lo = clampSafe(Math.ceil(min)),
      hi = clampSafe(Math.floor(max));
    if (lo <= hi) return fc.integer({ min: lo, max: hi });
  }
  return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
}

/**
 * With no bound and no multipleOf, every number generalNumber draws is finite
 * and (where the place wants one) an integer: there is nothing for a filter
 * to refuse, and nothing to probe.
 */
function unconstrained(r: NumberRules): boolean {
  return r.bounds.length === 0 && r.multipleOf.length === 0;
}

export function validNumber(r: NumberRules, tame = false): fc.Arbitrary<number> {
  const plain = tame
    ? unconstrained(r)
      ? fc.integer({ min: 0, max: 1000 })
      : filteredIfViable(fc.integer({ min: 0, max: 1000 }), (x) => satisfies(x, r))
    : undefined;
  if (plain) return plain;
  const pool = NUMBER_POOL.filter((x) => satisfies(x, r));
  const general = unconstrained(r) ? generalNumber(r) : filteredIfViable(generalNumber(r), (x) => satisfies(x, r));
  if (!general && pool.length === 0) throw new UsageError(`cannot generate numbers for ${describeRules(r)}`);
  if (!general) return fc.constantFrom(...pool);
  if (pool.length === 0) return general;
  // the boundaries weigh as much as the rest of the pool, so that a run of 100 cases meets each with a real chance
  const edges = NUMBER_BOUNDARIES.filter((x) => satisfies(x, r));
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: general, weight: 3 },
    { arbitrary: fc.constantFrom(...pool), weight: 1 },
    ...(edges.length ? [{ arbitrary: fc.constantFrom(...edges), weight: 1 }] : []),
  );
}

const CLASS_GENERATORS: Partial<Record<NumberClass, fc.Arbitrary<number>>> = {
  integral: fc.integer({ min: -1000, max: 1000 }),
  fraction: fc.integer({ min: -1000, max: 1000 }).map((i) => i + 0.5),
};

/** The edge classes this number admits, each as an arbitrary of valid values. */
function describeRules(r: NumberRules): string {
  return [r.integer ? 'integer' : 'number', ...r.bounds.map((b) => `${b.keyword} ${b.value}`), ...r.multipleOf.map((m) => `multipleOf ${m}`)].join(', ');
}

export function numberClasses(r: NumberRules): Map<NumberClass, fc.Arbitrary<number>> {
  const out = new Map<NumberClass, fc.Arbitrary<number>>();
  for (const name of Object.keys(NUMBER_CLASSES) as NumberClass[]) {
    const pool = NUMBER_CLASSES[name].filter((x) => satisfies(x, r));
    if (pool.length === 0) continue;
    const gen = CLASS_GENERATORS[name];
    const viable = gen && filteredIfViable(gen, (x) => satisfies(x, r));
    out.set(name, viable ? fc.oneof({ withCrossShrink: true }, viable, fc.constantFrom(...pool)) : fc.constantFrom(...pool));
  }
  return out;
}

function nearBelow(b: number): number[] {
  return [b - 1, b - 0.5, b - 1e-9 * Math.max(1, Math.abs(b)), b - 2 ** 20, b - Math.abs(b) - 1];
}
function nearAbove(b: number): number[] {
  return [b + 1, b + 0.5, b + 1e-9 * Math.max(1, Math.abs(b)), b + 2 ** 20, b + Math.abs(b) + 1];
}

/** The Parse check each class makes, for every field whose values are numbers alone. */
const CLASS_CHECKS: Record<NumberClass, string> = {
  integral: 'AcceptsIntegral',
  fraction: 'AcceptsFraction',
  largeMagnitude: 'AcceptsLargeMagnitude',
  zero: 'AcceptsZero',
  boundary: 'AcceptsNumberBoundaries',
};

function valueClasses(r: NumberRules): ValueClass[] {
  return [...numberClasses(r)].map(([name, arbitrary]) => ({ name, check: CLASS_CHECKS[name], arbitrary }));
}

/** One breaker per bound and per multipleOf, each value obeying every other numeric rule. */
export function numberBreakers(r: NumberRules, pointer: string): DraftBreaker[] {
  const out: DraftBreaker[] = [];
  const breaker = (rule: string, candidates: number[], general: fc.Arbitrary<number>) => {
    const fixed = candidates.filter((x) => Number.isFinite(x) && !satisfies(x, r) && satisfies(x, r, rule));
    const gen = filteredIfViable(general, (x) => !satisfies(x, r) && satisfies(x, r, rule));
    const arbs = [...(fixed.length > 0 ? [fc.constantFrom(...fixed)] : []), ...(gen ? [gen] : [])];
    if (arbs.length === 0) return;
    const arb = arbs.length === 1 ? arbs[0]! : fc.oneof({ withCrossShrink: true }, ...arbs);
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
    const offsets = [m / 2, ...(Number.isInteger(m) && m > 1 ? [1, m - 1] : [m / 3])];
    const general = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(...offsets)).map(([k, d]) => k * m + d);
    breaker('multipleOf', [m / 2, m * 1.5, m + 1, 1.5, 1], general);
  }
  return out;
}

/** The numeric keywords: bounds and `multipleOf`, and `format` `double`/`float`, which add nothing to `type`. */
export const numericVocabulary: Vocabulary = {
  name: 'numeric',
  keywords: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'format'],
  builds: ['number'],
  valid: (c, conj, _pointer, types) => validNumber(numberRules(conj, types.integer), c.options.tame),
  classes: (conj, types) => (types.allowed.size === 1 && types.allowed.has('number') ? valueClasses(numberRules(conj, types.integer)) : []),
  breaks: (_conj, types) => types.allowed.has('number'),
  judges: {
    minimum: 'RejectsOutOfRange',
    maximum: 'RejectsOutOfRange',
    exclusiveMinimum: 'RejectsOutOfRange',
    exclusiveMaximum: 'RejectsOutOfRange',
    multipleOf: 'RejectsNonMultiple',
  },
  breakers: (_c, conj, pointer, _depth, types) => numberBreakers(numberRules(conj, types.integer), pointer),
};
