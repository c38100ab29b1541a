import type { Json } from '../core/json.js';
import { writes, type Mutant } from './mutant.js';

const obj = (v: Json) => v as Record<string, Json>;
/** JSON text written member by member, the way a hand-rolled writer does: `value` spells each value. */
const handWritten = (v: Json, value: (x: Json, key: string) => string) =>
  `{${Object.entries(obj(v))
    .map(([k, x]) => `${JSON.stringify(k)}:${value(x, k)}`)
    .join(',')}}`;

/** Serializers that write what is not JSON, not valid, or not the value given: what Required.Serialize.* and RoundTrip.* must catch. */
export const SERIALIZE_MUTANTS: Mutant[] = [
  {
    name: 'omitempty-zero',
    category: 'serialize',
    bug: 'zero numbers are left out of the output (Go omitempty)',
    make: (set) => writes(set, 'omitempty-zero', (v) => JSON.stringify(Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => x !== 0)))),
  },
  {
    name: 'omitempty-empty-string',
    category: 'serialize',
    bug: 'an empty item_id is left out of the output',
    make: (set) => writes(set, 'omitempty-empty-string', (v) => JSON.stringify(Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => x !== '')))),
  },
  {
    name: 'unescaped-quotes',
    category: 'serialize',
    bug: 'strings written between quotes without escaping " and \\',
    make: (set) =>
      writes(set, 'unescaped-quotes', (v) =>
        handWritten(v, (x) =>
          typeof x === 'string' ? `"${x.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"` : JSON.stringify(x),
        ),
      ),
  },
  {
    name: 'raw-control-output',
    category: 'serialize',
    bug: 'control characters written raw inside strings',
    make: (set) =>
      writes(set, 'raw-control-output', (v) =>
        handWritten(v, (x) => (typeof x === 'string' ? `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"` : JSON.stringify(x))),
      ),
  },
  {
    name: 'numbers-as-strings',
    category: 'serialize',
    bug: 'numbers written as strings ("5"), as an int64-safe JSON mode does',
    make: (set) => writes(set, 'numbers-as-strings', (v) => handWritten(v, (x) => JSON.stringify(typeof x === 'number' ? String(x) : x))),
  },
  {
    name: 'fixed-point-numbers',
    category: 'serialize',
    bug: 'numbers written with toFixed(6): 1e-7 becomes 0.000000',
    make: (set) =>
      writes(set, 'fixed-point-numbers', (v) =>
        handWritten(v, (x) => (typeof x === 'number' && Number.isFinite(x) && Math.abs(x) < 1e21 ? x.toFixed(6) : JSON.stringify(x))),
      ),
  },
  {
    name: 'fifteen-digits',
    category: 'serialize',
    bug: 'numbers written with 15 significant digits (%.15g): 0.1 + 0.2 comes back as 0.3',
    make: (set) => writes(set, 'fifteen-digits', (v) => handWritten(v, (x) => (typeof x === 'number' ? String(Number(x.toPrecision(15))) : JSON.stringify(x)))),
  },
  {
    name: 'wrong-type-constant',
    category: 'serialize',
    bug: 'the type constant written from a stale table (…generated)',
    make: (set) => writes(set, 'wrong-type-constant', (v) => JSON.stringify({ ...obj(v), type: String(obj(v)['type']).replace(/generating$/, 'generated') })),
  },
  {
    name: 'writes-null-extras',
    category: 'serialize',
    bug: 'optional fields of another event written as null (partial_image_b64: null)',
    make: (set) => writes(set, 'writes-null-extras', (v) => JSON.stringify({ ...obj(v), partial_image_b64: null })),
  },
  {
    name: 'splits-surrogate-pairs',
    category: 'serialize',
    bug: 'characters outside the BMP written as their high surrogate only (a truncating UTF-16 writer)',
    make: (set) =>
      writes(set, 'splits-surrogate-pairs', (v) =>
        handWritten(v, (x) =>
          typeof x === 'string' ? JSON.stringify(x).replace(/[\ud800-\udbff][\udc00-\udfff]/g, (p) => `\\u${p.charCodeAt(0).toString(16)}`) : JSON.stringify(x),
        ),
      ),
  },
  {
    name: 'int32-output',
    category: 'serialize',
    bug: 'numbers written through an int32 field: 2^31 comes out as -2^31',
    make: (set) =>
      writes(set, 'int32-output', (v) =>
        handWritten(v, (x) => JSON.stringify(typeof x === 'number' && Number.isInteger(x) && Math.abs(x) < 2 ** 53 ? x | 0 : x)),
      ),
  },
];
