import { type FuzzResult } from '../core/fuzz-results.js';
export declare function replayOf(file: string): string;
/** What each adapter did with each mutation, most frequent behaviour first: the view across implementations. */
export declare function behaviourTable(results: readonly FuzzResult[]): string;
/** The terminal's and the Markdown summary's text: cases by category and expectation, then each distinct failure. */
export declare function fuzzSummary(results: readonly FuzzResult[], markdown?: boolean): string;
