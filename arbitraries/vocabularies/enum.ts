import * as fc from 'fast-check';
import { UsageError } from '../../src/errors.ts';
import type { Json } from '../../src/json.ts';
import { display, keywordValues, type Conj } from '../_internals/conjunction.ts';
import type { Breaker } from '../_internals/types.ts';
import { SAMPLE_OF_TYPE, typesOf } from './type.ts';
import { isDeepStrictEqual } from 'node:util';

/** The values every `enum` and `const` of the conjunction allows, or undefined when none constrains. */
export function enumValues(conj: Conj): Json[] | undefined {
  const lists = [
    ...keywordValues<Json[]>(conj, 'enum').map((v) => v.value),
    ...keywordValues<Json>(conj, 'const').map((v) => [v.value]),
  ];
  const [first, ...rest] = lists;
  if (!first) return undefined;
  return first.filter((v) => rest.every((l) => l.some((w) => isDeepStrictEqual(v, w))));
}

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
  const inEnum = (x: Json) => values.some((v) => isDeepStrictEqual(v, x));
  const typeOk = (x: Json) => {
    const t = x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
    if (!types.allowed.has(t as any)) return false;
    return !(types.integer && typeof x === 'number' && x % 1 !== 0);
  };
  const misses = values.flatMap(nearMisses).filter((x) => !inEnum(x) && typeOk(x));
  const kinds = [...types.allowed].filter((t) => t !== 'null').map((t) => SAMPLE_OF_TYPE[t]);
  if (kinds.length === 0 && misses.length === 0) return [];
  const sameType = kinds.length > 0 ? fc.oneof(...kinds).filter((x) => !inEnum(x) && typeOk(x)) : fc.constantFrom(...misses);
  const arb: fc.Arbitrary<Json> = misses.length > 0 ? fc.oneof({ withCrossShrink: true }, fc.constantFrom(...misses), sameType) : sameType;
  return [{ rule, field: '', arbitrary: arb.map((value) => ({ value, rule, path: pointer })) }];
}
