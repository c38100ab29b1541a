import { mixedValues, wireSpellings, type SpellingKind } from '../arbitraries/index.js';
import type { Json } from '../core/json.js';
import type { Suite } from '../core/check.js';
import { expectParsedIfCanonicalIs, shownPayload } from './verdicts.js';

const KINDS: [string, SpellingKind, string][] = [
  ['Whitespace', 'whitespace', 'any JSON whitespace between tokens'],
  ['KeyOrder', 'keyOrder', 'keys in any order'],
  ['UnicodeEscapes', 'escapes', '\\u escapes (and \\/) for any character of any string'],
  ['NumberSpellings', 'numbers', 'every spelling of a number: 1, 1.0, 1e0, 10E-1, 0.1e1'],
];

export const wireSpellingSuite: Suite = {
  name: 'WireSpelling',
  description: 'every legal JSON spelling of a valid value parses to that value',
  checks({ set, model }) {
    const values = mixedValues(set, model.id);
    return KINDS.map(([name, kind, what]) => ({
      name: `${name}`, level: 'Recommended' as const, mode: 'property' as const,
      needs: ['parse' as const],
      description: `accepts ${what}`,
      arbitrary: wireSpellings(values, [kind]),
      show: (s: { text: string }) => shownPayload(s.text),
      evaluate: (adapter, s: { value: Json; text: string }) => expectParsedIfCanonicalIs(adapter, model.name, s.value, s.text),
    }));
  },
};
