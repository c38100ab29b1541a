import { LosslessNumber } from '../core/json.js';
import { mapsParsed, refusesParsed, type Mutant } from './mutant.js';

const num = (x: unknown) => (typeof x === 'number' ? x : x instanceof LosslessNumber ? Number(x.value) : undefined);
const utf8Length = (s: string) => new TextEncoder().encode(s).length;
const strings = (v: Record<string, unknown>) => Object.values(v).filter((x): x is string => typeof x === 'string');
const numbers = (v: Record<string, unknown>) =>
  Object.values(v)
    .map(num)
    .filter((x): x is number => x !== undefined);

/** Parsers that lose or refuse valid values: what Required.Parse.Accepts* and AcceptsValid must catch. */
export const PARSE_MUTANTS: Mutant[] = [
  {
    name: 'truncates-fractions',
    category: 'parse',
    bug: 'numbers land in an integer field: 0.5 reads as 0',
    make: (set) => mapsParsed(set, 'truncates-fractions', (x) => (typeof x === 'number' ? Math.trunc(x) : x)),
  },
  {
    name: 'int32-wraps',
    category: 'parse',
    bug: 'numbers held as int32: 2^31 wraps to -2^31',
    make: (set) => mapsParsed(set, 'int32-wraps', (x) => (typeof x === 'number' && Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? x | 0 : x)),
  },
  {
    name: 'int64-saturates',
    category: 'parse',
    bug: 'numbers held as int64: 2^64 saturates to 2^63 − 1',
    make: (set) =>
      mapsParsed(set, 'int64-saturates', (x) => (typeof x === 'number' && Math.abs(x) >= 2 ** 63 && Number.isFinite(x) ? Math.sign(x) * (2 ** 63 - 1) : x)),
  },
  {
    name: 'float32-precision',
    category: 'parse',
    bug: 'numbers held as float32: 0.1 reads as 0.10000000149011612',
    make: (set) => mapsParsed(set, 'float32-precision', (x) => (typeof x === 'number' ? Math.fround(x) : x)),
  },
  {
    name: 'rejects-subnormals',
    category: 'parse',
    bug: 'an underflow check refuses 5e-324, a valid double',
    make: (set) =>
      refusesParsed(set, 'rejects-subnormals', (v) =>
        numbers(v).some((x) => x !== 0 && Math.abs(x) < 2.2250738585072014e-308) ? 'number underflows' : undefined,
      ),
  },
  {
    name: 'rejects-max-double',
    category: 'parse',
    bug: 'an overflow check refuses the largest double as if it were infinite',
    make: (set) => refusesParsed(set, 'rejects-max-double', (v) => (numbers(v).some((x) => Math.abs(x) >= 1e308) ? 'number overflows' : undefined)),
  },
  {
    name: 'rejects-negative-numbers',
    category: 'parse',
    bug: 'indexes taken as unsigned: a negative output_index is refused',
    make: (set) => refusesParsed(set, 'rejects-negative-numbers', (v) => (numbers(v).some((x) => x < 0) ? 'negative number' : undefined)),
  },
  {
    name: 'rejects-zero-as-missing',
    category: 'parse',
    bug: 'a zero value is taken for a missing field (Go omitempty thinking)',
    make: (set) => refusesParsed(set, 'rejects-zero-as-missing', (v) => (numbers(v).some((x) => x === 0) ? 'missing required field' : undefined)),
  },
  {
    name: 'rejects-empty-string',
    category: 'parse',
    bug: 'an empty item_id is taken for a missing one',
    make: (set) => refusesParsed(set, 'rejects-empty-string', (v) => (v['item_id'] === '' ? 'item_id is required' : undefined)),
  },
  {
    name: 'varchar-255',
    category: 'parse',
    bug: 'item_id kept in a VARCHAR(255): 256 characters are refused',
    make: (set) => refusesParsed(set, 'varchar-255', (v) => (typeof v['item_id'] === 'string' && v['item_id'].length > 255 ? 'item_id too long' : undefined)),
  },
  {
    name: 'u16-length-prefix',
    category: 'parse',
    bug: 'strings framed with a 16-bit byte length: 65,536 UTF-8 bytes are refused',
    make: (set) => refusesParsed(set, 'u16-length-prefix', (v) => (strings(v).some((s) => utf8Length(s) > 65535) ? 'string too long' : undefined)),
  },
  {
    name: 'drops-non-bmp',
    category: 'parse',
    bug: 'characters outside the BMP are dropped (a UCS-2 store)',
    make: (set) => mapsParsed(set, 'drops-non-bmp', (x) => (typeof x === 'string' ? [...x].filter((c) => c.codePointAt(0)! <= 0xffff).join('') : x)),
  },
  {
    name: 'trims-strings',
    category: 'parse',
    bug: 'strings are trimmed on the way in',
    make: (set) => mapsParsed(set, 'trims-strings', (x, k) => (typeof x === 'string' && k !== 'type' ? x.trim() : x)),
  },
  {
    name: 'nul-terminated',
    category: 'parse',
    bug: 'strings end at U+0000, as a C string does',
    make: (set) => mapsParsed(set, 'nul-terminated', (x) => (typeof x === 'string' ? x.split('\u0000')[0]! : x)),
  },
  {
    name: 'normalizes-nfc',
    category: 'parse',
    bug: 'strings are NFC-normalized: e + U+0301 becomes é',
    make: (set) => mapsParsed(set, 'normalizes-nfc', (x) => (typeof x === 'string' ? x.normalize('NFC') : x)),
  },
];
