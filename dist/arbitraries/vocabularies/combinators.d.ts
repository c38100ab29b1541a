import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { type Conj } from '../_internals/conjunction.js';
import { type Node } from '../_internals/node.js';
import type { Breaker } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
export interface PendingCombinator {
    node: Node;
    keyword: 'oneOf' | 'anyOf';
    key: string;
}
export declare function pendingCombinator(conj: Conj): PendingCombinator | undefined;
/**
 * A value of some branch, kept only when the oracle agrees for the whole
 * schema: for `oneOf` that means no other branch matched too.
 */
export declare function validCombinator(c: Composer, conj: Conj, comb: PendingCombinator, pointer: string): fc.Arbitrary<Json>;
/** Each branch's breakers, kept only when no branch accepts the value; same rule and field merge. */
export declare function combinatorBreakers(c: Composer, conj: Conj, comb: PendingCombinator, pointer: string, depth: number): Breaker[];
/** `oneOf` and `anyOf` (and `allOf`, which the conjunction folds in): a place with a pending combinator is the branches' to decide. */
export declare const combinatorVocabulary: Vocabulary;
