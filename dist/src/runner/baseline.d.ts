import type { CheckResult, FailedResult } from '../../core/results.js';
export declare const BASELINE_FORMAT = "openresponses-conformance/baseline@1";
export interface BaselineEntry {
    adapter: string;
    model: string;
    check: string;
    /** Why this failure is known and accepted for now: a person's words, kept across updates. */
    reason: string;
    /** How it failed (rejected-valid, crash, …): failing another way is a new failure, as protobuf's lists compare the message. */
    kind?: string;
}
export interface Baseline {
    format: typeof BASELINE_FORMAT;
    failures: BaselineEntry[];
}
export declare function readBaseline(file: string): Baseline;
export interface BaselineVerdict {
    known: BaselineEntry[];
    /** Failures the list does not name, and listed ones that now fail another way (`was` says how they failed before). */
    newFailures: (FailedResult & {
        was?: string;
    })[];
    /** Listed, and now passing: take them off the list, so it only shrinks. */
    unexpectedPasses: BaselineEntry[];
    /** Listed, but no such adapter, model or check exists any more. */
    stale: BaselineEntry[];
    ok: boolean;
}
/**
 * The gate, as protobuf's failure lists work: a new failure fails it, and so
 * does a listed check that now passes or no longer exists. Entries for what
 * this run did not cover (another adapter, a filtered suite, another shard)
 * say nothing either way.
 */
export declare function judgeBaseline(baseline: Baseline, results: CheckResult[], exists: (e: BaselineEntry) => boolean): BaselineVerdict;
/**
 * The baseline a run's failures call for: reasons already written are kept,
 * a new entry starts from its failure message, and entries the run did not
 * cover (a filtered or sharded run) stay as they were.
 */
export declare function updatedBaseline(previous: Baseline | undefined, results: CheckResult[]): Baseline;
