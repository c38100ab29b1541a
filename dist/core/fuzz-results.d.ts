/** What a conforming parser must do with a mutated payload. */
export declare const EXPECTATIONS: readonly ["reject", "accept", "implementation-defined"];
export type Expectation = (typeof EXPECTATIONS)[number];
export declare const CATEGORIES: readonly ["numbers", "strings", "structure", "size"];
export type MutationCategory = (typeof CATEGORIES)[number];
export interface Tally {
    cases: number;
    passed: number;
    failed: number;
    /** implementation-defined cases: what the parser chose. */
    accepted: number;
    rejected: number;
}
export interface DistinctFailure {
    mutation: string;
    category: MutationCategory;
    expect: Expectation;
    kind: string;
    message: string;
    count: number;
    file: string;
}
/** One class of what an adapter did with one mutation: how often, and the first case that showed it. */
export interface FuzzBehaviour {
    behaviour: string;
    count: number;
    example: string;
}
export interface FuzzResult {
    adapter: string;
    seed: number;
    cases: number;
    durationMs: number;
    complete: boolean;
    /** By category, then by what a conforming parser must do. */
    tallies: Record<MutationCategory, Record<Expectation, Tally>>;
    failures: DistinctFailure[];
    /** By mutation: what the adapter did, each behaviour with its count, most frequent first. */
    behaviours: Record<string, FuzzBehaviour[]>;
}
