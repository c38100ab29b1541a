/**
 * Text with the characters a person cannot see, or that would change how the
 * rest reads (controls, bidi overrides, zero-widths, lone surrogates), shown
 * as escapes. Counterexamples are hostile by design.
 */
export declare function visible(text: string, max?: number): string;
