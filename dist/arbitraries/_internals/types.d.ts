import type * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
/** A value that breaks one rule of the schema, at `path` (a JSON pointer into the value). */
export interface BrokenValue {
    value: Json;
    rule: string;
    path: string;
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
export declare function joinField(outer: string, inner: string): string;
