import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { type Conj } from '../_internals/conjunction.js';
import type { Breaker } from '../_internals/types.js';
import type { Vocabulary } from '../_internals/vocabulary.js';
/**
 * One string per JSON value, equal exactly when the values are (as
 * isDeepStrictEqual has them: `-0` is not `0`, key order does not count), so
 * that membership in an enum of thousands is a set lookup, not a scan.
 */
export declare function valueKey(v: Json): string;
/** The values every `enum` and `const` of the conjunction allows, or undefined when none constrains. */
export declare function enumValues(conj: Conj): Json[] | undefined;
export declare function validEnum(conj: Conj, values: Json[], valid: (v: unknown) => boolean): fc.Arbitrary<Json>;
/** Values of an allowed JSON type outside the enum: near misses first, so a counterexample reads well. */
export declare function enumBreakers(conj: Conj, values: Json[], pointer: string): Breaker[];
/** `enum` and `const`: the listed values are the place's values, near misses its breakers. */
export declare const enumVocabulary: Vocabulary;
