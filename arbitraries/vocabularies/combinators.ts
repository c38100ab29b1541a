import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { conjOf, display, type Conj } from '../_internals/conjunction.js';
import { child, keyOf, type Node } from '../_internals/node.js';
import type { Breaker, BrokenValue, Judge } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
import { filteredIfViable } from '../_internals/probe.js';
import { UsageError } from '../../core/errors.js';

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

/**
 * A value of some branch, kept only when the oracle agrees for the whole
 * schema: for `oneOf` that means no other branch matched too.
 */
export function validCombinator(c: Composer, conj: Conj, comb: PendingCombinator, pointer: string): fc.Arbitrary<Json> {
  const valid = c.validatorOf(conj);
  // A branch whose values the whole schema (nearly) never accepts is left out: filtering it would spin.
  const arbs = branches(c, conj, comb)
    .map((b) => c.build(b, pointer))
    .map((a) => filteredIfViable(a, valid))
    .filter((a) => a !== undefined);
  if (arbs.length === 0)
    throw new UsageError(`cannot generate values for the ${comb.keyword} at ${display(conj)}: no branch yields values the whole schema accepts`);
  return fc.oneof({ depthSize: 'small', withCrossShrink: true, depthIdentifier: c.depth }, ...arbs);
}

function withoutRepair({ repaired: _dropped, ...rest }: BrokenValue): BrokenValue {
  return rest;
}

/** Each branch's breakers, kept only when no branch accepts the value; same rule, field and judge merge. */
export function combinatorBreakers(c: Composer, conj: Conj, comb: PendingCombinator, pointer: string, depth: number): Breaker[] {
  const valid = c.validatorOf(conj);
  const grouped = new Map<string, { rule: string; field: string; judge: Judge; arbs: fc.Arbitrary<BrokenValue>[] }>();
  for (const b of branches(c, conj, comb)) {
    for (const br of c.breakersOf(b, pointer, depth)) {
      const key = `${br.rule}\u0000${br.field}\u0000${JSON.stringify(br.judge)}`;
      const g = grouped.get(key) ?? { rule: br.rule, field: br.field, judge: br.judge, arbs: [] };
      // a branch's breaker whose values another branch accepts breaks nothing: left out
      const still = filteredIfViable(br.arbitrary, (bv) => !valid(bv.value));
      // a repair that suits its branch but not the whole schema (another oneOf branch matches too) is no repair: the place above repairs instead
      if (still) g.arbs.push(still.map((bv) => (bv.repaired === undefined || valid(bv.repaired) ? bv : withoutRepair(bv))));
      grouped.set(key, g);
    }
  }
  return [...grouped.values()]
    .filter((g) => g.arbs.length > 0)
    .map((g) => ({
      rule: g.rule,
      field: g.field,
      judge: g.judge,
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
