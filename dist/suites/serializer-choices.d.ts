import type { CheckDraft, SuiteContext } from '../core/check.js';
/**
 * What a serializer writes where JSON leaves it a choice, and what it does
 * with values it should not hold; and, Required, that whatever it writes,
 * for any of those inputs, is JSON the schema accepts.
 */
export declare function serializerChoiceChecks(ctx: SuiteContext): CheckDraft[];
