import type { Json } from '../../core/json.js';
import { conjOf, type Conj } from '../_internals/conjunction.js';
import type { Context } from '../_internals/context.js';
import type { JsonType } from '../_internals/vocabulary.js';
import { enumValues, valueKey } from './enum.js';
import { objectShape } from './object.js';
import { typesOf } from './type.js';

/** How deep `possibleTypes` looks through unions nested at one place. */
const NESTED_UNIONS = 4;

/** The JSON type of a value, as `type` names it (`integer` counts as `number`). */
export function jsonTypeOf(v: Json): JsonType {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType);
}

/**
 * The JSON types a valid value at the place can have: what `type` allows,
 * narrowed by an enum's values and by the branches of a union at the same
 * place (`anyOf: [{oneOf: [{$ref: SomeEnum}]}, {type: null}]`).
 */
export function possibleTypes(ctx: Context, conj: Conj, branchesOf: (conj: Conj) => Conj[] | undefined, depth = 0): Set<JsonType> {
  const out = new Set(typesOf(conj).allowed);
  const listed = enumValues(conj);
  if (listed) {
    const listedTypes = new Set(listed.map(jsonTypeOf));
    for (const t of out) if (!listedTypes.has(t)) out.delete(t);
  }
  const branches = depth < NESTED_UNIONS ? branchesOf(conj) : undefined;
  if (branches) {
    const union = new Set(branches.flatMap((b) => [...possibleTypes(ctx, b, branchesOf, depth + 1)]));
    for (const t of out) if (!union.has(t)) out.delete(t);
  }
  return out;
}

/** A member every value of the branch has (required), whose values the branch lists: a discriminator candidate. */
function listedRequired(ctx: Context, conj: Conj): Map<string, Set<string>> {
  const shape = objectShape(conj);
  const out = new Map<string, Set<string>>();
  for (const r of shape.required) {
    const nodes = shape.properties.get(r);
    const values = nodes && enumValues(conjOf(ctx, nodes));
    if (values) out.set(r, new Set(values.map(valueKey)));
  }
  return out;
}

/**
 * For each branch of a union, how each other branch refuses its values. Two
 * branches are apart when no value can satisfy both: their JSON types differ
 * (the nullable `anyOf: [X, {type: null}]`), or the first holds objects only
 * and both require a member whose listed values (`const`, a one-value
 * `enum`) differ (the discriminated unions the spec writes, with or without
 * `discriminator`). Where every pair is apart, a value one branch builds is
 * one no other branch takes, and needs no oracle to say so.
 */
export interface Apartness {
  /** Every branch's values are refused by every other branch. */
  all: boolean;
  /** Branch i's value types, for the breakers that keep them. */
  types: Set<JsonType>[];
  /** apart[i][j]: how branch j refuses branch i's values, if it always does: by type, or by the member named. */
  apart: (undefined | { byType: true } | { member: string; values: Json[] })[][];
}

export function apartness(ctx: Context, branches: Conj[], branchesOf: (conj: Conj) => Conj[] | undefined): Apartness {
  const types = branches.map((b) => possibleTypes(ctx, b, branchesOf));
  const listed = branches.map((b) => listedRequired(ctx, b));
  const apart = branches.map((_, i) =>
    branches.map((_, j): Apartness['apart'][number][number] => {
      if (i === j) return undefined;
      if (![...types[i]!].some((t) => types[j]!.has(t))) return { byType: true };
      if (types[i]!.size !== 1 || !types[i]!.has('object')) return undefined;
      for (const [member, mine] of listed[i]!) {
        const theirs = listed[j]!.get(member);
        if (theirs && ![...mine].some((k) => theirs.has(k))) {
          const values = enumValues(conjOf(ctx, objectShape(branches[j]!).properties.get(member)!))!;
          return { member, values };
        }
      }
      return undefined;
    }),
  );
  return { all: apart.every((row, i) => row.every((a, j) => i === j || a !== undefined)), types, apart };
}
