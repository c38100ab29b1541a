import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { conjKey, conjOf, display, type Conj } from '../_internals/conjunction.js';
import { once } from '../_internals/lazy.js';
import { child, keyOf, pointerJoin, type Node } from '../_internals/node.js';
import type { Breaker, BrokenValue, Judge } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
import { filteredIfViable } from '../_internals/probe.js';
import { UsageError } from '../../core/errors.js';
import { isAnnotation } from '../_internals/keywords.js';
import { apartness, jsonTypeOf, type Apartness } from './disjoint.js';

export interface PendingCombinator {
  node: Node;
  keyword: 'oneOf' | 'anyOf';
  key: string;
}

export function pendingCombinator(conj: Conj): PendingCombinator | undefined {
  for (const node of conj.nodes) {
    const s = node.schema as Record<string, any>;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const key = `${keyOf(node)}/${keyword}`;
      if (typeof s === 'object' && Array.isArray(s[keyword]) && !conj.expanded.has(key)) return { node, keyword, key };
    }
  }
  return undefined;
}

/** One conjunction per branch: the whole context plus that branch, the combinator marked done. */
function branches(c: Composer, conj: Conj, comb: PendingCombinator): Conj[] {
  const list = (comb.node.schema as Record<string, any>)[comb.keyword] as unknown[];
  return list.map((_, i) => conjOf(c.ctx, [...conj.roots, child(comb.node, comb.keyword, i)], new Set([...conj.expanded, comb.key])));
}

/** How the branches of the union at this place refuse each other's values: worked out once per place. */
function apartHere(c: Composer, conj: Conj, comb: PendingCombinator): { branches: Conj[]; apart: Apartness } {
  return c.memo(`apart\u0000${conjKey(conj)}`, () => {
    const list = branches(c, conj, comb);
    const branchesOf = (x: Conj) => {
      const inner = pendingCombinator(x);
      return inner ? branches(c, x, inner) : undefined;
    };
    return { branches: list, apart: apartness(c.ctx, list, branchesOf) };
  });
}

/**
 * A value of some branch, kept only when the oracle agrees for the whole
 * schema: for `oneOf` that means no other branch matched too. Where the
 * branches are apart (see `apartness`), no other branch can match, and the
 * branch's own values need no filter.
 */
export function validCombinator(c: Composer, conj: Conj, comb: PendingCombinator, pointer: string): fc.Arbitrary<Json> {
  const { branches: list, apart } = apartHere(c, conj, comb);
  const built = list.map((b) => c.build(b, pointer));
  const valid = apart.all ? undefined : c.validatorOf(conj);
  // A branch whose values the whole schema (nearly) never accepts is left out: filtering it would spin.
  const arbs = valid ? built.map((a) => filteredIfViable(a, valid)).filter((a) => a !== undefined) : built;
  if (arbs.length === 0)
    throw new UsageError(`cannot generate values for the ${comb.keyword} at ${display(conj)}: no branch yields values the whole schema accepts`);
  return fc.oneof({ depthSize: 'small', withCrossShrink: true, depthIdentifier: c.depth }, ...arbs);
}

function withoutRepair({ repaired: _dropped, ...rest }: BrokenValue): BrokenValue {
  return rest;
}

/**
 * Whether every other branch refuses each value of branch i's breaker, and
 * its repair is branch i's (so the whole union's) valid value. A breaker
 * below the place keeps the branch's JSON type (it changes a member or an
 * item), so a branch apart by type refuses it; and it keeps the branch's
 * discriminator unless it breaks that member, where a missing member is
 * refused by a branch requiring it and the others' values were kept out
 * where it was drawn (`breakersExcluding`). What breaks the place itself
 * (a wrong type, `null`) may be what another branch takes: the oracle says.
 */
function refusedElsewhere(apart: Apartness, i: number, br: Breaker): boolean {
  if (br.field === '') return false;
  return apart.apart[i]!.every((a, j) => {
    if (j === i) return true;
    if (!a) return false;
    if ('byType' in a) return true;
    return br.field === a.member || !br.field.startsWith(`${a.member}.`);
  });
}

/** Whether the place says nothing but its union (annotations apart): then the union's verdict is its branches'. */
function plainUnion(conj: Conj, comb: PendingCombinator): boolean {
  return conj.nodes.every((n) => n === comb.node && Object.keys(n.schema as object).every((k) => k === comb.keyword || isAnnotation(k)));
}

