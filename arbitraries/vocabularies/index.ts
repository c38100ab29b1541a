import type { Vocabulary } from '../_internals/vocabulary.ts';
import { arrayVocabulary } from './array.ts';
import { combinatorVocabulary } from './combinators.ts';
import { enumVocabulary } from './enum.ts';
import { numericVocabulary } from './numeric.ts';
import { objectVocabulary } from './object.ts';
import { stringVocabulary } from './string.ts';
import { typeVocabulary } from './type.ts';

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

/** Every keyword a schema may use: the families' and `$ref`, which the compiler resolves itself. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set(['$ref', ...VOCABULARIES.flatMap((v) => v.keywords)]);
