/**
 * Every JSON spelling here denotes exactly the same decimal number as the
 * shortest one, so it rounds to the same double: no spelling changes a value.
 * Zero keeps its sign out of it: "-0" is checked at the Informational level.
 */
export declare function numberSpellings(x: number): string[];
