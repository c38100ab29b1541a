import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import type { Expectation, MutationCategory } from '../../core/fuzz-results.js';

export { CATEGORIES, EXPECTATIONS, type Expectation, type MutationCategory } from '../../core/fuzz-results.js';

/** One hostile payload: its bytes, what must happen, and, when it must parse, to what. */
export interface FuzzCase {
  mutation: string;
  category: MutationCategory;
  expect: Expectation;
  model: string;
  bytes: Uint8Array;
  /** accept: the value the payload holds. */
  expected?: Json;
  /** What was done, for people. */
  detail: string;
  /** The field the mutation aimed at, when it aimed at one: what an accepting parser made of it is its behaviour. */
  field?: string;
  /** A number mutation's literal, so that an accepted value can be named against it. */
  literal?: string;
}

/** A valid value of one model, with the fields a mutation can aim at. */
export interface Base {
  model: string;
  value: Record<string, Json>;
  numberFields: string[];
  stringFields: string[];
}

type Make = (base: Base, pick: number) => { bytes: Uint8Array | string; expected?: Json; detail: string; field?: string; literal?: string } | undefined;

/** One way of breaking or bending a valid payload at the byte level, and what a conforming parser must do with it. */
export interface Mutation {
  name: string;
  category: MutationCategory;
  expect: Expectation;
  make: Make;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | string)[]) => {
  const arrays = parts.map((p) => (typeof p === 'string' ? utf8(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};
const HOLE = '\u0001orc-hole\u0001';
const HOLE_JSON = JSON.stringify(HOLE);

/** The payload with one field's literal replaced by raw bytes: the text around it stays canonical. */
function withLiteral(base: Base, field: string, literal: Uint8Array | string): Uint8Array {
  const [before, after] = JSON.stringify({ ...base.value, [field]: HOLE }).split(HOLE_JSON) as [string, string];
  return concat(before, literal, after);
}

const at = <T>(list: readonly T[], pick: number): T => list[pick % list.length]!;

/** A member no model names: where a malformed token stands when it is not in a known field. */
export const EXTRA_MEMBER = 'orc_extra';

/**
 * Every other place a value can stand, for a token any JSON parser must
 * refuse wherever it is: a parser that validates only the fields its model
 * names (Python's json.loads takes NaN, and pydantic never looks at an
 * unknown field) must still refuse the payload. A string token also
 * stands as a member name.
 */
const ELSEWHERE: readonly { where: string; wrap: (token: string) => string; strings?: boolean }[] = [
  { where: EXTRA_MEMBER, wrap: (t) => t },
  { where: `${EXTRA_MEMBER}[1]`, wrap: (t) => `[0,${t}]` },
  { where: `${EXTRA_MEMBER}.k`, wrap: (t) => `{"k":${t}}` },
  { where: `${EXTRA_MEMBER}[0].k[0]`, wrap: (t) => `[{"k":[${t}]}]` },
  { where: `a member name in ${EXTRA_MEMBER}`, wrap: (t) => `{${t}:0}`, strings: true },
];

/**
 * The payload with a malformed token somewhere other than a known field, or
 * undefined for the known field: bits of `pick` the field and form choices
 * leave alone choose, one case in two elsewhere.
 */
function elsewhere(b: Base, token: Uint8Array | string, strings: boolean, pick: number): { bytes: Uint8Array; where: string } | undefined {
  const places = ELSEWHERE.filter((p) => strings || !p.strings);
  const k = (pick >>> 10) % (2 * places.length);
  if (k < places.length && (strings ? b.stringFields : b.numberFields).length > 0) return undefined;
  const place = places[k % places.length]!;
  const [before, after] = JSON.stringify({ ...b.value, [EXTRA_MEMBER]: HOLE }).split(HOLE_JSON) as [string, string];
  const [open, close] = place.wrap(HOLE).split(HOLE) as [string, string];
  return { bytes: concat(before, open, token, close, after), where: place.where };
}

/** A number literal in place of a numeric field; a literal every parser must refuse stands anywhere else a value can too. */
function numberCase(name: string, expect: Expectation, literals: readonly (string | [string, number])[]): Mutation {
  return {
    name,
    category: 'numbers',
    expect,
    make: (b, pick) => {
      if (expect === 'reject') {
        const l = at(literals, pick >> 3) as string;
        const away = elsewhere(b, l, false, pick);
        if (away) return { bytes: away.bytes, detail: `${away.where}: ${l}` };
      }
      if (b.numberFields.length === 0) return undefined;
      const field = at(b.numberFields, pick);
      const l = at(literals, pick >> 3);
      const [text, value] = typeof l === 'string' ? [l, undefined] : l;
      return {
        bytes: withLiteral(b, field, text),
        detail: `${field}: ${text}`,
        field,
        literal: text,
        ...(value !== undefined ? { expected: { ...b.value, [field]: value } } : {}),
      };
    },
  };
}

/** Raw bytes (or escapes) inside a string field's quotes. */
function stringCase(name: string, expect: Expectation, contents: readonly (Uint8Array | string | [string, string])[]): Mutation {
  return {
    name,
    category: 'strings',
    expect,
    make: (b, pick) => {
      const c = at(contents, pick >> 3);
      if (b.stringFields.length === 0 && expect !== 'reject') return undefined;
      const field = b.stringFields.length === 0 ? '' : at(b.stringFields, pick);
      const [raw, decoded] = Array.isArray(c) ? c : [c, undefined];
      const shown = typeof raw === 'string' ? JSON.stringify(raw).slice(1, -1) : [...raw].map((x) => x.toString(16).padStart(2, '0')).join(' ');
      if (expect === 'reject') {
        const away = elsewhere(b, concat('"', raw, '"'), true, pick);
        if (away) return { bytes: away.bytes, detail: `${away.where}: "${shown}"` };
      }
      return {
        bytes: withLiteral(b, field, concat('"', raw, '"')),
        detail: `${field}: "${shown}"`,
        field,
        ...(decoded !== undefined ? { expected: { ...b.value, [field]: decoded } } : {}),
      };
    },
  };
}

/** The payload's text with one more member, the model names not: `value` is written as is. */
const extra = (text: string, value: string) => `${text.slice(0, -1)},"${EXTRA_MEMBER}":${value}}`;

function structureCase(
  name: string,
  expect: Expectation,
  make: (text: string, b: Base, pick: number) => { bytes: Uint8Array | string; expected?: Json; detail: string },
): Mutation {
  return { name, category: 'structure', expect, make: (b, pick) => make(JSON.stringify(b.value), b, pick) };
}

const bytes = (...b: number[]) => new Uint8Array(b);

export const MUTATIONS: readonly Mutation[] = [
  numberCase('Numbers.LeadingZero', 'reject', ['01', '-01', '00', '007', '00.5']),
  numberCase('Numbers.TrailingDot', 'reject', ['1.', '-1.', '1.e5']),
  numberCase('Numbers.LeadingDot', 'reject', ['.5', '-.5', '.0']),
  numberCase('Numbers.PlusSign', 'reject', ['+1', '+0', '+1e5']),
  numberCase('Numbers.Hex', 'reject', ['0x1F', '0X0', '-0x1']),
  numberCase('Numbers.NaNInfinity', 'reject', ['NaN', 'Infinity', '-Infinity', 'nan', 'inf']),
  numberCase('Numbers.MalformedExponent', 'reject', ['1e', '1e+', '1E-', 'e5', '1e5.5']),
  numberCase('Numbers.HugeExponent', 'implementation-defined', ['1e400', '-1e400', '1e99999999999999999999']),
  numberCase('Numbers.Underflow', 'accept', [
    ['1e-400', 0],
    ['4.9e-325', 0],
    ['2.4703282292062328e-324', 5e-324],
  ]),
  numberCase('Numbers.Beyond2p53', 'accept', [
    ['9007199254740993', 9007199254740992],
    ['-9007199254740993', -9007199254740992],
    ['9007199254740995', 9007199254740996],
  ]),
  numberCase('Numbers.At2p63', 'accept', [
    ['9223372036854775807', 2 ** 63],
    ['9223372036854775808', 2 ** 63],
    ['-9223372036854775809', -(2 ** 63)],
  ]),
  numberCase('Numbers.At2p64', 'accept', [
    ['18446744073709551615', 2 ** 64],
    ['18446744073709551616', 2 ** 64],
    ['1.8446744073709552e19', 2 ** 64],
  ]),
  numberCase('Numbers.ExponentForms', 'accept', [
    ['1E2', 100],
    ['1e+2', 100],
    ['1.5e-2', 0.015],
    ['0e0', 0],
    ['10E-1', 1],
  ]),
  numberCase('Numbers.NegativeZero', 'implementation-defined', ['-0', '-0.0', '-0e0']),
  stringCase('Strings.InvalidUtf8', 'implementation-defined', [
    bytes(0xff),
    bytes(0xfe, 0x41),
    bytes(0xc3, 0x28),
    bytes(0xa0, 0xa1),
    bytes(0xe2, 0x82),
    bytes(0xf0, 0x28, 0x8c, 0xbc),
  ]),
  stringCase('Strings.OverlongUtf8', 'implementation-defined', [bytes(0xc0, 0xaf), bytes(0xe0, 0x80, 0xaf), bytes(0xf0, 0x80, 0x80, 0xaf), bytes(0xc1, 0xbf)]),
  stringCase('Strings.LoneSurrogateEscape', 'implementation-defined', ['\\ud800', '\\udfff', 'a\\ud83db', '\\ud800\\u0041']),
  stringCase('Strings.InvertedSurrogates', 'implementation-defined', ['\\udc00\\ud800', '\\ude00\\ud83d']),
  stringCase('Strings.EncodedSurrogate', 'implementation-defined', [bytes(0xed, 0xa0, 0x80), bytes(0xed, 0xbf, 0xbf)]),
  stringCase('Strings.RawControl', 'reject', [bytes(0x00), bytes(0x01), bytes(0x0a), bytes(0x09), bytes(0x0d), bytes(0x1f), bytes(0x41, 0x08, 0x42)]),
  stringCase('Strings.InvalidEscape', 'reject', ['\\x41', '\\u12', '\\a', '\\U0041', '\\', '\\u00G0', "\\'"]),
  stringCase('Strings.ValidEscapes', 'accept', [
    ['\\u00e9', 'é'],
    ['\\/', '/'],
    ['\\b\\f\\n\\r\\t', '\b\f\n\r\t'],
    ['\\ud83d\\ude00', '😀'],
    ['\\u0000', '\u0000'],
    ['\\"\\\\', '"\\'],
  ]),
  stringCase('Strings.NonCharacters', 'accept', [
    [String.fromCodePoint(0xfffe), '\ufffe'],
    [String.fromCodePoint(0x10ffff), String.fromCodePoint(0x10ffff)],
    ['\u2028\u2029', '\u2028\u2029'],
  ]),
  {
    ...structureCase('Strings.ByteOrderMark', 'implementation-defined', (t) => ({
      bytes: concat(bytes(0xef, 0xbb, 0xbf), t),
      detail: 'UTF-8 BOM before the object',
    })),
    category: 'strings',
  },
  structureCase('Structure.TrailingComma', 'reject', (t, _b, p) =>
    at(
      [
        { bytes: t.slice(0, -1) + ',}', detail: 'a comma before }' },
        { bytes: '{,' + t.slice(1), detail: 'a comma after {' },
        { bytes: t.replace(',', ',,'), detail: 'two commas' },
        { bytes: extra(t, '[0,]'), detail: `a comma before ] in ${EXTRA_MEMBER}` },
        { bytes: extra(t, '{"k":0,}'), detail: `a comma before } in ${EXTRA_MEMBER}` },
        { bytes: extra(t, '[,0]'), detail: `a comma after [ in ${EXTRA_MEMBER}` },
      ],
      p,
    ),
  ),
  structureCase('Structure.Comments', 'reject', (t, _b, p) =>
    at(
      [
        { bytes: '/* c */' + t, detail: 'a block comment first' },
        { bytes: t.slice(0, -1) + '// c\n}', detail: 'a line comment inside' },
        { bytes: t + '#c', detail: 'a # comment after' },
        { bytes: extra(t, '[0/* c */]'), detail: `a block comment in ${EXTRA_MEMBER}` },
        { bytes: extra(t, '{"k":0 // c\n}'), detail: `a line comment in ${EXTRA_MEMBER}` },
      ],
      p,
    ),
  ),
  structureCase('Structure.TrailingGarbage', 'reject', (t, _b, p) =>
    at(
      [
        { bytes: t + 'x', detail: 'x after the object' },
        { bytes: t + '}', detail: 'an extra }' },
        { bytes: t + ' 1', detail: 'a number after' },
        { bytes: t + t, detail: 'the object twice' },
        { bytes: concat(t, bytes(0)), detail: 'a NUL after' },
      ],
      p,
    ),
  ),
  structureCase('Structure.TrailingWhitespace', 'accept', (t, b, p) => ({
    bytes: t + at([' ', '\n', '\r\n\t '], p),
    expected: b.value,
    detail: 'whitespace after the object',
  })),
  structureCase('Structure.Truncated', 'reject', (t, _b, p) => {
    const cut = p % t.length;
    return { bytes: t.slice(0, cut), detail: `cut after ${cut} of ${t.length} bytes` };
  }),
  structureCase('Structure.DuplicateKey', 'implementation-defined', (t, b) => {
    const key = b.stringFields[0] ?? Object.keys(b.value)[0]!;
    return { bytes: t.slice(0, -1) + `,${JSON.stringify(key)}:${JSON.stringify(b.value[key])}}`, detail: `"${key}" twice` };
  }),
  structureCase('Structure.DeepNesting', 'implementation-defined', (t, _b, p) => {
    const depth = at([10_000, 100_000], p);
    return { bytes: t.slice(0, -1) + `,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`, detail: `an unknown field nested ${depth} arrays deep` };
  }),
  structureCase('Structure.TopLevelNotObject', 'reject', (t, _b, p) =>
    at(
      [
        { bytes: '[]', detail: '[]' },
        { bytes: `[${t}]`, detail: 'the object in an array' },
        { bytes: '"x"', detail: 'a string' },
        { bytes: '1', detail: 'a number' },
        { bytes: 'null', detail: 'null' },
        { bytes: 'true', detail: 'true' },
        { bytes: '', detail: 'nothing' },
        { bytes: ' \n', detail: 'whitespace only' },
        { bytes: `${'['.repeat(64)}${']'.repeat(64)}`, detail: 'arrays nested 64 deep' },
        { bytes: `${'['.repeat(1000)}${']'.repeat(1000)}`, detail: 'arrays nested 1,000 deep' },
      ],
      p,
    ),
  ),
];

/** Kept apart: a case of several megabytes at the rate of the others would measure the allocator. */
export const SIZE_MUTATIONS: readonly Mutation[] = [
  {
    name: 'Size.HugeString',
    category: 'size',
    expect: 'accept',
    make: (b, pick) => {
      if (b.stringFields.length === 0) return undefined;
      const field = at(b.stringFields, pick);
      const long = at(['a', 'é', '😀'], pick >> 2).repeat(at([10_000_000, 5_000_000, 2_500_000], pick >> 2));
      return {
        bytes: JSON.stringify({ ...b.value, [field]: long }),
        expected: { ...b.value, [field]: long },
        detail: `${field}: ${new TextEncoder().encode(long).length} bytes`,
      };
    },
  },
  {
    name: 'Size.LongNumber',
    category: 'size',
    expect: 'accept',
    make: (b, pick) => {
      if (b.numberFields.length === 0) return undefined;
      const field = at(b.numberFields, pick);
      return { bytes: withLiteral(b, field, `1.${'0'.repeat(100_000)}`), expected: { ...b.value, [field]: 1 }, detail: `${field}: 1.000… (100,000 digits)` };
    },
  },
];

/** The bases a model gives: a valid value and which fields hold numbers or free strings. */
export function baseOf(model: string, schema: { properties?: Record<string, any> }, value: Json): Base {
  const props = schema.properties ?? {};
  const v = value as Record<string, Json>;
  return {
    model,
    value: v,
    numberFields: Object.keys(v).filter((k) => props[k]?.type === 'number' || props[k]?.type === 'integer'),
    stringFields: Object.keys(v).filter((k) => props[k]?.type === 'string' && props[k]?.const === undefined && props[k]?.enum === undefined),
  };
}

export function applyMutation(m: Mutation, base: Base, pick: number): FuzzCase | undefined {
  const made = m.make(base, pick);
  if (!made) return undefined;
  return {
    mutation: m.name,
    category: m.category,
    expect: m.expect,
    model: base.model,
    bytes: typeof made.bytes === 'string' ? utf8(made.bytes) : made.bytes,
    detail: made.detail,
    ...(made.field !== undefined ? { field: made.field } : {}),
    ...(made.literal !== undefined ? { literal: made.literal } : {}),
    ...(made.expected !== undefined ? { expected: made.expected } : {}),
  };
}

/** Hostile payloads over valid bases: every mutation equally often, each with its own choice of field and form. */
export function fuzzCases(bases: fc.Arbitrary<Base>, mutations: readonly Mutation[] = MUTATIONS): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(bases, fc.nat(mutations.length - 1), fc.nat())
    .map(([b, i, pick]) => applyMutation(mutations[i]!, b, pick))
    .filter((c): c is FuzzCase => c !== undefined);
}
