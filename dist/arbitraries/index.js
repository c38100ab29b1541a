import * as fc from 'fast-check';
import { Context } from './_internals/context.js';
import { conjOf } from './_internals/conjunction.js';
import { pointerJoin } from './_internals/node.js';
import { Compiler } from './compile.js';
import { objectShape } from './vocabularies/object.js';
import { numberClasses, numberRules } from './vocabularies/numeric.js';
import { stringClasses, stringRules } from './vocabularies/string.js';
import { typesOf } from './vocabularies/type.js';
import { SUPPORTED_KEYWORDS } from './vocabularies/index.js';
export { wireSpellings } from './wire/spellings.js';
const contexts = new WeakMap();
function contextFor(source) {
    let ctx = contexts.get(source);
    if (!ctx)
        contexts.set(source, (ctx = new Context(source, SUPPORTED_KEYWORDS)));
    return ctx;
}
function rootNode(source, id) {
    const ctx = contextFor(source);
    const root = ctx.root(id);
    ctx.checkKeywords(root);
    return { ctx, root };
}
/** Values the schema accepts, biased toward those that break implementations. */
export function validValues(source, id, options = {}) {
    const { ctx, root } = rootNode(source, id);
    const c = new Compiler(ctx, options);
    return c.within(() => c.build(conjOf(ctx, [root]), ''));
}
/** Every family of values that break one rule, each labelled with that rule and where. */
export function breakers(source, id, options = {}) {
    const { ctx, root } = rootNode(source, id);
    const c = new Compiler(ctx, options);
    return c.within(() => c.breakersOf(conjOf(ctx, [root]), ''));
}
/**
 * Full-range values and plain ones in equal parts: for checks about how a
 * value is written rather than what it is, so that an implementation that
 * refuses some values still meets cases it can tell something by.
 */
export function mixedValues(source, id) {
    return fc.oneof(validValues(source, id, { tame: true }), validValues(source, id));
}
/** Any value breaking one rule of the schema. */
export function invalidValues(source, id) {
    const list = breakers(source, id);
    if (list.length === 0)
        throw new Error(`the schema ${id} has no rule to break`);
    return fc.oneof(...list.map((b) => b.arbitrary));
}
/** For each top-level property of an object schema, the edge classes its values fall in. */
export function fieldClasses(source, id) {
    const { ctx, root } = rootNode(source, id);
    const out = [];
    for (const [field, nodes] of objectShape(conjOf(ctx, [root])).properties) {
        const conj = conjOf(ctx, nodes);
        const types = typesOf(conj);
        const classes = new Map();
        if (types.allowed.size === 1 && types.allowed.has('number'))
            for (const [k, v] of numberClasses(numberRules(conj, types.integer)))
                classes.set(k, v);
        if (types.allowed.size === 1 && types.allowed.has('string') && !conj.nodes.some((n) => typeof n.schema === 'object' && ('enum' in n.schema || 'const' in n.schema))) {
            for (const [k, v] of stringClasses(stringRules(conj)))
                classes.set(k, v);
        }
        const pointer = pointerJoin('', field);
        for (const [className, arb] of classes) {
            out.push({ field, pointer, className, arbitrary: validValues(source, id, { tame: true, overrides: new Map([[pointer, arb]]) }) });
        }
    }
    return out;
}
//# sourceMappingURL=index.js.map