/**
 * Numbers that break implementations, by class. Every entry is a finite
 * double; which ones a schema admits is decided by its constraints.
 */
export declare const NUMBER_CLASSES: {
    readonly integral: readonly [0, 1, -1, 2, 7, 100, 2147483647, 2147483648, -2147483649, 4294967295, 4294967296, number, number];
    readonly fraction: readonly [0.5, 1.5, -0.5, 0.1, 0.2, 0.3, 2.5, 123.456, 1e-7, 1.0000000000000002, 5e-324, -5e-324, 2.2250738585072014e-308, 4503599627370495.5];
    readonly largeMagnitude: readonly [number, number, number, number, number, 1e+21, 1e+22, 1e+300, -1e+300, 1.7976931348623157e+308, -1.7976931348623157e+308];
    /** -0 travels as "0" through JSON.stringify; its own spelling is checked at the Informational level. */
    readonly zero: readonly [0, 0];
};
export type NumberClass = keyof typeof NUMBER_CLASSES;
export declare const NUMBER_POOL: readonly number[];
