import type { Json } from '../core/json.js';
import type { SuiteContext } from '../core/check.js';
/**
 * One plain valid value of the model, the same on every run: the base that
 * observations change one thing of, so what they show is that one thing.
 */
export declare function typicalValue({ set, model }: SuiteContext): Record<string, Json>;
/** Property names whose schema is a plain string or number (no enum), in schema order. */
export declare function fieldsOfType(ctx: SuiteContext, type: 'string' | 'number'): string[];
/** The typical value as JSON text with one member's value replaced by raw JSON text. */
export declare function withRawMember(value: Record<string, Json>, field: string, raw: string): string;
