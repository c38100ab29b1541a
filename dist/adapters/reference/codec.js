export class ReferenceParseError extends Error {
    name = 'ReferenceParseError';
}
/** The reference's native object: fields kept privately, read through accessors, like a generated SDK class. */
export class ReferenceEvent {
    model;
    #fields;
    constructor(model, fields) {
        this.model = model;
        this.#fields = fields;
    }
    get(field) {
        return this.#fields.get(field);
    }
}
function resolveLocal(doc, s) {
    if (typeof s.$ref !== 'string')
        return s;
    if (!s.$ref.startsWith('#/'))
        throw new Error(`the reference implementation reads local $refs only, not ${s.$ref}`);
    return s.$ref.slice(2).split('/').reduce((o, k) => o?.[k], doc);
}
function fieldType(doc, name, raw) {
    const s = resolveLocal(doc, raw);
    if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string'))
        return { kind: 'enum', values: s.enum };
    if (s.type === 'string')
        return { kind: 'string' };
    if (s.type === 'number')
        return { kind: 'number' };
    if (s.type === 'integer')
        return { kind: 'integer' };
    throw new Error(`the reference implementation has no field type for ${name}`);
}
/**
 * A strict codec for one flat event model, written the way an SDK is: its own
 * checks, not the oracle's. Unknown fields are ignored; a number must be a
 * finite double; a payload must be valid UTF-8.
 */
export class Codec {
    model;
    fields;
    required;
    constructor(model) {
        this.model = model;
        const s = model.schema;
        if (s.type !== 'object')
            throw new Error(`the reference implementation models objects only, not ${model.name}`);
        this.fields = Object.entries(s.properties ?? {}).map(([k, v]) => [k, fieldType(s, k, v)]);
        this.required = new Set(s.required ?? []);
    }
    decode(payload) {
        let text;
        try {
            text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(payload);
        }
        catch {
            throw new ReferenceParseError('payload is not valid UTF-8');
        }
        let json;
        try {
            json = JSON.parse(text);
        }
        catch (e) {
            throw new ReferenceParseError(`payload is not JSON: ${e.message}`);
        }
        return this.fromWire(json, ReferenceParseError);
    }
    fromWire(json, Err) {
        if (typeof json !== 'object' || json === null || Array.isArray(json))
            throw new Err(`${this.model.name} must be a JSON object`);
        const o = json;
        const fields = new Map();
        for (const [name, t] of this.fields) {
            if (!Object.hasOwn(o, name)) {
                if (this.required.has(name))
                    throw new Err(`missing required field ${name}`);
                continue;
            }
            fields.set(name, this.check(name, t, o[name], Err));
        }
        return new ReferenceEvent(this.model.name, fields);
    }
    check(name, t, v, Err) {
        switch (t.kind) {
            case 'string':
                if (typeof v !== 'string')
                    throw new Err(`${name} must be a string`);
                return v;
            case 'enum':
                if (typeof v !== 'string' || !t.values.includes(v))
                    throw new Err(`${name} must be one of ${t.values.join(', ')}`);
                return v;
            case 'number':
            case 'integer':
                if (typeof v !== 'number' || !Number.isFinite(v))
                    throw new Err(`${name} must be a finite number`);
                if (t.kind === 'integer' && !Number.isInteger(v))
                    throw new Err(`${name} must be an integer`);
                return v;
        }
    }
    render(event) {
        const out = {};
        for (const [name] of this.fields) {
            const v = event.get(name);
            if (v !== undefined)
                out[name] = v;
        }
        return out;
    }
    /** Fields in schema order, each written by JSON.stringify: the output is valid JSON in UTF-8. */
    encode(event) {
        const members = this.fields
            .filter(([name]) => event.get(name) !== undefined)
            .map(([name]) => `${JSON.stringify(name)}:${JSON.stringify(event.get(name))}`);
        return new TextEncoder().encode(`{${members.join(',')}}`);
    }
}
//# sourceMappingURL=codec.js.map