import * as fc from 'fast-check';
import { keywordValues, type Conj } from '../_internals/conjunction.js';
import type { DraftBreaker } from '../_internals/types.js';
import type { ValueClass, Vocabulary } from '../_internals/vocabulary.js';
import { enumValues } from './enum.js';
import { filteredIfViable } from '../_internals/probe.js';
import { UsageError } from '../../core/errors.js';
import { LONE_SURROGATES, STRING_BOUNDARIES, STRING_CLASSES, STRING_POOL } from '../pools/strings.js';

export type StringClass = keyof typeof STRING_CLASSES | 'lengthBoundary';

export interface StringRules {
  minLength: number;
  maxLength: number | undefined;
  patterns: RegExp[];
}

export function stringRules(conj: Conj): StringRules {
  const mins = keywordValues<number>(conj, 'minLength').map((v) => v.value);
  const maxs = keywordValues<number>(conj, 'maxLength').map((v) => v.value);
  return {
    minLength: Math.max(0, ...mins),
    maxLength: maxs.length ? Math.min(...maxs) : undefined,
    // ajv compiles patterns with the "u" flag; so do we, or the two would disagree on "." and classes.
    patterns: keywordValues<string>(conj, 'pattern').map((v) => new RegExp(v.value, 'u')),
  };
}

/** Length as JSON Schema counts it: code points, as ajv's ucs2length does. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function satisfiesString(s: string, r: StringRules, except?: string): boolean {
  const len = codePointLength(s);
  if (except !== 'minLength' && len < r.minLength) return false;
  if (except !== 'maxLength' && r.maxLength !== undefined && len > r.maxLength) return false;
  if (except !== 'pattern') for (const p of r.patterns) if (!p.test(s)) return false;
  return true;
}

/** Code points without the surrogates, as fast-check orders them for unit 'binary'. */
const SCALAR_VALUES = 0x110000 - 0x800;

/**
 * fast-check's unit 'binary' to the value: the same nat drawn, the same code
 * point built, the same shrinks. Its own reads a string back through a Map of
 * every code point, built on first use: 1.1 million entries, over a second
 * and 150 MB in every orc process. This one reads it back by arithmetic.
 */
export const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: SCALAR_VALUES - 1 }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + 0x800),
  (s) => {
    const cp = typeof s === 'string' ? s.codePointAt(0) : undefined;
    if (cp === undefined || (s as string).length !== (cp > 0xffff ? 2 : 1) || (cp >= 0xd800 && cp <= 0xdfff)) throw new Error('not one Unicode scalar value');
    return cp < 0xd800 ? cp : cp - 0x800;
  },
);

const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

export interface StringOptions {
  loneSurrogates?: boolean;
  tame?: boolean;
}

function generalString(r: StringRules, options: StringOptions): fc.Arbitrary<string> {
  const first = r.patterns[0];
  if (first) return fc.stringMatching(first);
  const len = { minLength: r.minLength, maxLength: r.maxLength ?? Math.max(r.minLength + 16, 32) };
  const arbs: fc.Arbitrary<string>[] = [
    fc.string(len),
    fc.string({ ...len, unit: binaryUnit }),
    fc.string({ ...len, unit: 'grapheme' }),
    fc.string({ ...len, unit: fc.oneof(control, astral, fc.constantFrom('\u2028', '\u2029', '"', '\\', ' ')) }),
  ];
  if (options.loneSurrogates)
    arbs.push(
      fc.string({
        ...len,
        unit: fc.oneof(
          surrogate,
          fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
        ),
      }),
    );
  return fc.oneof(...arbs);
}

/**
 * Whether every string the general generator draws satisfies the rules:
 * with no pattern and no maxLength it can draw nothing they refuse (each of
 * its units is at least one code point, so minLength holds), and its filter
 * need not be probed.
 */
function cannotReject(r: StringRules): boolean {
  return r.patterns.length === 0 && r.maxLength === undefined;
}

/**
 * Strings of the same rules are the same arbitrary: made once, since the
 * pools it filters hold strings of 64 Ki code units, and a nested schema
 * holds a hundred places that are plain strings.
 */
const madeStrings = new Map<string, fc.Arbitrary<string>>();

/** `maxLength` code points: the size bound where a string nests (never below the schema's minLength). */
export function validString(r: StringRules, options: StringOptions = {}, maxLength?: number): fc.Arbitrary<string> {
  const key = JSON.stringify([r.minLength, r.maxLength, r.patterns.map(String), options.tame ?? false, options.loneSurrogates ?? false, maxLength]);
  let arb = madeStrings.get(key);
  if (!arb) madeStrings.set(key, (arb = makeString(r, options, maxLength)));
  return arb;
}

