import type { Adapter } from '../../core/contract.js';
import type { PropertyCheck, Shown, Verdict } from '../../core/check.js';
import { type SchemaSet } from '../../core/models.js';
import type { ReplayTarget } from './replay-token.js';
/**
 * The check a replay token names, planned from today's schemas as a run
 * plans it: a token outlives the code that made it, so a check that is gone
 * or became an observation is the user's to hear about, in one line.
 */
export declare function replayedCheck(set: SchemaSet, target: ReplayTarget): PropertyCheck;
/** The one case a token names, generated again and run against the adapter: what was sent, and what it showed now. */
export declare function replayCase(check: PropertyCheck, adapter: Adapter, target: ReplayTarget): Promise<{
    shown: Shown;
    verdict: Verdict;
}>;
