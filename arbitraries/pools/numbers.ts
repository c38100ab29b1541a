/**
 * Where integer and float types change: 2^31 − 1, 2^31, 2^32, 2^53 − 1, 2^53
 * and the next double after it (2^53 + 1 has none: it is the BeyondDoublePrecision
 * case of the Informational level), 2^63, 2^64, the smallest subnormal and the
 * largest double, and the negatives of each.
 */
export const NUMBER_BOUNDARIES: readonly number[] = [
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  2 ** 64,
  5e-324,
  Number.MAX_VALUE,
].flatMap((x) => [x, -x]);

/**
 * Numbers that break implementations, by class. Every entry is a finite
 * double; which ones a schema admits is decided by its constraints.
 */
export const NUMBER_CLASSES = {
  integral: [0, 1, -1, 2, 7, 100, 2147483647, 2147483648, -2147483649, 4294967295, 4294967296, 2 ** 53 - 1, -(2 ** 53 - 1)],
  fraction: [0.5, 1.5, -0.5, 0.1, 0.2, 0.3, 2.5, 123.456, 1e-7, 1.0000000000000002, 5e-324, -5e-324, 2.2250738585072014e-308, 4503599627370495.5],
  largeMagnitude: [2 ** 53, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64, 1e21, 1e22, 1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308],
  /** -0 travels as "0" through JSON.stringify; its own spelling is checked at the Informational level. */
  zero: [0, -0],
  boundary: NUMBER_BOUNDARIES,
} as const;

export type NumberClass = keyof typeof NUMBER_CLASSES;

export const NUMBER_POOL: readonly number[] = [...new Set(Object.values(NUMBER_CLASSES).flat())];
