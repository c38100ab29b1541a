import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { type Conj } from '../_internals/conjunction.js';
import type { Breaker } from '../_internals/types.js';
import type { JsonType, TypeSet, Vocabulary } from '../_internals/vocabulary.js';
export type { JsonType, TypeSet };
export declare const JSON_TYPES: readonly JsonType[];
export declare function typesOf(conj: Conj): TypeSet;
/** Small values of each JSON type: what a wrong-type payload carries. */
export declare const SAMPLE_OF_TYPE: Record<JsonType, fc.Arbitrary<Json>>;
export declare const smallJson: fc.Arbitrary<Json>;
/** Values of a JSON type the schema does not allow, `null` apart, and fractions where only integers are. */
export declare function typeBreakers(types: TypeSet, pointer: string): Breaker[];
/** `type`: which JSON types a place allows; builds the two that have no keywords of their own. */
export declare const typeVocabulary: Vocabulary;
