import * as fc from 'fast-check';
import type { Json } from '../core/json.js';
import { type SchemaSource } from './_internals/context.js';
import type { Breaker, BrokenValue } from './_internals/types.js';
import { type CompileOptions } from './compile.js';
export type { Breaker, BrokenValue, CompileOptions, SchemaSource };
export { wireSpellings, type SpellingKind } from './wire/spellings.js';
/** Values the schema accepts, biased toward those that break implementations. */
export declare function validValues(source: SchemaSource, id: string, options?: CompileOptions): fc.Arbitrary<Json>;
/** Every family of values that break one rule, each labelled with that rule and where. */
export declare function breakers(source: SchemaSource, id: string, options?: CompileOptions): Breaker[];
/**
 * Full-range values and plain ones in equal parts: for checks about how a
 * value is written rather than what it is, so that an implementation that
 * refuses some values still meets cases it can tell something by.
 */
export declare function mixedValues(source: SchemaSource, id: string): fc.Arbitrary<Json>;
/** Any value breaking one rule of the schema. */
export declare function invalidValues(source: SchemaSource, id: string): fc.Arbitrary<BrokenValue>;
export interface FieldClass {
    field: string;
    pointer: string;
    className: string;
    /** Whole values whose `field` is drawn from the class, every other field as usual. */
    arbitrary: fc.Arbitrary<Json>;
}
/** For each top-level property of an object schema, the edge classes its values fall in. */
export declare function fieldClasses(source: SchemaSource, id: string): FieldClass[];
