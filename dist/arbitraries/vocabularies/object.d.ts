import * as fc from 'fast-check';
import { type Json } from '../../core/json.js';
import { type Conj } from '../_internals/conjunction.js';
import { type Node } from '../_internals/node.js';
import { type Breaker } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
export interface ObjectShape {
    properties: Map<string, Node[]>;
    required: string[];
    /** Schemas for keys outside `properties`; `false` when some conjunct forbids them. */
    additional: Node[] | false;
    /** Several conjuncts constrain the object: the oracle has the last word on a generated value. */
    merged: boolean;
}
export declare function objectShape(conj: Conj): ObjectShape;
export declare function extraKey(shape: ObjectShape): fc.Arbitrary<string>;
export declare function validObject(c: Composer, conj: Conj, pointer: string): fc.Arbitrary<Json>;
export declare function objectBreakers(c: Composer, conj: Conj, pointer: string, depth: number): Breaker[];
export declare function hasObjectKeywords(conj: Conj): boolean;
/** The object keywords: `properties`, `required`, `additionalProperties`. */
export declare const objectVocabulary: Vocabulary;
