import * as fc from 'fast-check';
import { type Conj } from '../_internals/conjunction.js';
import type { Breaker } from '../_internals/types.js';
import type { Vocabulary } from '../_internals/vocabulary.js';
import { type NumberClass } from '../pools/numbers.js';
interface Bound {
    value: number;
    keyword: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum';
}
export interface NumberRules {
    integer: boolean;
    bounds: Bound[];
    multipleOf: number[];
}
export declare function numberRules(conj: Conj, integer: boolean): NumberRules;
export declare function satisfies(x: number, r: NumberRules, except?: string): boolean;
export declare function validNumber(r: NumberRules, tame?: boolean): fc.Arbitrary<number>;
export declare function numberClasses(r: NumberRules): Map<NumberClass, fc.Arbitrary<number>>;
/** One breaker per bound and per multipleOf, each value obeying every other numeric rule. */
export declare function numberBreakers(r: NumberRules, pointer: string): Breaker[];
/** The numeric keywords: bounds and `multipleOf`, and `format` `double`/`float`, which add nothing to `type`. */
export declare const numericVocabulary: Vocabulary;
export {};
