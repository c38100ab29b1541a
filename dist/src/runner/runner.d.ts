import type { AdapterEnv, AdapterFactory } from '../../core/contract.js';
import type { SchemaSet } from '../../core/models.js';
import type { Check } from '../../core/check.js';
import type { CheckResult, RunEvent, RunInfo } from '../../core/results.js';
export interface RunOptions {
    set: SchemaSet;
    adapters: AdapterFactory[];
    adapterEnv?: Omit<AdapterEnv, 'set'>;
    checks: Check[];
    runs: number;
    seed: number;
    concurrency?: number;
    info: Omit<RunInfo, 'seed' | 'runs' | 'startedAt' | 'checks'>;
    emit: (e: RunEvent) => void;
    progress?: (done: number, total: number, current: string) => void;
    /** Checked between checks: once true, the run stops and says it is incomplete. */
    stopped?: () => boolean;
    /** Settles when the user stops the run: the check in progress is abandoned, unrecorded, and its adapter closed. */
    whenStopped?: Promise<void>;
    /** Run only this shard (1-based index of count) of the adapter × check pairs. */
    shard?: {
        index: number;
        count: number;
    };
    /** Adapters run at once (default 1); the events come out in the same order whatever it is. */
    jobs?: number;
    /** How long one check may take, shrinking included. */
    checkBudgetMs?: number;
}
/**
 * The adapter × check pairs a shard runs: dealt round-robin in plan order,
 * so n shards cover exactly the unsharded run, each pair once.
 */
export declare function inShard(shard: RunOptions['shard'], adapterIndex: number, checkIndex: number, checkCount: number): boolean;
/**
 * Runs every check against every adapter, up to `jobs` adapters at once
 * (an out-of-process harness leaves orc idle while it works), streaming
 * result events in the order a one-at-a-time run gives them: an adapter's
 * events wait for the adapters before it, so reports are the same whatever `jobs` is.
 */
export declare function run(o: RunOptions): Promise<CheckResult[]>;
