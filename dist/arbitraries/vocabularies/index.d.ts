import type { Vocabulary } from '../_internals/vocabulary.js';
/**
 * Every keyword family the compiler composes, in the order it asks them: a
 * pending combinator first (its branches decide everything), then `type`,
 * whose breakers come before an `enum`'s, then the families of each type.
 */
export declare const VOCABULARIES: readonly Vocabulary[];
/** Every keyword a schema may use: the families' and `$ref`, which the compiler resolves itself. */
export declare const SUPPORTED_KEYWORDS: ReadonlySet<string>;
