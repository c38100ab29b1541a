import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { numberSpellings } from './number-spellings.js';

export type SpellingKind = 'whitespace' | 'keyOrder' | 'escapes' | 'numbers';
export const SPELLING_KINDS: readonly SpellingKind[] = ['whitespace', 'keyOrder', 'escapes', 'numbers'];

/**
 * Choices read in order, and again from the start past the end: a nested
 * value has more places to spell than a tape has choices, and its inner
 * objects must be spelled too. A choice of 0 is the canonical one, so
 * shrinking the tape (fewer, smaller choices) shrinks the spelling.
 */
class Tape {
  private i = 0;
  constructor(private readonly values: readonly number[]) {}
  next(n: number): number {
    const v = this.values[this.i++ % this.values.length];
    return v === undefined || n <= 1 ? 0 : v % n;
  }
}

const WHITESPACE = ['', ' ', '\n', '\t', '\r\n', '  ', ' \n\t ', '\r'];
const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function unicodeEscape(unit: number, upper: boolean): string {
  const hex = unit.toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
}

function isLoneSurrogate(s: string, i: number): boolean {
  const u = s.charCodeAt(i);
  if (u >= 0xd800 && u <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (u >= 0xdc00 && u <= 0xdfff) {
    const prev = s.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

/**
 * Every short escape JSON has, then a \u escape of a BMP character and of a
 * surrogate pair: a string whose value ends in `value` is written ending in
 * `text`, whatever the tape says, so a check that puts it in a string sends
 * each of them in every case (the tape still spells the rest of the string).
 */
export const ESCAPE_TAIL = { value: '/\b\f\n\r\t"\\é😀', text: '\\/\\b\\f\\n\\r\\t\\"\\\\\\u00E9\\ud83d\\ude00' } as const;

/**
 * Escape modes for one string: 0 none beyond what JSON requires, 1 every
 * non-ASCII unit, 2 every unit, 3 every other unit, 4 `\/` for slashes and
 * `\u` for the characters JSON has short escapes for.
 */
function writeString(s: string, tape: Tape, escapes: boolean): string {
  if (escapes && s.endsWith(ESCAPE_TAIL.value)) return `${writeString(s.slice(0, -ESCAPE_TAIL.value.length), tape, escapes).slice(0, -1)}${ESCAPE_TAIL.text}"`;
  const mode = escapes ? tape.next(5) : 0;
  const upper = escapes && tape.next(2) === 1;
  let out = '"';
  let n = 0;
  // by code point, so that a surrogate pair is escaped whole or not at all
  for (let i = 0; i < s.length; n++) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = s.slice(i, i + width);
    const lone = width === 1 && isLoneSurrogate(s, i);
    const forced = cp < 0x20 || ch === '"' || ch === '\\' || lone;
    const chosen = mode === 2 || (mode === 1 && cp > 0x7e) || (mode === 3 && n % 2 === 1) || (mode === 4 && ch in SHORT_ESCAPES);
    const escaped = () => [...Array(width).keys()].map((k) => unicodeEscape(s.charCodeAt(i + k), upper)).join('');
    if (chosen) out += escaped();
    else if (mode === 4 && ch === '/') out += '\\/';
    else if (forced) out += SHORT_ESCAPES[ch] ?? escaped();
    else out += ch;
    i += width;
  }
  return `${out}"`;
}

function permutation(n: number, seed: number): number[] {
  const order = [...Array(n).keys()];
  let state = seed;
  for (let i = n - 1; i > 0 && seed !== 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Writes `value` as JSON, every free choice read from the tape for the kinds enabled. */
export function spell(value: Json, kinds: ReadonlySet<SpellingKind>, choices: readonly number[]): string {
  const tape = new Tape(choices);
  const ws = () => (kinds.has('whitespace') ? WHITESPACE[tape.next(WHITESPACE.length)]! : '');
  const write = (v: Json): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') {
      if (!kinds.has('numbers')) return JSON.stringify(v);
      const list = numberSpellings(v);
      return list[tape.next(list.length)]!;
    }
    if (typeof v === 'string') return writeString(v, tape, kinds.has('escapes'));
    if (Array.isArray(v)) return `[${ws()}${v.map((x) => write(x) + ws()).join(`,${ws()}`)}]`;
    const entries = Object.entries(v);
    const order = kinds.has('keyOrder') ? permutation(entries.length, tape.next(1 << 16)) : [...entries.keys()];
    const members = order.map((i) => {
      const [k, x] = entries[i]!;
      return `${writeString(k, tape, kinds.has('escapes'))}${ws()}:${ws()}${write(x)}${ws()}`;
    });
    return `{${ws()}${members.join(`,${ws()}`)}}`;
  };
  return ws() + write(value) + ws();
}

export interface Spelled {
  value: Json;
  text: string;
}

/** For each value, JSON texts that mean it, varied in the kinds given. */
export function wireSpellings(values: fc.Arbitrary<Json>, kinds: readonly SpellingKind[] = SPELLING_KINDS): fc.Arbitrary<Spelled> {
  const enabled = new Set(kinds);
  return fc
    .tuple(values, fc.array(fc.nat({ max: 1 << 16 }), { minLength: 1, maxLength: 48 }))
    .map(([value, tape]) => ({ value, text: spell(value, enabled, tape) }));
}
