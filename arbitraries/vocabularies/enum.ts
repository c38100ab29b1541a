import * as fc from 'fast-check';
import { UsageError } from '../../core/errors.js';
import type { Json } from '../../core/json.js';
import { display, keywordValues, type Conj } from '../_internals/conjunction.js';
import type { Breaker } from '../_internals/types.js';
import type { Vocabulary } from '../_internals/vocabulary.js';
import { SAMPLE_OF_TYPE, typesOf } from './type.js';

/**
 * One string per JSON value, equal exactly when the values are (as
 * isDeepStrictEqual has them: `-0` is not `0`, key order does not count), so
 * that membership in an enum of thousands is a set lookup, not a scan.
 */
export function valueKey(v: Json): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'n-0' : `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (v === null || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${valueKey(v[k] as Json)}`).join(',')}}`;
}

/** The values every `enum` and `const` of the conjunction allows, or undefined when none constrains. */
export function enumValues(conj: Conj): Json[] | undefined {
  const lists = [
    ...keywordValues<Json[]>(conj, 'enum').map((v) => v.value),
    ...keywordValues<Json>(conj, 'const').map((v) => [v.value]),
  ];
  const [first, ...rest] = lists;
  if (!first) return undefined;
  const others = rest.map((l) => new Set(l.map(valueKey)));
  return first.filter((v) => others.every((keys) => keys.has(valueKey(v))));
}

/** Enough near misses to read well and to shrink to; an enum of thousands would give a list too long to spread. */
const MAX_MISSES = 512;

export function validEnum(conj: Conj, values: Json[], valid: (v: unknown) => boolean): fc.Arbitrary<Json> {
  const ok = values.filter(valid);
  if (ok.length === 0) throw new UsageError(`no value of the enum/const at ${display(conj)} satisfies the rest of the schema`);
  return fc.constantFrom(...ok);
}

function nearMisses(v: Json): Json[] {
  if (typeof v === 'string') {
    return [v.toUpperCase(), `${v} `, ` ${v}`, v.slice(0, -1), `${v}x`, v.replace(/[._]/g, '-'), ''];
  }
  if (typeof v === 'number') return [v + 1, -v - 1, v + 0.5];
  if (typeof v === 'boolean') return [!v];
  return [];
}

/** Values of an allowed JSON type outside the enum: near misses first, so a counterexample reads well. */
export function enumBreakers(conj: Conj, values: Json[], pointer: string): Breaker[] {
  const rule = keywordValues(conj, 'enum').length > 0 ? 'enum' : 'const';
  const types = typesOf(conj);
  const keys = new Set(values.map(valueKey));
  const inEnum = (x: Json) => keys.has(valueKey(x));
  const typeOk = (x: Json) => {
    const t = x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
    if (!types.allowed.has(t as any)) return false;
    return !(types.integer && typeof x === 'number' && x % 1 !== 0);
  };
  const misses: Json[] = [];
  for (const v of values) {
    for (const x of nearMisses(v)) if (misses.length < MAX_MISSES && !inEnum(x) && typeOk(x)) misses.push(x);
    if (misses.length >= MAX_MISSES) break;
  }
  const kinds = [...types.allowed].filter((t) => t !== 'null').map((t) => SAMPLE_OF_TYPE[t]);
  if (kinds.length === 0 && misses.length === 0) return [];
  const sameType = kinds.length > 0 ? fc.oneof(...kinds).filter((x) => !inEnum(x) && typeOk(x)) : fc.constantFrom(...misses);
  const arb: fc.Arbitrary<Json> = misses.length > 0 ? fc.oneof({ withCrossShrink: true }, fc.constantFrom(...misses), sameType) : sameType;
  return [{ rule, field: '', arbitrary: arb.map((value) => ({ value, rule, path: pointer })) }];
}

/** `enum` and `const`: the listed values are the place's values, near misses its breakers. */
export const enumVocabulary: Vocabulary = {
  name: 'enum',
  keywords: ['enum', 'const'],
  claims: (conj) => enumValues(conj) !== undefined,
  valid: (c, conj) => validEnum(conj, enumValues(conj)!, c.validatorOf(conj)),
  breakers: (_c, conj, pointer) => enumBreakers(conj, enumValues(conj)!, pointer),
};
