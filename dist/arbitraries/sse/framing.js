import * as fc from 'fast-check';
export const PLAIN = { lineEndings: '\n', comments: false, multiLineData: false, noSpaceAfterColon: false, missingFinalBlankLine: false };
/** The lines a quirky stream inserts into each event's data: a decoder joins them as empty lines. */
const QUIRK_DATA_LINES = 2;
const ENDINGS = ['\n', '\r\n', '\r'];
/** The stream's text, line by line; `pick` gives each line's ending under a mixed framing. */
export function encodeSse(values, f, pick = () => '\n') {
    const lines = [];
    const sep = f.noSpaceAfterColon ? ':' : ': ';
    if (f.comments)
        lines.push(': stream opened', 'retry: 3000');
    values.forEach((v, i) => {
        const type = v.type;
        // the event field first, so that a decoder that keeps the BOM loses the first event's type
        if (typeof type === 'string' && !(f.quirks && i % 2 === 1))
            lines.push(`event${sep}${type}`);
        if (f.quirks)
            lines.push(`retry${sep}soon`, `id${sep}a\u0000b`, 'foo', `Data${sep}{"not":"data"}`, ...(i % 2 === 1 ? ['event'] : []));
        if (f.comments)
            lines.push(`: keep-alive ${i}`, `id${sep}${i + 1}`);
        const data = f.multiLineData || f.quirks ? JSON.stringify(v, null, 1) : JSON.stringify(v);
        data.split('\n').forEach((line, k) => {
            lines.push(`data${sep}${line}`);
            if (f.quirks && k === 0)
                lines.push('data:', 'data');
        });
        if (i < values.length - 1 || !f.missingFinalBlankLine)
            lines.push('');
    });
    let text = f.quirks ? '\uFEFF' : '';
    let previous;
    lines.forEach((line, i) => {
        let end = f.lineEndings === 'mixed' ? pick(i) : f.lineEndings;
        // CR then an empty line ended by LF is one CRLF: the blank line closing the event would vanish
        if (previous === '\r' && line === '' && end === '\n')
            end = '\r\n';
        text += line + end;
        previous = end;
    });
    return text;
}
/** The data a correct decoder yields for each event (the pretty-printed form when it spans lines). */
export function expectedData(v, f) {
    if (!f.quirks)
        return f.multiLineData ? JSON.stringify(v, null, 1) : JSON.stringify(v);
    const [first, ...rest] = JSON.stringify(v, null, 1).split('\n');
    return [first, ...Array(QUIRK_DATA_LINES).fill(''), ...rest].join('\n');
}
/** The event type a correct decoder yields: none where a quirky stream left `event:` out. */
export function expectedEvent(v, i, f) {
    const type = v.type;
    return typeof type === 'string' && !(f.quirks && i % 2 === 1) ? type : null;
}
/** Offsets inside a UTF-8 character, or between a CR and its LF: where naive decoders break. */
export function awkwardOffsets(bytes) {
    const out = [];
    for (let i = 1; i < bytes.length; i++) {
        if ((bytes[i] & 0xc0) === 0x80)
            out.push(i);
        if (bytes[i - 1] === 0x0d && bytes[i] === 0x0a)
            out.push(i);
    }
    return out;
}
export function cutAt(bytes, cuts) {
    const points = [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
    const chunks = [];
    let last = 0;
    for (const c of [...points, bytes.length]) {
        chunks.push(bytes.subarray(last, c));
        last = c;
    }
    return chunks;
}
/** A stream of 1–5 events of the given values, framed and cut into chunks. */
export function sseStreams(values, o = {}) {
    const framing = o.framing ?? fc.constant(PLAIN);
    return fc
        .tuple(fc.array(values, { minLength: 1, maxLength: 5 }), framing, fc.array(fc.constantFrom(...ENDINGS), { minLength: 64, maxLength: 64 }), fc.array(fc.nat(), { maxLength: 12 }))
        .map(([vs, f, endings, raw]) => {
        const bytes = new TextEncoder().encode(encodeSse(vs, f, (i) => endings[i % endings.length]));
        const pool = o.cuts === 'awkward' && awkwardOffsets(bytes).length > 0 ? awkwardOffsets(bytes) : [...bytes.keys()].slice(1);
        const cuts = o.cuts === 'none' || pool.length === 0 ? [] : [...new Set(raw.map((r) => pool[r % pool.length]))].sort((a, b) => a - b);
        return { values: vs, framing: f, bytes, cuts };
    });
}
export const framings = {
    lineEndings: fc.constantFrom('\n', '\r\n', '\r', 'mixed').map((lineEndings) => ({ ...PLAIN, lineEndings })),
    crlf: fc.constant({ ...PLAIN, lineEndings: '\r\n' }),
    comments: fc.boolean().map((noSpaceAfterColon) => ({ ...PLAIN, comments: true, noSpaceAfterColon })),
    multiLineData: fc.constantFrom('\n', '\r\n', '\r').map((lineEndings) => ({ ...PLAIN, multiLineData: true, lineEndings })),
    missingFinalBlankLine: fc.constant({ ...PLAIN, missingFinalBlankLine: true }),
    quirks: fc.constantFrom('\n', '\r\n', '\r', 'mixed').map((lineEndings) => ({ ...PLAIN, quirks: true, lineEndings })),
};
//# sourceMappingURL=framing.js.map