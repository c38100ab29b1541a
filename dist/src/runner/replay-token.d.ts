/** Everything that names one case exactly: the same check, seed and path regenerate the same value. */
export interface ReplayTarget {
    adapter: string;
    model: string;
    check: string;
    seed: number;
    path: string;
    runs: number;
}
export declare function encodeReplay(t: ReplayTarget): string;
/** What a replay token names (adapter, model, check, seed, case path); a malformed token is a UsageError saying so. */
export declare function decodeReplay(token: string): ReplayTarget;
export declare function replayCommand(token: string): string;
/** A run's seed when none is given: printed, and in every replay token, so the run can be had again. */
export declare const randomSeed: () => number;
/** A check's own seed: the same for every adapter, so a matrix row compares like with like. */
export declare function checkSeed(runSeed: number, model: string, id: string): number;
