import type { Adapter, ParseOutcome } from '../../core/contract.js';
import type { FuzzCase } from '../../arbitraries/wire/mutations.js';
import type { FailureKind } from '../../core/check.js';
import { type OutputValidator } from '../../suites/verdicts.js';
/** What happened, and whether a conforming parser may do it; `behaviour` names the class of what happened. */
export type FuzzVerdict = {
    status: 'pass';
    outcome: 'accepted' | 'rejected';
    behaviour: string;
} | {
    status: 'fail';
    kind: FailureKind;
    message: string;
    answer?: string;
    stderr?: string;
    behaviour?: string;
};
/** What a parse made of a case, in a behaviour label: `rejected`, `crash`, `→ U+FFFD`, `→ Infinity`, `kept`. */
export declare function fuzzBehaviour(c: FuzzCase, outcome: ParseOutcome): string;
/**
 * What a conforming parser must do with one hostile payload. Whatever the
 * expectation, an exception, a crash, a hang or garbage from the harness is
 * a failure: the Recommended level's "never crash or hang on hostile input".
 */
export declare function judge(c: FuzzCase, outcome: ParseOutcome): FuzzVerdict;
export interface RunCaseOptions {
    /** Given when the adapter serializes this case's model: what it writes after accepting an implementation-defined payload is checked too. */
    validOutput?: OutputValidator;
}
export declare function runCase(adapter: Adapter, c: FuzzCase, o?: RunCaseOptions): FuzzVerdict | Promise<FuzzVerdict>;
