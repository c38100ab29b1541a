import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
export type SpellingKind = 'whitespace' | 'keyOrder' | 'escapes' | 'numbers';
export declare const SPELLING_KINDS: readonly SpellingKind[];
/** Writes `value` as JSON, every free choice read from the tape for the kinds enabled. */
export declare function spell(value: Json, kinds: ReadonlySet<SpellingKind>, choices: readonly number[]): string;
export interface Spelled {
    value: Json;
    text: string;
}
/** For each value, JSON texts that mean it, varied in the kinds given. */
export declare function wireSpellings(values: fc.Arbitrary<Json>, kinds?: readonly SpellingKind[]): fc.Arbitrary<Spelled>;
