import { LosslessNumber, parse as parseLossless } from 'lossless-json';
import type { Answer } from './json.js';

/**
 * JSON that a harness or a serializer wrote, read with every number kept as
 * written, at any size or depth JSON.parse reads. Nothing here recurses or
 * runs a backtracking regular expression over a value: a 10 MB string or
 * arrays nested 100,000 deep are what a hostile payload echoed back looks
 * like, and a stack overflow on them would be orc's fault blamed on the
 * implementation.
 */

/** Where the next token can start: a string, a structural character, or a number. */
const NEXT = /["{}[\]:0-9-]/g;
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
 * Where the string whose opening quote is at `at` ends (after its closing
 * quote), or -1 when it does not. By indexOf, not a regular expression: a
 * repeated group over millions of escapes overflows the regex engine's stack.
 */
export function stringEnd(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/**
 * One pass over a line, allocating nothing per token: long strings are
 * skipped whole. It finds the numbers that need their digits kept, and
 * counts the keys.
 */
export function scanJson(line: string): Scan {
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
      const end = stringEnd(line, at);
      if (end < 0) return { exact, keys, losslessOnly: true };
      NEXT.lastIndex = end;
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

/** Turns marked strings back into numbers with their digits, in place; the number of keys it passed. */
function revive(root: unknown, marked: boolean): { value: unknown; keys: number } {
  const back = (v: unknown) => (marked && typeof v === 'string' && v.startsWith(MARK) ? new LosslessNumber(v.slice(MARK.length)) : v);
  let keys = 0;
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const v = todo.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== null && typeof x === 'object') todo.push(x);
        else v[i] = back(x);
      }
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const names = Object.keys(o);
      keys += names.length;
      for (const k of names) {
        const x = o[k];
        if (x !== null && typeof x === 'object') todo.push(x);
        else o[k] = back(x);
      }
    }
  }
  return { value: back(root), keys };
}

/**
 * JSON text read as lossless-json reads it (every number that a double would
 * round kept as a LosslessNumber with its digits, a key given twice with two
 * values refused), by JSON.parse wherever that gives the same value: several
 * times faster on the replies of a run, and it reads any depth. Text
 * JSON.parse refuses goes to lossless-json, so the error says what
 * lossless-json says.
 */
export function readJson(text: string): Answer {
  const scan = scanJson(text);
  if (!scan.losslessOnly && !(scan.exact.length > 0 && (text.includes(MARK_TEXT) || text.includes(MARK_ESCAPED)))) {
    let marked = text;
    if (scan.exact.length > 0) {
      const parts: string[] = [];
      let from = 0;
      for (const { at, text: n } of scan.exact) {
        parts.push(text.slice(from, at), `"${MARK_TEXT}${n}"`);
        from = at + n.length;
      }
      parts.push(text.slice(from));
      marked = parts.join('');
    }
    let value: unknown;
    try {
      value = JSON.parse(marked);
    } catch {
      // lossless-json says what is wrong, in the same words as for any other text
    }
    if (value !== undefined) {
      const r = revive(value, scan.exact.length > 0);
      if (r.keys === scan.keys) return r.value as Answer;
    }
  }
  try {
    return parseLossless(text) as Answer;
  } catch (e) {
    // lossless-json recurses once per level: past a few thousand its stack is gone, not the text's validity
    if (e instanceof RangeError) return readDeep(text);
    throw e;
  }
}

