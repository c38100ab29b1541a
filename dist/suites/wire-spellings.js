import { mixedValues, wireSpellings } from '../arbitraries/index.js';
import { expectParsedIfCanonicalIs, shownPayload } from './verdicts.js';
const KINDS = [
    ['Whitespace', 'whitespace', 'any JSON whitespace between tokens'],
    ['KeyOrder', 'keyOrder', 'keys in any order'],
    ['UnicodeEscapes', 'escapes', '\\u escapes (and \\/) for any character of any string'],
    ['NumberSpellings', 'numbers', 'every spelling of a number: 1, 1.0, 1e0, 10E-1, 0.1e1'],
];
export const wireSpellingSuite = {
    name: 'WireSpelling',
    description: 'every legal JSON spelling of a valid value parses to that value',
    checks({ set, model }) {
        const values = mixedValues(set, model.id);
        return KINDS.map(([name, kind, what]) => ({
            name: `${name}`, level: 'Recommended', mode: 'property',
            needs: ['parse'],
            description: `accepts ${what}`,
            arbitrary: wireSpellings(values, [kind]),
            show: (s) => shownPayload(s.text),
            evaluate: (adapter, s) => expectParsedIfCanonicalIs(adapter, model.name, s.value, s.text),
        }));
    },
};
//# sourceMappingURL=wire-spellings.js.map