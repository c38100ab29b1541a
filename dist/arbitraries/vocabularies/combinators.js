import * as fc from 'fast-check';
import { conjOf, display } from '../_internals/conjunction.js';
import { child, keyOf } from '../_internals/node.js';
import { filteredIfViable } from '../_internals/probe.js';
import { UsageError } from '../../core/errors.js';
export function pendingCombinator(conj) {
    for (const node of conj.nodes) {
        const s = node.schema;
        for (const keyword of ['oneOf', 'anyOf']) {
            const key = `${keyOf(node)}/${keyword}`;
            if (typeof s === 'object' && Array.isArray(s[keyword]) && !conj.expanded.has(key))
                return { node, keyword, key };
        }
    }
    return undefined;
}
/** One conjunction per branch: the whole context plus that branch, the combinator marked done. */
function branches(c, conj, comb) {
    const list = comb.node.schema[comb.keyword];
    return list.map((_, i) => conjOf(c.ctx, [...conj.roots, child(comb.node, comb.keyword, i)], new Set([...conj.expanded, comb.key])));
}
/**
 * A value of some branch, kept only when the oracle agrees for the whole
 * schema: for `oneOf` that means no other branch matched too.
 */
export function validCombinator(c, conj, comb, pointer) {
    const valid = c.validatorOf(conj);
    // A branch whose values the whole schema (nearly) never accepts is left out: filtering it would spin.
    const arbs = branches(c, conj, comb).map((b) => c.build(b, pointer)).map((a) => filteredIfViable(a, valid)).filter((a) => a !== undefined);
    if (arbs.length === 0)
        throw new UsageError(`cannot generate values for the ${comb.keyword} at ${display(conj)}: no branch yields values the whole schema accepts`);
    return fc.oneof({ depthSize: 'small', withCrossShrink: true, depthIdentifier: c.depth }, ...arbs);
}
/** Each branch's breakers, kept only when no branch accepts the value; same rule and field merge. */
export function combinatorBreakers(c, conj, comb, pointer, depth) {
    const valid = c.validatorOf(conj);
    const grouped = new Map();
    for (const b of branches(c, conj, comb)) {
        for (const br of c.breakersOf(b, pointer, depth)) {
            const key = `${br.rule}\u0000${br.field}`;
            const g = grouped.get(key) ?? { rule: br.rule, field: br.field, arbs: [] };
            // a branch's breaker whose values another branch accepts breaks nothing: left out
            const still = filteredIfViable(br.arbitrary, (bv) => !valid(bv.value));
            if (still)
                g.arbs.push(still);
            grouped.set(key, g);
        }
    }
    return [...grouped.values()].filter((g) => g.arbs.length > 0).map((g) => ({
        rule: g.rule,
        field: g.field,
        approximate: true,
        arbitrary: g.arbs.length === 1 ? g.arbs[0] : fc.oneof(...g.arbs),
    }));
}
/** `oneOf` and `anyOf` (and `allOf`, which the conjunction folds in): a place with a pending combinator is the branches' to decide. */
export const combinatorVocabulary = {
    name: 'combinators',
    keywords: ['oneOf', 'anyOf', 'allOf'],
    claims: (conj) => pendingCombinator(conj) !== undefined,
    valid: (c, conj, pointer) => validCombinator(c, conj, pendingCombinator(conj), pointer),
    breakers: (c, conj, pointer, depth) => combinatorBreakers(c, conj, pendingCombinator(conj), pointer, depth),
};
//# sourceMappingURL=combinators.js.map