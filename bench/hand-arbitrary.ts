import * as fc from 'fast-check';

/**
 * What a skilled person writes by hand with fast-check for the seed model
 * when asked for the same edges orc covers: its own table of edge numbers and
 * strings beside fast-check's doubles and full-Unicode strings, and strings at
 * the 2^k±1 lengths where buffers change size. The baseline orc's compiled
 * arbitrary and its check loop are measured against.
 */
const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  5e-324,
  -5e-324,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  -(2 ** 63),
  2 ** 64,
  0.1,
  1e21,
];
const EDGE_STRINGS = [
  '',
  '\u0000',
  '\u001f',
  '\u007f',
  '"\\/',
  '\u2028',
  '\u2029',
  'e\u0301',
  '\u05e9\u05dc\u05d5\u05dd',
  '\u0645\u0631\u062d\u0628\u0627',
  '\ud83d\ude00',
  '\ufeff',
  '\ud800',
];
const LENGTHS = [255, 256, 257, 1023, 1024, 1025, 4095, 4096, 4097, 65535, 65536, 65537];

const number = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
);
const string = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...EDGE_STRINGS, 'a', '\u00e9', '\u4e2d'), { maxLength: 8 }).map((parts) => parts.join('')) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('a', '\u00e9', '\u4e2d', '\ud83d\ude00'), fc.constantFrom(...LENGTHS)).map(([unit, n]) => unit.repeat(n).slice(0, n)),
  },
);

export function handArbitrary(eventType: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ type: fc.constant(eventType), item_id: string, output_index: number, sequence_number: number }, { noNullPrototype: true });
}
