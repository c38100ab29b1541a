import { LosslessNumber, parse as parseLossless } from 'lossless-json';

/** A string, a number outside one, or a structural character: all a reply's shape needs. */
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d[\d.eE+-]*|[{}[\]:]/g;
/** An integer JSON.parse reads to the double of the same digits, and prints back alike: not -0, at most 15 digits. */
const SAFE_INTEGER = /^(?:0|-?[1-9]\d{0,14})$/;
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
  /** JSON.parse and lossless-json could disagree on this line (a duplicate key, a number JSON does not allow): only lossless-json reads it. */
  losslessOnly: boolean;
}

/**
 * One pass over a line by a native regex: long strings are skipped whole.
 * It finds the numbers that need their digits kept, and the keys an object
 * repeats, which lossless-json refuses and JSON.parse would quietly take the last of.
 */
export function scanReply(line: string): Scan {
  const exact: Scan['exact'] = [];
  const keys: (Set<string> | null)[] = [];
  let pending: string | undefined;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(line); m !== null; m = TOKENS.exec(line)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    if (c === 34) {
      pending = t;
      continue;
    }
    if (t === ':') {
      const open = keys[keys.length - 1];
      if (open && pending !== undefined) {
        const key = pending.includes('\\') ? (JSON.parse(pending) as string) : pending.slice(1, -1);
        if (open.has(key)) return { exact, losslessOnly: true };
        open.add(key);
      }
    } else if (t === '{') keys.push(new Set());
    else if (t === '[') keys.push(null);
    else if (t === '}' || t === ']') keys.pop();
    else if (!SAFE_INTEGER.test(t)) {
      if (!JSON_NUMBER.test(t)) return { exact, losslessOnly: true };
      exact.push({ at: m.index, text: t });
    }
    pending = undefined;
  }
  return { exact, losslessOnly: false };
}

function revive(v: unknown): unknown {
  if (typeof v === 'string') return v.startsWith(MARK) ? new LosslessNumber(v.slice(MARK.length)) : v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = revive(o[k]);
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
    try {
      const value = JSON.parse(text);
      return scan.exact.length > 0 ? revive(value) : value;
    } catch {
      // lossless-json says what is wrong, in the same words as for any other line
    }
  }
  return parseLossless(line);
}
