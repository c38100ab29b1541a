import type { Answer } from '../core/json.js';
import { stringEnd } from '../core/read-json.js';

/**
 * A name given twice in one object of a serializer's output. RFC 8259 says
 * names SHOULD be unique, so such text is JSON; but which value it means is
 * up to the reader (first wins, last wins, refused), so it is said as what
 * it is, never as "not JSON".
 */

/** The first name an object of `text` gives twice, when `text` is JSON; undefined when none does or it is not JSON. */
export function repeatedName(text: string): string | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  /** Per open bracket, the names its object has given so far (null for an array). */
  const open: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) open.push(new Set());
    else if (c === 91) open.push(null);
    else if (c === 125 || c === 93) open.pop();
    else if (c === 34) {
      const end = stringEnd(text, i);
      let j = end;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13 || text.charCodeAt(j) === 9) j++;
      const names = open[open.length - 1];
      if (text.charCodeAt(j) === 58 && names) {
        const name = JSON.parse(text.slice(i, end)) as string;
        if (names.has(name)) return name;
        names.add(name);
      }
      i = end - 1;
    }
  }
  return undefined;
}

/**
 * Output that gives a name twice, read as most JSON readers read it (the
 * last value: JSON.parse, Python's json, Go's encoding/json), so that it is
 * judged on what it says and never failed for the repetition itself; or
 * undefined when the text has no repeated name (or is not JSON).
 */
export function readRepeated(text: string): { ok: true; value: Answer; text: string; repeated: string } | undefined {
  const repeated = repeatedName(text);
  return repeated === undefined ? undefined : { ok: true, value: JSON.parse(text) as Answer, text, repeated };
}
