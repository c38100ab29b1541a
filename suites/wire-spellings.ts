import { mixedValues, wireSpellings, type SpellingKind } from '../arbitraries/index.js';
import { ESCAPE_TAIL } from '../arbitraries/wire/spellings.js';
import type { Json } from '../core/json.js';
import type { Suite } from '../core/check.js';
import { expectParsedIfCanonicalIs, shownPayload } from './verdicts.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

const KINDS: [string, SpellingKind, string][] = [
  ['Whitespace', 'whitespace', 'any JSON whitespace between tokens'],
  ['KeyOrder', 'keyOrder', 'keys in any order'],
  ['UnicodeEscapes', 'escapes', 'every escape: \\u for any character of any string, and \\/ \\b \\f \\n \\r \\t \\" \\\\ for the characters that have one'],
  ['NumberSpellings', 'numbers', 'every spelling of a number: 1, 1.0, 1e0, 10E-1, 0.1e1'],
];

/**
 * The value with ESCAPE_TAIL after each top-level string, kept only where
 * the whole value stays valid: every case of a model with a free string
 * (every image-generation event's item_id) then sends `\/ \b \f \n \r \t
 * \" \\` and `\u` escapes, so one run never misses a parser that misreads one.
 */
function withEscapable(v: Json, valid: (x: unknown) => boolean): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  let out = v as Record<string, Json>;
  for (const [k, x] of Object.entries(out)) {
    if (typeof x !== 'string') continue;
    const next = { ...out, [k]: x + ESCAPE_TAIL.value };
    if (valid(next)) out = next;
  }
  return out;
}

export const wireSpellingSuite: Suite = {
  name: 'WireSpelling',
  description: SUITE_DESCRIPTIONS.WireSpelling,
  checks({ set, model }) {
    const values = mixedValues(set, model.id);
    const validate = set.ajv.getSchema(model.id)!;
    const escapable = values.map((v) => withEscapable(v, (x) => validate(x) as boolean));
    return KINDS.map(([name, kind, what]) => ({
      name: `${name}`,
      level: 'Recommended' as const,
      mode: 'property' as const,
      needs: ['parse' as const],
      description: `accepts ${what}`,
      arbitrary: wireSpellings(kind === 'escapes' ? escapable : values, [kind]),
      show: (s: { text: string }) => shownPayload(s.text),
      evaluate: (adapter, s: { value: Json; text: string }) => expectParsedIfCanonicalIs(adapter, model.name, s.value, s.text),
    }));
  },
};
