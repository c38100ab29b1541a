/**
 * Text with the characters a person cannot see, or that would change how the
 * rest reads (controls, bidi overrides, zero-widths, lone surrogates), shown
 * as escapes. Counterexamples are hostile by design.
 */
export function visible(text, max = 400) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const u = text.charCodeAt(i);
        const isHigh = u >= 0xd800 && u <= 0xdbff;
        const isLow = u >= 0xdc00 && u <= 0xdfff;
        if (isHigh && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
            out += text.slice(i, i + 2);
            i++;
        }
        else if (u < 0x20 || u === 0x7f || (u >= 0x80 && u < 0xa0) || isHigh || isLow || (u >= 0x200b && u <= 0x200f) || (u >= 0x2028 && u <= 0x202e) || (u >= 0x2060 && u <= 0x2069) || u === 0xfeff) {
            out += `\\u${u.toString(16).padStart(4, '0')}`;
        }
        else {
            out += text[i];
        }
        if (out.length > max)
            return `${out.slice(0, max)}… (${text.length} UTF-16 units in all)`;
    }
    return out;
}
//# sourceMappingURL=visible.js.map