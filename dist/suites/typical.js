import * as fc from 'fast-check';
import { validValues } from '../arbitraries/index.js';
/**
 * One plain valid value of the model, the same on every run: the base that
 * observations change one thing of, so what they show is that one thing.
 */
export function typicalValue({ set, model }) {
    const validate = set.ajv.getSchema(model.id);
    const plain = {};
    for (const [k, s] of Object.entries(model.schema.properties ?? {})) {
        const target = typeof s.$ref === 'string' && s.$ref.startsWith('#/') ? s.$ref.slice(2).split('/').reduce((o, p) => o?.[p], model.schema) : s;
        if (Array.isArray(target?.enum))
            plain[k] = target.enum[0];
        else if (target?.type === 'string')
            plain[k] = 'ig_1';
        else if (target?.type === 'number' || target?.type === 'integer')
            plain[k] = 1;
    }
    if (validate(plain))
        return plain;
    return fc.sample(validValues(set, model.id), { seed: 42, numRuns: 1 })[0];
}
/** Property names whose schema is a plain string or number (no enum), in schema order. */
export function fieldsOfType(ctx, type) {
    return Object.entries(ctx.model.schema.properties ?? {})
        .filter(([, s]) => (type === 'number' ? s.type === 'number' || s.type === 'integer' : s.type === 'string' && !('enum' in s)))
        .map(([k]) => k);
}
/** The typical value as JSON text with one member's value replaced by raw JSON text. */
export function withRawMember(value, field, raw) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${k === field ? raw : JSON.stringify(v)}`).join(',')}}`;
}
//# sourceMappingURL=typical.js.map