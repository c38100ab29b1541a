import { parse as parseLossless } from 'lossless-json';
import { difference, show } from '../core/equality.js';
import { asDoubles } from '../core/json.js';
export { asDoubles };
export const encodeText = (text) => new TextEncoder().encode(text);
export function shownPayload(text, note) {
    return { payload: { text, base64: Buffer.from(encodeText(text)).toString('base64') }, ...(note ? { note } : {}) };
}
/** Continues with the outcome whether the adapter answered now or later. */
export function andThen(x, f) {
    return x instanceof Promise ? x.then(f) : f(x);
}
/** A refusal that is not the implementation's documented error is a defect in every check. */
export function misbehaved(error) {
    if (error.kind === 'unsupported')
        return { status: 'unsupported', message: error.message };
    if (error.kind === 'parse_error' || error.kind === 'serialize_error')
        return undefined;
    return { status: 'fail', kind: error.kind, message: error.message, ...(error.stderr ? { stderr: error.stderr } : {}) };
}
export function expectParsed(outcome, expected) {
    if (!outcome.ok)
        return misbehaved(outcome.error) ?? { status: 'fail', kind: 'rejected-valid', message: `rejected a valid payload: ${outcome.error.message}` };
    const d = difference(expected, outcome.value);
    return d ? { status: 'fail', kind: 'mismatch', message: d, answer: show(outcome.value) } : { status: 'pass' };
}
export function expectRejected(outcome) {
    if (!outcome.ok)
        return misbehaved(outcome.error) ?? { status: 'pass' };
    return { status: 'fail', kind: 'accepted-invalid', message: 'accepted a payload that breaks the model', answer: show(outcome.value) };
}
/** Reads serializer output: UTF-8, then JSON with every number kept as written. */
export function readOutput(bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return { ok: false, message: 'output is not valid UTF-8', text: new TextDecoder().decode(bytes) };
    }
    try {
        return { ok: true, value: parseLossless(text), text };
    }
    catch (e) {
        return { ok: false, message: `output is not JSON: ${e.message}`, text };
    }
}
/** A value read from a serializer's output against its model's schema: its first error, or a pass. */
export function schemaVerdict(set, modelId, value, text) {
    const validate = set.ajv.getSchema(modelId);
    if (validate(asDoubles(value)))
        return { status: 'pass' };
    const e = validate.errors?.[0];
    return { status: 'fail', kind: 'invalid-output', message: `output breaks the schema: ${e?.instancePath || '/'} ${e?.message ?? ''}`.trim(), answer: text };
}
export function outputValidator(set, modelId) {
    return (bytes) => {
        const out = readOutput(bytes);
        return out.ok ? schemaVerdict(set, modelId, out.value, out.text) : { status: 'fail', kind: 'invalid-output', message: out.message, answer: out.text };
    };
}
/** Serializer output read back, or the verdict when there is none to read. */
export function written(outcome) {
    if (!outcome.ok) {
        return { ok: false, verdict: misbehaved(outcome.error) ?? { status: 'fail', kind: 'rejected-valid', message: `refused to serialize a valid value: ${outcome.error.message}` } };
    }
    const out = readOutput(outcome.bytes);
    if (!out.ok)
        return { ok: false, verdict: { status: 'fail', kind: 'invalid-output', message: out.message, answer: out.text } };
    return out;
}
/** `reserialize` where the adapter has it, else the contract's own parse then serialize. */
export function reserialize(adapter, model, payload) {
    if (adapter.reserialize && adapter.info.operations.reserialize?.includes(model))
        return adapter.reserialize(model, payload);
    return andThen(adapter.parse(model, payload), (p) => (p.ok ? adapter.serialize(model, asDoubles(p.value)) : p));
}
/**
 * Parses `text` only where the implementation reads the value's canonical
 * spelling correctly: a check of spellings or extra fields then speaks of
 * those alone, not of values the Parse suite already reports.
 */
export function expectParsedIfCanonicalIs(adapter, model, value, text, expected = value) {
    return andThen(adapter.parse(model, encodeText(JSON.stringify(expected))), (canonical) => {
        if (expectParsed(canonical, expected).status !== 'pass')
            return { status: 'vacuous' };
        return andThen(adapter.parse(model, encodeText(text)), (o) => expectParsed(o, expected));
    });
}
//# sourceMappingURL=verdicts.js.map