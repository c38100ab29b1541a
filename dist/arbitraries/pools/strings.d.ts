/** Strings that break implementations, by class. All are well-formed UTF-16. */
export declare const STRING_CLASSES: {
    readonly empty: readonly [""];
    readonly whitespace: readonly [" ", "  ", "\t", "\n", "\r\n", " leading", "trailing ", " ", "　", "﻿"];
    readonly control: readonly ["\0", "a\0b", "\u0001\u001F", "", "\u0085", "\u2028", "\u2029", "line\u2028sep", "\"quoted\"", "back\\slash", "</script>"];
    readonly nonBmp: readonly ["😀", "𝄞", "􏿿", "👨‍👩‍👧", "a😀b", "𠀀𪛖"];
    readonly combiningAndRtl: readonly ["é", "à́̂̃", "שלום", "مرحبا", "‮abc‬", "x​y", "ༀཱི"];
    readonly long: readonly [string, string, string];
};
export type StringClass = keyof typeof STRING_CLASSES;
export declare const STRING_POOL: readonly string[];
/** Lone and inverted surrogates: implementation-defined, used only at the Informational level. */
export declare const LONE_SURROGATES: readonly string[];
