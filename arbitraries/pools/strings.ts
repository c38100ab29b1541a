/** Strings that break implementations, by class. All are well-formed UTF-16. */
export const STRING_CLASSES = {
  empty: [''],
  whitespace: [' ', '  ', '\t', '\n', '\r\n', ' leading', 'trailing ', '\u00a0', '\u3000', '\ufeff'],
  control: ['\u0000', 'a\u0000b', '\u0001\u001f', '\u007f', '\u0085', '\u2028', '\u2029', 'line\u2028sep', '"quoted"', 'back\\slash', '</script>'],
  nonBmp: ['😀', '𝄞', '\u{10ffff}', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', 'a😀b', '\u{20000}\u{2a6d6}'],
  combiningAndRtl: [
    'e\u0301',
    'a\u0300\u0301\u0302\u0303',
    '\u05e9\u05dc\u05d5\u05dd',
    '\u0645\u0631\u062d\u0628\u0627',
    '\u202eabc\u202c',
    'x\u200by',
    '\u0f00\u0f71\u0f72',
  ],
  long: ['a'.repeat(10_000), 'ig_' + '0123456789abcdef'.repeat(4096), '😀'.repeat(5_000)],
} as const;

export const STRING_POOL: readonly string[] = [...new Set(Object.values(STRING_CLASSES).flat())];

/** The powers of two around which buffers, column types and length prefixes change. */
export const LENGTH_EXPONENTS = [8, 10, 12, 16] as const;

/** A string of exactly `n` UTF-8 bytes, most of them three-byte characters, so that its UTF-16 length is another number. */
export const ofUtf8Bytes = (n: number) => '\u20ac'.repeat(Math.floor(n / 3)) + 'b'.repeat(n % 3);

/**
 * Strings at 2^k − 1, 2^k and 2^k + 1 UTF-16 code units, and at as many
 * UTF-8 bytes, for each k of LENGTH_EXPONENTS: where a length check that is
 * off by one, or counts in the other unit, shows.
 */
export const STRING_BOUNDARIES: readonly { label: string; value: string }[] = LENGTH_EXPONENTS.flatMap((k) => [2 ** k - 1, 2 ** k, 2 ** k + 1]).flatMap((n) => [
  { label: `${n} code units`, value: 'x'.repeat(n) },
  { label: `${n} UTF-8 bytes`, value: ofUtf8Bytes(n) },
]);

/** Lone and inverted surrogates: implementation-defined, used only at the Informational level. */
export const LONE_SURROGATES: readonly string[] = ['\ud800', '\udfff', 'a\ud83db', '\ude00\ud83d', '\udc00'];
