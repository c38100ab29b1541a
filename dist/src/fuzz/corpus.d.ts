import type { Expectation, FuzzCase, MutationCategory } from '../../arbitraries/wire/mutations.js';
import type { Json } from '../../core/json.js';
import type { FuzzVerdict } from './judge.js';
/** One distinct failure, as saved: enough to rerun it with nothing else at hand. */
export interface CorpusEntry {
    corpus: 1;
    adapter: string;
    model: string;
    mutation: string;
    category: MutationCategory;
    expect: Expectation;
    detail: string;
    kind: string;
    message: string;
    answer?: string;
    expected?: Json;
    /** The field the mutation aimed at, and a number mutation's literal: what names an accepted value. */
    field?: string;
    literal?: string;
    /** The payload, base64: it may not be UTF-8 at all. */
    payload: string;
    size: number;
    foundAt: string;
}
export declare const entryName: (mutation: string, kind: string) => string;
/**
 * Saves a failure under its distinct key (check and kind of error). A later
 * payload for the same key replaces the saved one only if it is shorter: the
 * corpus drifts toward the smallest witness, as a minimizer would.
 */
export declare function saveFailure(dir: string, adapter: string, c: FuzzCase, v: Extract<FuzzVerdict, {
    status: 'fail';
}>): {
    path: string;
    isNew: boolean;
    replaced: boolean;
};
export declare function readEntry(path: string): CorpusEntry;
/** The case a saved entry stands for, rebuilt from its bytes. */
export declare function caseOf(e: CorpusEntry): FuzzCase;
