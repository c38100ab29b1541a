// What a fuzz run found, in the words the fuzzer, its corpus and the fuzz report share.
/** What a conforming parser must do with a mutated payload. */
export const EXPECTATIONS = ['reject', 'accept', 'implementation-defined'];
export const CATEGORIES = ['numbers', 'strings', 'structure', 'size'];
//# sourceMappingURL=fuzz-results.js.map