/**
 * The union's verdict from its branches' own validators, each asked only of
 * a value of a JSON type it can have (the others refuse it): a nullable
 * place asks `{type: "null"}` of `null`, not a validator compiled for the
 * whole place and everything below it.
 */
function branchVerdict(c: Composer, comb: PendingCombinator, apart: Apartness): (v: Json) => boolean {
  const nodes = ((comb.node.schema as Record<string, unknown[]>)[comb.keyword] ?? []).map((_, i) => child(comb.node, comb.keyword, i));
  return (v) => {
    const t = jsonTypeOf(v);
    let accepting = 0;
    for (const [j, node] of nodes.entries()) if (apart.types[j]!.has(t) && c.ctx.validator(node)(v)) accepting++;
    return comb.keyword === 'anyOf' ? accepting > 0 : accepting === 1;
  };
}

/** Each branch's breakers, kept only when no branch accepts the value; same rule, field and judge merge. */
export function combinatorBreakers(c: Composer, conj: Conj, comb: PendingCombinator, pointer: string, depth: number): Breaker[] {
  const { branches: list, apart } = apartHere(c, conj, comb);
  const validator = once(() => c.validatorOf(conj));
  const valid = (v: unknown) => validator()(v);
  // a value whose JSON type no branch can have is refused without asking the oracle (compiling it for this place costs more than the rest)
  const byBranch = plainUnion(conj, comb) ? branchVerdict(c, comb, apart) : undefined;
  const mayBeValid = (v: Json) => apart.types.some((t) => t.has(jsonTypeOf(v))) && (byBranch ? byBranch(v) : valid(v));
  const grouped = new Map<string, { rule: string; field: string; judge: Judge; accepted?: boolean; arbs: fc.Arbitrary<BrokenValue>[] }>();
  for (const [i, b] of list.entries()) {
    // the values other branches' discriminators take are kept out of this branch's breakers of that member
    const excluded = new Map<string, Json[]>();
    for (const a of apart.apart[i]!) {
      if (!a || !('member' in a)) continue;
      const at = pointerJoin(pointer, a.member);
      excluded.set(at, [...(excluded.get(at) ?? []), ...a.values]);
    }
    const own = excluded.size > 0 ? c.breakersExcluding(b, pointer, depth, excluded) : c.breakersOf(b, pointer, depth);
    for (const br of own) {
      const key = `${br.rule}\u0000${br.field}\u0000${JSON.stringify(br.judge)}`;
      const g = grouped.get(key) ?? { rule: br.rule, field: br.field, judge: br.judge, ...(br.accepted ? { accepted: true } : {}), arbs: [] };
      grouped.set(key, g);
      if (refusedElsewhere(apart, i, br)) {
        g.arbs.push(br.arbitrary);
        continue;
      }
      // a branch's breaker whose values another branch accepts breaks nothing: left out; values another suite takes
      // (a member no branch names) need not be invalid, only whole again without what was added
      const still =
        typeof br.judge === 'string'
          ? filteredIfViable(
              br.arbitrary,
              (bv) => !mayBeValid(bv.value),
              (bv) => !apart.types.some((t) => t.has(jsonTypeOf(bv.value))),
            )
          : filteredIfViable(br.arbitrary, (bv) => bv.repaired === undefined || valid(bv.repaired));
      // a repair that suits its branch but not the whole schema (another oneOf branch matches too) is no repair: the place above repairs instead
      if (still) g.arbs.push(still.map((bv) => (bv.repaired === undefined || valid(bv.repaired) ? bv : withoutRepair(bv))));
    }
  }
  return [...grouped.values()]
    .filter((g) => g.arbs.length > 0)
    .map((g) => ({
      rule: g.rule,
      field: g.field,
      judge: g.judge,
      ...(g.accepted ? { accepted: true } : {}),
      approximate: true,
      arbitrary: g.arbs.length === 1 ? g.arbs[0]! : fc.oneof(...g.arbs),
    }));
}

/** `oneOf` and `anyOf` (and `allOf`, which the conjunction folds in): a place with a pending combinator is the branches' to decide. */
export const combinatorVocabulary: Vocabulary = {
  name: 'combinators',
  keywords: ['oneOf', 'anyOf', 'allOf'],
  claims: (conj) => pendingCombinator(conj) !== undefined,
  valid: (c, conj, pointer) => validCombinator(c, conj, pendingCombinator(conj)!, pointer),
  breakers: (c, conj, pointer, depth) => combinatorBreakers(c, conj, pendingCombinator(conj)!, pointer, depth),
};
