import type * as fc from 'fast-check';
import type { Json } from '../../core/json.js';

/** A value that breaks one rule of the schema, at `path` (a JSON pointer into the value). */
export interface BrokenValue {
  value: Json;
  rule: string;
  path: string;
  /**
   * The same value with the broken place given back the valid value it was
   * drawn in place of, everything else as it was: what a rejection of
   * `value` is weighed against (a refusal of both speaks of something else).
   * Absent where nothing surrounds the broken place (the value itself breaks
   * the rule) or no valid value was drawn for it.
   */
  repaired?: Json;
}

/**
 * What judges the values that break a rule: the Parse check they make (the
 * name part of its id, `RejectsOutOfRange`), or `{ suite }` where another
 * suite takes them for its own and a parser need not refuse them.
 */
export type Judge = string | { suite: string };

/**
 * One family of rule-breaking values at one field: every value it yields
 * breaks `rule` at that field. `field` names it in check ids (`item_id`,
 * `tags.*`, `` for the value itself).
 */
export interface Breaker {
  rule: string;
  field: string;
  arbitrary: fc.Arbitrary<BrokenValue>;
  /** Set where a combinator means the value may break other rules too. */
  approximate?: boolean;
  /** Its values are valid: members the schema does not name (an open object's), which a suite other than Parse takes. */
  accepted?: boolean;
  /** From the vocabulary that broke the rule: every breaker the compiler hands out has one. */
  judge: Judge;
}

/** A breaker as a vocabulary makes it: the compiler gives it the judge its vocabulary names for its rule, unless it names its own. */
export type DraftBreaker = Omit<Breaker, 'judge'> & { judge?: Judge };

export function joinField(outer: string, inner: string): string {
  return inner === '' ? outer : outer === '' ? inner : `${outer}.${inner}`;
}