const syntax = (what: string, at: number) => new SyntaxError(`${what} at position ${at}`);

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/** A string token at `at`, decoded by JSON.parse, which checks its escapes and controls as JSON has them. */
function readString(text: string, at: number): [string, number] {
  const end = stringEnd(text, at);
  if (end < 0) throw syntax('a string that never ends', at);
  try {
    return [JSON.parse(text.slice(at, end)) as string, end];
  } catch {
    throw syntax('an invalid string (a raw control character or a bad escape)', at);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A number token at `at`, as the fast path reads it: a short integer as a number, any other as its digits. */
function readNumber(text: string, at: number): [Answer, number] {
  let i = at;
  if (text.charCodeAt(i) === 45) i++;
  if (text.charCodeAt(i) === 48) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else throw syntax('a digit expected', i);
  if (text.charCodeAt(i) === 46) {
    i++;
    if (!isDigit(text.charCodeAt(i))) throw syntax('a digit expected after "."', i);
    while (isDigit(text.charCodeAt(i))) i++;
  }
  if ((text.charCodeAt(i) | 32) === 101) {
    i++;
    if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
    if (!isDigit(text.charCodeAt(i))) throw syntax('a digit expected in the exponent', i);
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return [safeInteger(text, at, i) ? Number(text.slice(at, i)) : new LosslessNumber(text.slice(at, i)), i];
}

/** A key, its colon, and where the key started. */
function readKey(text: string, at: number): [string, number, number] {
  if (text.charCodeAt(at) !== 34) throw syntax('a quoted key expected', at);
  const [key, end] = readString(text, at);
  const colon = skipSpace(text, end);
  if (text.charCodeAt(colon) !== 58) throw syntax('":" expected after a key', colon);
  return [key, colon + 1, at];
}

const numberText = (v: unknown) => (v instanceof LosslessNumber ? v.toString() : typeof v === 'number' ? String(v) : undefined);

/**
 * Whether two values given for one key are one value, as lossless-json
 * decides it: numbers by their digits, arrays item by item, and any other two
 * containers by the union of their keys (so an empty array and an empty
 * object are one value to it, and to this).
 */
function sameValue(a: unknown, b: unknown): boolean {
  const todo: [unknown, unknown][] = [[a, b]];
  while (todo.length > 0) {
    const [x, y] = todo.pop()!;
    if (x === y) continue;
    const nx = numberText(x);
    const ny = numberText(y);
    if (nx !== undefined || ny !== undefined) {
      if (nx !== ny) return false;
      continue;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      x.forEach((v, i) => todo.push([v, y[i]]));
      continue;
    }
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
    const ox = x as Record<string, unknown>;
    const oy = y as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ox), ...Object.keys(oy)])) todo.push([ox[k], oy[k]]);
  }
  return true;
}

function put(o: Record<string, Answer>, key: string, value: Answer, at: number): void {
  // the same value twice is no conflict, and the later one is kept, as lossless-json keeps it
  if (Object.hasOwn(o, key) && !sameValue(o[key], value)) throw syntax(`Duplicate key '${key}' with another value`, at);
  // an own "__proto__" as JSON.parse makes it, not the prototype
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

type Frame = { array: Answer[] } | { object: Record<string, Answer>; key: string; at: number };

/**
 * lossless-json's reading of any text (the same values, the same refusals),
 * by a loop over an explicit stack of open containers instead of recursion,
 * so that depth costs memory, never the call stack. The errors are in its
 * own words.
 */
export function readDeep(text: string): Answer {
  const stack: Frame[] = [];
  let i = 0;
  for (;;) {
    i = skipSpace(text, i);
    let value: Answer;
    const c = text.charCodeAt(i);
    if (c === 123) {
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === 125) {
        i++;
        value = {};
      } else {
        const [key, next, at] = readKey(text, i);
        stack.push({ object: {}, key, at });
        i = next;
        continue;
      }
    } else if (c === 91) {
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === 93) {
        i++;
        value = [];
      } else {
        stack.push({ array: [] });
        continue;
      }
    } else if (c === 34) [value, i] = readString(text, i);
    else if (c === 45 || isDigit(c)) [value, i] = readNumber(text, i);
    else if (text.startsWith('true', i)) [value, i] = [true, i + 4];
    else if (text.startsWith('false', i)) [value, i] = [false, i + 5];
    else if (text.startsWith('null', i)) [value, i] = [null, i + 4];
    else throw syntax(i < text.length ? 'a JSON value expected' : 'a JSON value expected, not the end', i);
    // the value ends: it goes into the innermost open container, closing every one it completes
    for (;;) {
      const top = stack[stack.length - 1];
      i = skipSpace(text, i);
      if (!top) {
        if (i < text.length) throw syntax('the end expected after the value', i);
        return value;
      }
      const d = text.charCodeAt(i);
      if ('array' in top) {
        top.array.push(value);
        if (d === 44) {
          i++;
          break;
        }
        if (d !== 93) throw syntax('"," or "]" expected', i);
        i++;
        stack.pop();
        value = top.array;
        continue;
      }
      put(top.object, top.key, value, top.at);
      if (d === 44) {
        [top.key, i, top.at] = readKey(text, skipSpace(text, i + 1));
        break;
      }
      if (d !== 125) throw syntax('"," or "}" expected', i);
      i++;
      stack.pop();
      value = top.object;
    }
  }
}
