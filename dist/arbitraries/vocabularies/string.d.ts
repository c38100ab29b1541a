import * as fc from 'fast-check';
import { type Conj } from '../_internals/conjunction.js';
import type { Breaker } from '../_internals/types.js';
import type { Vocabulary } from '../_internals/vocabulary.js';
import { type StringClass } from '../pools/strings.js';
export interface StringRules {
    minLength: number;
    maxLength: number | undefined;
    patterns: RegExp[];
}
export declare function stringRules(conj: Conj): StringRules;
/** Length as JSON Schema counts it: code points, as ajv's ucs2length does. */
export declare function codePointLength(s: string): number;
export declare function satisfiesString(s: string, r: StringRules, except?: string): boolean;
export interface StringOptions {
    loneSurrogates?: boolean;
    tame?: boolean;
}
export declare function validString(r: StringRules, options?: StringOptions): fc.Arbitrary<string>;
/** The edge classes a string admits; none for a constrained string, whose pools rarely fit. */
export declare function stringClasses(r: StringRules): Map<StringClass, fc.Arbitrary<string>>;
export declare function stringBreakers(r: StringRules, pointer: string): Breaker[];
/** The string keywords: lengths in code points, and `pattern`. */
export declare const stringVocabulary: Vocabulary;
