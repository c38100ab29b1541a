/**
 * Text with the characters a person cannot see, or that would change how the
 * rest reads (controls, bidi overrides and marks, zero-widths, invisible tags,
 * lone surrogates), shown as escapes. Counterexamples are hostile by design,
 * and so is a token or a file from someone else: a raw ESC would reach the
 * terminal and act there (set the window title, clear the screen).
 * Cut past `max` characters, never inside an escape or a surrogate pair.
 */
export function visible(text: string, max = 400): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    const isHigh = u >= 0xd800 && u <= 0xdbff;
    const isLow = u >= 0xdc00 && u <= 0xdfff;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    let piece: string;
    let units = 1;
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      // U+E0000–E007F, the tag characters: invisible, and able to carry a hidden ASCII message
      piece = u === 0xdb40 && next <= 0xdc7f ? `\\u${u.toString(16)}\\u${next.toString(16)}` : text.slice(i, i + 2);
      units = 2;
    } else if (hidden(u) || isHigh || isLow) {
      piece = `\\u${u.toString(16).padStart(4, '0')}`;
    } else {
      piece = text[i]!;
    }
    if (out.length + piece.length > max) return `${out}… (${text.length} UTF-16 units in all)`;
    out += piece;
    i += units - 1;
  }
  return out;
}

function hidden(u: number): boolean {
  return (
    u < 0x20 ||
    u === 0x7f ||
    (u >= 0x80 && u < 0xa0) ||
    u === 0x061c ||
    u === 0x180e ||
    (u >= 0x200b && u <= 0x200f) ||
    (u >= 0x2028 && u <= 0x202e) ||
    (u >= 0x2060 && u <= 0x2069) ||
    u === 0xfeff ||
    (u >= 0xfff9 && u <= 0xfffb)
  );
}

/**
 * Input echoed back in a message (a token's check id, a file's field, a
 * path): quoted, cut and escaped, so that a message stays one short line
 * whatever was given.
 */
export function quoted(text: string, max = 200): string {
  return `"${visible(text, max)}"`;
}

/** A count and its noun, the noun plural unless the count is one: "1 check", "3 checks". */
export const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
