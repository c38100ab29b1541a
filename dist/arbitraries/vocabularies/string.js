import * as fc from 'fast-check';
import { keywordValues } from '../_internals/conjunction.js';
import { filteredIfViable } from '../_internals/probe.js';
import { UsageError } from '../../core/errors.js';
import { LONE_SURROGATES, STRING_CLASSES, STRING_POOL } from '../pools/strings.js';
export function stringRules(conj) {
    const mins = keywordValues(conj, 'minLength').map((v) => v.value);
    const maxs = keywordValues(conj, 'maxLength').map((v) => v.value);
    return {
        minLength: Math.max(0, ...mins),
        maxLength: maxs.length ? Math.min(...maxs) : undefined,
        // ajv compiles patterns with the "u" flag; so do we, or the two would disagree on "." and classes.
        patterns: keywordValues(conj, 'pattern').map((v) => new RegExp(v.value, 'u')),
    };
}
/** Length as JSON Schema counts it: code points, as ajv's ucs2length does. */
export function codePointLength(s) {
    let n = 0;
    for (const _ of s)
        n++;
    return n;
}
export function satisfiesString(s, r, except) {
    const len = codePointLength(s);
    if (except !== 'minLength' && len < r.minLength)
        return false;
    if (except !== 'maxLength' && r.maxLength !== undefined && len > r.maxLength)
        return false;
    if (except !== 'pattern')
        for (const p of r.patterns)
            if (!p.test(s))
                return false;
    return true;
}
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
function generalString(r, options) {
    const first = r.patterns[0];
    if (first)
        return fc.stringMatching(first);
    const len = { minLength: r.minLength, maxLength: r.maxLength ?? Math.max(r.minLength + 16, 32) };
    const arbs = [
        fc.string(len),
        fc.string({ ...len, unit: 'binary' }),
        fc.string({ ...len, unit: 'grapheme' }),
        fc.string({ ...len, unit: fc.oneof(control, astral, fc.constantFrom('\u2028', '\u2029', '"', '\\', ' ')) }),
    ];
    if (options.loneSurrogates)
        arbs.push(fc.string({ ...len, unit: fc.oneof(surrogate, fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))) }));
    return fc.oneof(...arbs);
}
export function validString(r, options = {}) {
    if (options.tame && r.patterns.length === 0)
        return fc.string({ minLength: r.minLength, maxLength: r.maxLength ?? Math.max(r.minLength, 12) }).filter((s) => satisfiesString(s, r));
    const extra = options.loneSurrogates ? LONE_SURROGATES : [];
    const pool = [...STRING_POOL, ...extra].filter((s) => satisfiesString(s, r));
    const general = filteredIfViable(generalString(r, options), (s) => satisfiesString(s, r));
    if (!general && pool.length === 0)
        throw new UsageError(`cannot generate strings of length ${r.minLength}..${r.maxLength ?? '∞'} matching ${r.patterns.map(String).join(' and ')}`);
    if (!general)
        return fc.constantFrom(...pool);
    if (pool.length === 0)
        return general;
    return fc.oneof({ withCrossShrink: true }, { arbitrary: general, weight: 3 }, { arbitrary: fc.constantFrom(...pool), weight: 1 });
}
const CLASS_GENERATORS = {
    whitespace: fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), minLength: 1, maxLength: 8 }),
    control: fc.string({ unit: control, minLength: 1, maxLength: 8 }),
    nonBmp: fc.string({ unit: astral, minLength: 1, maxLength: 8 }),
};
/** The edge classes a string admits; none for a constrained string, whose pools rarely fit. */
export function stringClasses(r) {
    const out = new Map();
    if (r.patterns.length > 0 || r.minLength > 0 || r.maxLength !== undefined)
        return out;
    for (const name of Object.keys(STRING_CLASSES)) {
        const pool = STRING_CLASSES[name];
        const gen = CLASS_GENERATORS[name];
        out.set(name, gen ? fc.oneof({ withCrossShrink: true }, gen, fc.constantFrom(...pool)) : fc.constantFrom(...pool));
    }
    return out;
}
export function stringBreakers(r, pointer) {
    const out = [];
    const breaker = (rule, arb) => {
        const broken = filteredIfViable(arb, (s) => !satisfiesString(s, r) && satisfiesString(s, r, rule));
        if (!broken)
            return;
        out.push({ rule, field: '', arbitrary: broken.map((value) => ({ value, rule, path: pointer })) });
    };
    if (r.minLength > 0)
        breaker('minLength', fc.string({ maxLength: r.minLength - 1 }));
    if (r.maxLength !== undefined)
        breaker('maxLength', fc.string({ minLength: r.maxLength + 1, maxLength: r.maxLength + 8 }));
    if (r.patterns.length > 0) {
        const len = { minLength: r.minLength, maxLength: r.maxLength ?? r.minLength + 16 };
        breaker('pattern', fc.oneof(fc.string(len), fc.string({ ...len, unit: 'binary' })));
    }
    return out;
}
/** The string keywords: lengths in code points, and `pattern`. */
export const stringVocabulary = {
    name: 'string',
    keywords: ['minLength', 'maxLength', 'pattern'],
    builds: ['string'],
    valid: (c, conj) => validString(stringRules(conj), c.options),
    breaks: (_conj, types) => types.allowed.has('string'),
    breakers: (_c, conj, pointer) => stringBreakers(stringRules(conj), pointer),
};
//# sourceMappingURL=string.js.map