import { UsageError } from '../../core/errors.js';
import { child, displayPath, keyOf } from './node.js';
function open(ctx, node, into, stack) {
    const s = node.schema;
    if (s === true)
        return false;
    into.push(node);
    if (typeof s !== 'object' || s === null)
        return false;
    let viaRef = false;
    if (typeof s.$ref === 'string') {
        const target = ctx.resolve(node, s.$ref);
        const k = keyOf(target);
        if (stack.has(k))
            throw new UsageError(`$ref cycle with no schema in between at ${displayPath(node)}`);
        stack.add(k);
        open(ctx, target, into, stack);
        stack.delete(k);
        viaRef = true;
    }
    if (Array.isArray(s.allOf)) {
        s.allOf.forEach((_, i) => {
            viaRef = open(ctx, child(node, 'allOf', i), into, stack) || viaRef;
        });
    }
    return viaRef;
}
export function conjOf(ctx, roots, expanded = new Set()) {
    const nodes = [];
    let viaRef = false;
    for (const r of roots)
        viaRef = open(ctx, r, nodes, new Set([keyOf(r)])) || viaRef;
    return { roots, nodes, expanded, viaRef };
}
export function conjKey(conj) {
    return conj.roots.map(keyOf).join('&') + (conj.expanded.size ? `|${[...conj.expanded].sort().join(',')}` : '');
}
/** Values of `keyword` across the conjunction, in order. */
export function keywordValues(conj, keyword) {
    const out = [];
    for (const node of conj.nodes) {
        const s = node.schema;
        if (typeof s === 'object' && s !== null && keyword in s)
            out.push({ value: s[keyword], node });
    }
    return out;
}
export function has(conj, keyword) {
    return keywordValues(conj, keyword).length > 0;
}
export function display(conj) {
    return conj.roots.map(displayPath).join(' & ');
}
//# sourceMappingURL=conjunction.js.map