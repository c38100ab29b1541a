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
}

export function joinField(outer: string, inner: string): string {
  return inner === '' ? outer : outer === '' ? inner : `${outer}.${inner}`;
}
