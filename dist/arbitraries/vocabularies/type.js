import * as fc from 'fast-check';
import { keywordValues } from '../_internals/conjunction.js';
export const JSON_TYPES = ['null', 'boolean', 'number', 'string', 'array', 'object'];
export function typesOf(conj) {
    const allowed = new Set(JSON_TYPES);
    let integer = false;
    for (const { value } of keywordValues(conj, 'type')) {
        const list = Array.isArray(value) ? value : [value];
        const here = new Set(list.map((t) => (t === 'integer' ? 'number' : t)));
        for (const t of [...allowed])
            if (!here.has(t))
                allowed.delete(t);
        if (list.includes('integer') && !list.includes('number'))
            integer = true;
    }
    return { allowed, integer };
}
/** Small values of each JSON type: what a wrong-type payload carries. */
export const SAMPLE_OF_TYPE = {
    null: fc.constant(null),
    boolean: fc.boolean(),
    number: fc.oneof(fc.constantFrom(0, 1, 1.5, -1), fc.integer()),
    string: fc.oneof(fc.constantFrom('', '0', '1', 'true', 'null'), fc.string({ maxLength: 8 })),
    array: fc.oneof(fc.constant([]), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })),
    object: fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { minKeys: 1, maxKeys: 2, noNullPrototype: true })),
};
export const smallJson = fc.jsonValue({ maxDepth: 2 });
/** Values of a JSON type the schema does not allow, `null` apart, and fractions where only integers are. */
export function typeBreakers(types, pointer) {
    const out = [];
    const wrong = JSON_TYPES.filter((t) => t !== 'null' && !types.allowed.has(t));
    const arbs = wrong.map((t) => SAMPLE_OF_TYPE[t]);
    if (types.integer && types.allowed.has('number'))
        arbs.push(fc.constantFrom(0.5, 1.5, -2.5, 1e-7));
    if (arbs.length > 0) {
        out.push({ rule: 'type', field: '', arbitrary: fc.oneof(...arbs).map((value) => ({ value, rule: 'type', path: pointer })) });
    }
    if (!types.allowed.has('null')) {
        out.push({ rule: 'null', field: '', arbitrary: fc.constant({ value: null, rule: 'null', path: pointer }) });
    }
    return out;
}
/** `type`: which JSON types a place allows; builds the two that have no keywords of their own. */
export const typeVocabulary = {
    name: 'type',
    keywords: ['type'],
    builds: ['null', 'boolean'],
    valid: (_c, _conj, _pointer, _types, type) => (type === 'null' ? fc.constant(null) : fc.boolean()),
    breaks: (conj) => keywordValues(conj, 'type').length > 0,
    breakers: (_c, _conj, pointer, _depth, types) => typeBreakers(types, pointer),
};
//# sourceMappingURL=type.js.map