function makeString(r: StringRules, options: StringOptions, maxLength: number | undefined): fc.Arbitrary<string> {
  if (options.tame && r.patterns.length === 0)
    return fc.string({ minLength: r.minLength, maxLength: r.maxLength ?? Math.max(r.minLength, 12) }).filter((s) => satisfiesString(s, r));
  const limit = maxLength === undefined ? undefined : Math.max(maxLength, r.minLength);
  const fits = (s: string) => satisfiesString(s, r) && (limit === undefined || codePointLength(s) <= limit);
  const extra = options.loneSurrogates ? LONE_SURROGATES : [];
  const pool = [...STRING_POOL, ...extra].filter(fits);
  const drawnUpTo = r.maxLength ?? Math.max(r.minLength + 16, 32);
  // the bound is on the size of a case, not a rule: the filter below holds the schema's rules alone
  const generalArb = generalString(limit !== undefined && limit < drawnUpTo ? { ...r, maxLength: limit } : r, options);
  const general = cannotReject(r) ? generalArb : filteredIfViable(generalArb, (s) => satisfiesString(s, r));
  if (!general && pool.length === 0)
    throw new UsageError(`cannot generate strings of length ${r.minLength}..${r.maxLength ?? '∞'} matching ${r.patterns.map(String).join(' and ')}`);
  if (!general) return fc.constantFrom(...pool);
  const edges = [...lengthBoundaries(r)].filter(fits);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: general, weight: 3 },
    ...(pool.length ? [{ arbitrary: fc.constantFrom(...pool), weight: 1 }] : []),
    ...(edges.length ? [{ arbitrary: fc.constantFrom(...edges), weight: 1 }] : []),
  );
}

/** The length boundaries a string admits, and the longest and shortest its schema allows. */
function lengthBoundaries(r: StringRules): Set<string> {
  const out = new Set(STRING_BOUNDARIES.map((b) => b.value).filter((s) => satisfiesString(s, r)));
  if (r.patterns.length === 0) {
    for (const n of [r.minLength, r.maxLength]) if (n !== undefined && n > 0 && satisfiesString('x'.repeat(n), r)) out.add('x'.repeat(n));
  }
  return out;
}

const CLASS_GENERATORS: Partial<Record<StringClass, fc.Arbitrary<string>>> = {
  whitespace: fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), minLength: 1, maxLength: 8 }),
  control: fc.string({ unit: control, minLength: 1, maxLength: 8 }),
  nonBmp: fc.string({ unit: astral, minLength: 1, maxLength: 8 }),
};

/** The edge classes a string admits; none for a constrained string, whose pools rarely fit. */
export function stringClasses(r: StringRules): Map<StringClass, fc.Arbitrary<string>> {
  const out = new Map<StringClass, fc.Arbitrary<string>>();
  if (r.patterns.length > 0 || r.minLength > 0 || r.maxLength !== undefined) return out;
  for (const name of Object.keys(STRING_CLASSES) as (keyof typeof STRING_CLASSES)[]) {
    const pool = STRING_CLASSES[name];
    const gen = CLASS_GENERATORS[name];
    out.set(name, gen ? fc.oneof({ withCrossShrink: true }, gen, fc.constantFrom(...pool)) : fc.constantFrom(...pool));
  }
  out.set('lengthBoundary', fc.constantFrom(...lengthBoundaries(r)));
  return out;
}

/** The Parse check each class makes, for every field whose values are strings alone. */
const CLASS_CHECKS: Record<StringClass, string> = {
  empty: 'AcceptsEmptyString',
  whitespace: 'AcceptsWhitespace',
  control: 'AcceptsControlCharacters',
  nonBmp: 'AcceptsNonBmp',
  combiningAndRtl: 'AcceptsCombiningAndRtl',
  long: 'AcceptsLongString',
  lengthBoundary: 'AcceptsLengthBoundaries',
};

/** None where an enum or const lists the values: the pools' strings are not among them. */
function valueClasses(conj: Conj): ValueClass[] {
  if (enumValues(conj) !== undefined) return [];
  return [...stringClasses(stringRules(conj))].map(([name, arbitrary]) => ({ name, check: CLASS_CHECKS[name], arbitrary }));
}

export function stringBreakers(r: StringRules, pointer: string): DraftBreaker[] {
  const out: DraftBreaker[] = [];
  const breaker = (rule: string, arb: fc.Arbitrary<string>) => {
    const broken = filteredIfViable(arb, (s) => !satisfiesString(s, r) && satisfiesString(s, r, rule));
    if (!broken) return;
    out.push({ rule, field: '', arbitrary: broken.map((value) => ({ value, rule, path: pointer })) });
  };
  if (r.minLength > 0) breaker('minLength', fc.string({ maxLength: r.minLength - 1 }));
  if (r.maxLength !== undefined) breaker('maxLength', fc.string({ minLength: r.maxLength + 1, maxLength: r.maxLength + 8 }));
  if (r.patterns.length > 0) {
    const len = { minLength: r.minLength, maxLength: r.maxLength ?? r.minLength + 16 };
    breaker('pattern', fc.oneof(fc.string(len), fc.string({ ...len, unit: binaryUnit })));
  }
  return out;
}

/** The string keywords: lengths in code points, and `pattern`. */
export const stringVocabulary: Vocabulary = {
  name: 'string',
  keywords: ['minLength', 'maxLength', 'pattern'],
  builds: ['string'],
  valid: (c, conj, pointer) => validString(stringRules(conj), c.options, c.boundAt(pointer)?.stringLength),
  classes: (conj, types) => (types.allowed.size === 1 && types.allowed.has('string') ? valueClasses(conj) : []),
  breaks: (_conj, types) => types.allowed.has('string'),
  judges: { minLength: 'RejectsLength', maxLength: 'RejectsLength', pattern: 'RejectsPatternMismatch' },
  breakers: (_c, conj, pointer) => stringBreakers(stringRules(conj), pointer),
};
