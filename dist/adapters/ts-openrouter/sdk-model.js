import { describeThrown, failure } from '../../core/contract.js';
/** Speakeasy names a TypeScript field after the wire field in lower camel case. */
export const camel = (wire) => wire.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** The SDK's own validation errors; any other throw is an exception, a defect. */
const isSdkError = (e) => e instanceof Error && /ZodError|SDKValidationError/.test(e.name + e.constructor.name);
/**
 * Bytes reach a Speakeasy SDK as text decoded by the fetch stream, so they
 * are decoded here the same way: UTF-8 with replacement, never fatal.
 */
export class SpeakeasyModel {
    model;
    mod;
    constructor(model, mod) {
        this.model = model;
        this.mod = mod;
    }
    render(native) {
        const out = {};
        for (const wire of Object.keys(this.model.schema.properties ?? {})) {
            const v = native[camel(wire)];
            if (v !== undefined)
                out[wire] = v;
        }
        return out;
    }
    native(value) {
        const out = {};
        if (value && typeof value === 'object' && !Array.isArray(value)) {
            for (const [k, v] of Object.entries(value))
                out[camel(k)] = v;
        }
        return out;
    }
    decode(payload) {
        try {
            const r = this.mod.fromJSON(new TextDecoder().decode(payload));
            if (!r.ok)
                return { ok: false, error: failure('parse_error', describeThrown(r.error)) };
            return { ok: true, native: r.value };
        }
        catch (e) {
            return { ok: false, error: failure('exception', describeThrown(e)) };
        }
    }
    parse(payload) {
        const d = this.decode(payload);
        if (!d.ok)
            return d.error;
        try {
            return { ok: true, value: this.render(d.native) };
        }
        catch (e) {
            return failure('exception', describeThrown(e));
        }
    }
    write(native) {
        try {
            return { ok: true, bytes: new TextEncoder().encode(this.mod.toJSON(native)) };
        }
        catch (e) {
            return failure(isSdkError(e) ? 'serialize_error' : 'exception', describeThrown(e));
        }
    }
    serialize(value) {
        return this.write(this.native(value));
    }
    reserialize(payload) {
        const d = this.decode(payload);
        return d.ok ? this.write(d.native) : d.error;
    }
}
//# sourceMappingURL=sdk-model.js.map