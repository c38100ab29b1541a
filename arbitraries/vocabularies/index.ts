import type { Vocabulary } from '../_internals/vocabulary.js';
import { arrayVocabulary } from './array.js';
import { combinatorVocabulary } from './combinators.js';
import { enumVocabulary } from './enum.js';
import { numericVocabulary } from './numeric.js';
import { objectVocabulary } from './object.js';
import { stringVocabulary } from './string.js';
import { typeVocabulary } from './type.js';

/**
 * Every keyword family the compiler composes, in the order it asks them: a
 * pending combinator first (its branches decide everything), then `type`,
 * whose breakers come before an `enum`'s, then the families of each type.
 */
export const VOCABULARIES: readonly Vocabulary[] = [
  combinatorVocabulary,
  typeVocabulary,
  enumVocabulary,
  numericVocabulary,
  stringVocabulary,
  objectVocabulary,
  arrayVocabulary,
];

/** Every keyword a schema compiled with these families may use: theirs and `$ref`, which the compiler resolves itself. */
export function supportedKeywords(vocabularies: readonly Vocabulary[]): ReadonlySet<string> {
  return new Set(['$ref', ...vocabularies.flatMap((v) => v.keywords)]);
}

export const SUPPORTED_KEYWORDS: ReadonlySet<string> = supportedKeywords(VOCABULARIES);
