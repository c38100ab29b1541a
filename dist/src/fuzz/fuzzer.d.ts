import type { Adapter } from '../../core/contract.js';
import type { Model, SchemaSet } from '../../core/models.js';
import type { FuzzResult } from '../../core/fuzz-results.js';
export type { DistinctFailure, FuzzBehaviour, FuzzResult, Tally } from '../../core/fuzz-results.js';
export interface FuzzOptions {
    set: SchemaSet;
    models: Model[];
    adapter: Adapter;
    seed: number;
    timeMs: number;
    corpusDir: string;
    stopped?: () => boolean;
    progress?: (r: FuzzResult, elapsedMs: number) => void;
    /** Stop after about this many cases as well (tests use it to be independent of the machine's speed). */
    maxCases?: number;
    /** Cases generated and judged together; an asynchronous adapter gets them all in flight. */
    batch?: number;
}
/**
 * Hostile payloads against one adapter until the time is up or the user
 * stops it. Every distinct failure (mutation × kind of error) is saved to the
 * corpus as soon as it is seen, so nothing found is lost to a later crash.
 */
export declare function fuzz(o: FuzzOptions): Promise<FuzzResult>;
