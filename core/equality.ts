import { LosslessNumber, isPlainObject, jsonText, type Answer, type Json } from './json.js';
import { visible } from './visible.js';

/**
 * Where an answer differs from the value meant, or undefined when it does
 * not. Numbers are equal when their float64 values are (ARCHITECTURE.md);
 * strings code unit by code unit; keys whose answer is undefined are absent.
 * The message leads with where (a path, a character offset) and shows values
 * cut short: a terminal shows a failure's first 120 columns, and the
 * difference must be inside them.
 */
export function difference(expected: Json, actual: Answer | undefined, path = ''): string | undefined {
  const at = path === '' ? 'the value' : path;
  if (typeof expected === 'number') {
    const n = actual instanceof LosslessNumber ? Number(actual.toString()) : actual;
    if (typeof n !== 'number') return `${at}: expected the number ${brief(expected)}, got ${brief(actual)}`;
    return n === expected ? undefined : `${at}: expected ${brief(expected)}, got ${brief(actual)}`;
  }
  if (typeof expected === 'string' && typeof actual === 'string') return textDifference(expected, actual, path === '' ? 'the string' : path);
  if (expected === null || typeof expected !== 'object') {
    return actual === expected ? undefined : `${at}: expected ${brief(expected)}, got ${brief(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${brief(actual)}`;
    if (actual.length !== expected.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(expected[i]!, actual[i], `${path}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (!isPlainObject(actual)) return `${at}: expected an object, got ${brief(actual)}`;
  for (const k of Object.keys(expected)) {
    if (!Object.hasOwn(actual, k) || actual[k] === undefined) return `${path}/${k}: missing from the answer`;
    const d = difference(expected[k]!, actual[k] as Answer, `${path}/${k}`);
    if (d) return d;
  }
  for (const k of Object.keys(actual)) {
    if (!Object.hasOwn(expected, k) && actual[k] !== undefined) return `${path}/${k}: not in the value, answered ${brief(actual[k] as Answer)}`;
  }
  return undefined;
}

/** JSON text of an answer with its numbers as answered, for people to read. */
export function show(v: Answer | undefined): string {
  return jsonText(v, true);
}

/** Columns of a value shown in a message, and of a string's text before and after where it differs. */
const BRIEF = 40;
const BEFORE = 10;
const AFTER = 14;

/** An answer as `show` writes it, invisible characters escaped, cut to `max` columns (never inside an escape). */
export function brief(v: Answer | undefined, max = BRIEF): string {
  const text = visible(show(v), Number.MAX_SAFE_INTEGER);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '');
  // a backslash run of odd length ends in a cut escape: drop that escape whole
  const open = /(\\+)(u[0-9a-fA-F]{0,3})?$/.exec(cut);
  return `${open && open[1]!.length % 2 === 1 ? cut.slice(0, open.index + open[1]!.length - 1) : cut}…`;
}

/**
 * Where two strings first differ: the offset (in UTF-16 units, as strings
 * are compared) of the first differing character, and each string around
 * it, quoted as JSON with invisible characters escaped (`data[57]: expected
 * …"0}", got …"0}\r"`). `…` outside the quotes marks text left out; a quote
 * with none after it is the string's end.
 */
export function textDifference(expected: string, got: string, at: string): string | undefined {
  if (expected === got) return undefined;
  let i = 0;
  while (i < expected.length && i < got.length && expected.charCodeAt(i) === got.charCodeAt(i)) i++;
  // the same high surrogate with a different low one: the character differs from its first unit
  if (i > 0 && isHigh(expected.charCodeAt(i - 1))) i--;
  return `${at}[${i}]: expected ${around(expected, i)}, got ${around(got, i)}`;
}

function around(s: string, i: number): string {
  let before = '';
  let start = i;
  while (start > 0) {
    const from = start >= 2 && isLow(s.charCodeAt(start - 1)) && isHigh(s.charCodeAt(start - 2)) ? start - 2 : start - 1;
    const piece = escaped(s.slice(from, start));
    if (before.length + piece.length > BEFORE) break;
    before = piece + before;
    start = from;
  }
  let after = '';
  let end = i;
  while (end < s.length) {
    const to = isHigh(s.charCodeAt(end)) && isLow(s.charCodeAt(end + 1)) ? end + 2 : end + 1;
    const piece = escaped(s.slice(end, to));
    // the first character past the difference is shown whatever its width: it is the difference
    if (end > i && after.length + piece.length > AFTER) break;
    after += piece;
    end = to;
  }
  return `${start > 0 ? '…' : ''}"${before}${after}"${end < s.length ? '…' : ''}`;
}

/** One character as it stands inside a JSON string, with what JSON leaves raw but a person cannot see escaped too. */
const escaped = (c: string) => visible(JSON.stringify(c).slice(1, -1), Number.MAX_SAFE_INTEGER);
const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;
