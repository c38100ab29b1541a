import { LosslessNumber, parse as parseLossless } from 'lossless-json';

/** Where the next token can start: a string, a structural character, or a number. */
const NEXT = /["{}[\]:0-9-]/g;
const STRING = /"[^"\\]*(?:\\.[^"\\]*)*"/y;
const NUMBER = /-?\d[\d.eE+-]*/y;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/**
 * A number's text carried through JSON.parse as a string. JSON text can
 * spell NUL only as \u0000 and # only as itself or \u0023, so in a line
 * without those two spellings no string of the harness's starts with the mark.
 */
const MARK = '\u0000#';
const MARK_TEXT = '\\u0000#';
const MARK_ESCAPED = '\\u0000\\u0023';

export interface Scan {
  /** Where each number that JSON.parse would round sits in the line, and its text. */
  exact: { at: number; text: string }[];
  /** How many keys the line's objects spell: a value JSON.parse makes with fewer had a key twice, which lossless-json refuses. */
  keys: number;
  /** JSON.parse and lossless-json could disagree on this line (a number JSON does not allow): only lossless-json reads it. */
  losslessOnly: boolean;
}

/** An integer JSON.parse reads to the double of the same digits, and prints back alike: not -0, at most 15 digits, no leading zero. */
function safeInteger(line: string, from: number, to: number): boolean {
  let i = from;
  if (line.charCodeAt(i) === 45) i++;
  const digits = to - i;
  if (digits < 1 || digits > 15) return false;
  if (line.charCodeAt(i) === 48) return digits === 1 && i === from;
  for (; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * One pass over a line by native sticky regexes, allocating nothing per
 * token: long strings are skipped whole. It finds the numbers that need
 * their digits kept, and counts the keys.
 */
export function scanReply(line: string): Scan {
  const exact: Scan['exact'] = [];
  /** Whether each open bracket is an object. */
  const open: boolean[] = [];
  let keys = 0;
  let afterString = false;
  NEXT.lastIndex = 0;
  while (NEXT.test(line)) {
    const at = NEXT.lastIndex - 1;
    const c = line.charCodeAt(at);
    if (c === 34) {
      STRING.lastIndex = at;
      if (!STRING.test(line)) return { exact, keys, losslessOnly: true };
      NEXT.lastIndex = STRING.lastIndex;
      afterString = true;
      continue;
    }
    if (c === 58) {
      if (afterString && open[open.length - 1]) keys++;
    } else if (c === 123) open.push(true);
    else if (c === 91) open.push(false);
    else if (c === 125 || c === 93) open.pop();
    else {
      NUMBER.lastIndex = at;
      if (!NUMBER.test(line)) return { exact, keys, losslessOnly: true };
      const end = NUMBER.lastIndex;
      NEXT.lastIndex = end;
      if (!safeInteger(line, at, end)) {
        const text = line.slice(at, end);
        if (!JSON_NUMBER.test(text)) return { exact, keys, losslessOnly: true };
        exact.push({ at, text });
      }
    }
    afterString = false;
  }
  return { exact, keys, losslessOnly: false };
}

/** Turns marked strings back into numbers with their digits, in place, and counts the keys it passes. */
function revive(v: unknown, marked: boolean, keys: { n: number }): unknown {
  if (typeof v === 'string') return marked && v.startsWith(MARK) ? new LosslessNumber(v.slice(MARK.length)) : v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i], marked, keys);
    return v;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const names = Object.keys(o);
    keys.n += names.length;
    for (const k of names) o[k] = revive(o[k], marked, keys);
  }
  return v;
}

/**
 * JSON text read as lossless-json reads it (every number that a double would
 * round kept as a LosslessNumber with its digits, a duplicate key refused),
 * by JSON.parse wherever that gives the same value: several times faster on
 * the replies of a run. A line JSON.parse refuses goes to lossless-json, so
 * the error says what lossless-json says.
 */
export function parseReplyText(line: string): unknown {
  const scan = scanReply(line);
  if (!scan.losslessOnly && !(scan.exact.length > 0 && (line.includes(MARK_TEXT) || line.includes(MARK_ESCAPED)))) {
    let text = line;
    if (scan.exact.length > 0) {
      const parts: string[] = [];
      let from = 0;
      for (const { at, text: n } of scan.exact) {
        parts.push(line.slice(from, at), `"${MARK_TEXT}${n}"`);
        from = at + n.length;
      }
      parts.push(line.slice(from));
      text = parts.join('');
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // lossless-json says what is wrong, in the same words as for any other line
    }
    const keys = { n: 0 };
    if (value !== undefined && (revive(value, scan.exact.length > 0, keys), keys.n === scan.keys)) return value;
  }
  return parseLossless(line);
}
