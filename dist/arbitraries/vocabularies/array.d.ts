import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { type Conj } from '../_internals/conjunction.js';
import { type Breaker } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
export declare function validArray(c: Composer, conj: Conj, pointer: string): fc.Arbitrary<Json>;
export declare function arrayBreakers(c: Composer, conj: Conj, pointer: string, depth: number): Breaker[];
export declare function hasArrayKeywords(conj: Conj): boolean;
/** The array keywords: `items`, `prefixItems` and the item counts. */
export declare const arrayVocabulary: Vocabulary;
