import type { Adapter, AdapterFactory } from '../../core/contract.js';
export interface ConformanceOptions {
    /** The run's seed, as `orc run --seed`; default: ORC_SEED, else random (in every failure's message). */
    seed?: number;
    /** Cases per property (default: ORC_RUNS, else 100). */
    runs?: number;
    /** Models by name or event type (default: all). */
    models?: string[];
    /** Suites or check ids, as `orc run --suite`. */
    suite?: string;
    /** Levels, as `orc run --level`, e.g. "Required,Recommended". */
    level?: string;
    /** Extra models from JSON Schema files, as `orc run --schema`. */
    schemas?: string[];
    /** Requests in flight with an asynchronous adapter (default 16). */
    concurrency?: number;
    /** Rerun one reported case instead of the suite (default: the ORC_REPLAY environment variable). */
    replay?: string;
}
type AdapterSource = Adapter | AdapterFactory | string;
/**
 * Registers the conformance checks in the calling vitest file: one test per
 * check and model, with the ids, seeds, shrunk counterexamples and replay
 * tokens `orc run` gives. A failed check fails its test; a check the adapter
 * cannot take is skipped with the reason; observations pass, annotated.
 */
export declare function conformanceSuite(source: AdapterSource, options?: ConformanceOptions): void;
export {};
//# sourceMappingURL=conformance-suite.d.ts.map