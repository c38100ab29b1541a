import * as fc from 'fast-check';
import type { Composer } from './vocabulary.js';

/**
 * How deep a value nests where its schema refers back to itself: fast-check
 * shortens neither arrays nor optional properties with depth, and a tree of
 * three optional children, or arrays of up to four arrays, grew until the
 * process hung or its stack ran out.
 */
export const MAX_RECURSIVE_DEPTH = 16;

/**
 * `whole`, or where it was built on a place that refers back to itself
 * (`recursionsBefore` is `c.recursions.length` from before building it), a
 * choice whose first branch, `shortest`, ends the recursion: taken half the
 * time, and always at MAX_RECURSIVE_DEPTH (each object and array level counts
 * one), so a value's size is bounded whatever the seed.
 */
export function bounded<T>(c: Composer, recursionsBefore: number, shortest: fc.Arbitrary<T>, whole: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (c.recursions.length === recursionsBefore) return whole;
  return fc.oneof({ depthIdentifier: c.depth, depthSize: 'max', maxDepth: MAX_RECURSIVE_DEPTH, withCrossShrink: true }, shortest, whole);
}
