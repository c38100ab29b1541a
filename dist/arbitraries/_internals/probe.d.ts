import * as fc from 'fast-check';
/**
 * `arb.filter(keep)` when enough of what `arb` yields passes, else undefined.
 * Decided on a fixed-seed sample, so the same schema always compiles the same way.
 */
export declare function filteredIfViable<T>(arb: fc.Arbitrary<T>, keep: (t: T) => boolean): fc.Arbitrary<T> | undefined;
