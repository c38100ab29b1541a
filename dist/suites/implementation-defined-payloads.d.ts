import type { SuiteContext } from '../core/check.js';
/** A valid payload but for one implementation-defined member, and what that member was. */
export interface ImplementationDefinedPayload {
    kind: 'overflow' | 'negative-zero' | 'beyond-double' | 'lone-surrogate' | 'duplicate-key';
    field: string;
    label: string;
    /** The member's JSON text (for a duplicate key: the two, NUL-separated). */
    literal: string;
    text: string;
}
/**
 * The payloads the ImplementationDefined observations send, one list, so
 * that what a serializer writes after reading each of them is checked too.
 */
export declare function implementationDefinedPayloads(ctx: SuiteContext): ImplementationDefinedPayload[];
