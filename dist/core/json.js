import { LosslessNumber } from 'lossless-json';
export { LosslessNumber };
export function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof LosslessNumber);
}
/** Builds an object with own data properties only, so "__proto__" stays a key. */
export function objectFrom(entries) {
    return Object.fromEntries(entries);
}
/**
 * JSON text that keeps every number as meant: `-0` stays `-0`, a
 * LosslessNumber keeps its digits. `lenient` writes a non-finite number as
 * its name, for people to read; otherwise it is an error, since JSON has none.
 */
export function jsonText(v, lenient = false) {
    if (v === undefined) {
        if (lenient)
            return 'nothing';
        throw new TypeError('undefined has no JSON text');
    }
    if (typeof v === 'number') {
        if (Object.is(v, -0))
            return '-0';
        if (Number.isFinite(v))
            return JSON.stringify(v);
        if (lenient)
            return String(v);
        throw new TypeError(`${v} has no JSON text`);
    }
    if (v instanceof LosslessNumber)
        return v.toString();
    if (v === null || typeof v !== 'object')
        return JSON.stringify(v);
    if (Array.isArray(v))
        return `[${v.map((x) => jsonText(x, lenient)).join(',')}]`;
    return `{${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x, lenient)}`).join(',')}}`;
}
/** An answer as the doubles a float64 reader sees (JSON.parse, the oracle, a JavaScript SDK). */
export function asDoubles(v) {
    if (v instanceof LosslessNumber)
        return Number(v.toString());
    if (Array.isArray(v))
        return v.map(asDoubles);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asDoubles(x)]));
    return v;
}
//# sourceMappingURL=json.js.map