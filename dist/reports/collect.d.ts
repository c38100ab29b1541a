import type { AdapterInfo, Restart } from '../core/contract.js';
import type { CheckResult, FailedResult, RunEvent, RunInfo, Status } from '../core/results.js';
import { type Level } from '../core/check.js';
export type Tally = Record<Status, number>;
export interface MatrixRow {
    model: string;
    id: string;
    level: Level;
    cells: Record<string, CheckResult | undefined>;
}
/** What every reporter reads: the events folded into one picture of the run. */
export interface RunData {
    run: RunInfo | undefined;
    adapters: AdapterInfo[];
    adapterNames: string[];
    adapterErrors: {
        adapter: string;
        message: string;
    }[];
    /** Each adapter whose harness had to be restarted, by cause. */
    adapterRestarts: {
        adapter: string;
        restarts: Restart[];
    }[];
    results: CheckResult[];
    complete: boolean;
    finishedAt: string | undefined;
    incompleteReason: string | undefined;
    tallies: Record<string, Record<Level, Tally>>;
    rows: MatrixRow[];
    baseline: Extract<RunEvent, {
        type: 'baseline';
    }> | undefined;
}
export declare function collect(events: readonly RunEvent[]): RunData;
/** Whether any Required check failed, known or not: the Required level's verdict, whatever a baseline says. */
export declare function requiredFailed(data: RunData): boolean;
/**
 * Exit status CI can trust: failed when an adapter never started, or, without
 * a baseline, any Required check failed; with one, when the baseline's gate did not pass.
 */
export declare function runFailed(data: RunData): boolean;
/** The baseline's verdict in a few lines, for the terminal and the Markdown summary. */
export declare function baselineLines(data: RunData): string[];
/** One line per adapter whose harness was restarted: how often, and why. */
export declare function restartLines(data: RunData): string[];
/** A level's share as the summaries write it: `12/14 passed, 2 n/a`. */
export declare function levelShare(t: Tally): string;
/** `@openrouter/sdk 0.1.2 (TypeScript)`, or nothing for an adapter that never started. */
export declare function implementationOf(d: RunData, adapter: string): string;
export declare const STATUS_MARK: Record<Status, string>;
/** An observation's behaviours, case by case, distinct and in case order: what its cell says. */
export declare function behaviourOf(r: CheckResult): string;
/** What a matrix cell says: the status, or for an observation the behaviour. */
export declare function cellText(r: CheckResult): string;
/** Each distinct cell text of a row, numbered in adapter order: cells with one number behave alike. */
export declare function behaviourClasses(row: MatrixRow, adapters: readonly string[]): Map<string, number>;
/** One case of an observation across implementations: which adapters share each behaviour (Bowtie's view of a case). */
export interface BehaviourGroup {
    model: string;
    id: string;
    case: string;
    behaviours: {
        behaviour: string;
        adapters: string[];
        detail: string;
    }[];
}
export declare function behaviourGroups(d: RunData): BehaviourGroup[];
/** `OpenResponsesImageGenCallGenerating` → `Generating`: enough to tell models apart in a narrow column. */
export declare function shortModel(name: string): string;
/** The failures a baseline lists, still failing the way it says: drawn as known, not as new. */
export declare function knownFailures(d: RunData): Set<string>;
export declare const isKnown: (known: Set<string>, r: CheckResult) => boolean;
/** One failing check of one adapter, across the models it fails for: one bug, said once. */
export interface FailureGroup {
    adapter: string;
    id: string;
    level: Level;
    /** The failing results, smallest counterexample first. */
    results: FailedResult[];
    known: boolean;
}
/**
 * Failures grouped by adapter × check, Required first, then breadth first:
 * each adapter's first group, then each one's second, so that the first
 * few groups show the whole run. Each group has its smallest counterexample first.
 */
export declare function failureGroups(d: RunData): FailureGroup[];
/**
 * Counts for the closing line CI greps, after protobuf's "CONFORMANCE SUITE
 * PASSED: …": unexpected failures are the ones that fail the run, expected
 * ones are what a baseline lists; a Recommended failure without a baseline
 * is counted apart, since it does not fail the run.
 */
export declare function countLine(d: RunData): string;
/** What the gate decided and why, or what the Required level says: the one headline every format leads with. */
export declare function headline(d: RunData): string;
/** Required and Recommended suites, each adapter's results in it. */
export declare function suiteRows(d: RunData): [string, Map<string, CheckResult[]>][];
/** What one adapter's results in one suite come to: new failures, else known ones, else a pass, else nothing it could run. */
export declare function suiteCell(results: readonly CheckResult[], known: Set<string>): {
    kind: 'failed' | 'known' | 'passed' | 'unsupported';
    count: number;
};
/** A, B, …, Z, AA, AB, …: a column narrow enough for a dozen adapters. */
export declare function adapterKey(i: number): string;
