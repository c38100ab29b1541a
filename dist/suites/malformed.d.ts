import type { CheckDraft, SuiteContext } from '../core/check.js';
/**
 * Malformed JSON around valid events, one check per family of the fuzzer's
 * mutations a conforming parser must reject (leading zeros, NaN, raw
 * controls, bad escapes, trailing commas, comments, truncation, …).
 */
export declare function malformedJsonChecks(ctx: SuiteContext): CheckDraft[];
/** What a stream of four event kinds realistically mixes up: another event's type, an event wrapped in something else. */
export declare function confusionChecks(ctx: SuiteContext): CheckDraft[];
