/** Strings that break implementations, by class. All are well-formed UTF-16. */
export const STRING_CLASSES = {
    empty: [''],
    whitespace: [' ', '  ', '\t', '\n', '\r\n', ' leading', 'trailing ', '\u00a0', '\u3000', '\ufeff'],
    control: ['\u0000', 'a\u0000b', '\u0001\u001f', '\u007f', '\u0085', '\u2028', '\u2029', 'line\u2028sep', '"quoted"', 'back\\slash', '</script>'],
    nonBmp: ['😀', '𝄞', '\u{10ffff}', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', 'a😀b', '\u{20000}\u{2a6d6}'],
    combiningAndRtl: ['e\u0301', 'a\u0300\u0301\u0302\u0303', '\u05e9\u05dc\u05d5\u05dd', '\u0645\u0631\u062d\u0628\u0627', '\u202eabc\u202c', 'x\u200by', '\u0f00\u0f71\u0f72'],
    long: ['a'.repeat(10_000), 'ig_' + '0123456789abcdef'.repeat(4096), '😀'.repeat(5_000)],
};
export const STRING_POOL = [...new Set(Object.values(STRING_CLASSES).flat())];
/** Lone and inverted surrogates: implementation-defined, used only at the Informational level. */
export const LONE_SURROGATES = ['\ud800', '\udfff', 'a\ud83db', '\ude00\ud83d', '\udc00'];
//# sourceMappingURL=strings.js.map