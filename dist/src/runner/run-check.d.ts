import * as fc from 'fast-check';
import { type Adapter } from '../../core/contract.js';
import type { Check, Verdict } from '../../core/check.js';
import type { CheckResult } from '../../core/results.js';
export interface CheckRunOptions {
    seed: number;
    runs: number;
    /** Requests kept in flight with an adapter that answers asynchronously. */
    concurrency: number;
    /** How long one check may take, shrinking included (default CHECK_BUDGET_MS). */
    budgetMs?: number;
}
/** A check that runs longer has met a harness that hangs on a class of inputs: what it found by then is reported. */
export declare const CHECK_BUDGET_MS = 120000;
/**
 * An adapter's defect must not end the run: whatever it throws, or a promise
 * it rejects, becomes that case's failure.
 */
type Thrown = {
    status: 'fail';
    kind: 'exception';
    message: string;
};
export declare function guarded<T, V = Verdict>(evaluate: (t: T) => V | Promise<V>): (t: T) => V | Thrown | Promise<V | Thrown>;
/** The cases of a property, exactly as fast-check generates them for this seed. */
export declare function casesOf<T>(arb: fc.Arbitrary<T>, seed: number, runs: number): T[];
export declare function runCheck(check: Check, adapter: Adapter, o: CheckRunOptions): Promise<CheckResult>;
export {};
