import type { RunEvent } from '../core/results.js';
export interface TerminalOptions {
    color: boolean;
    /** Every check of every model, in blocks of adapters that fit the width. */
    verbose?: boolean;
    /** How many adapter × check failure groups to print in full (default 5). */
    maxFailures?: number;
    /** Columns to fit (default 120). */
    width?: number;
}
/**
 * One screen for a person, ending in one line for CI: adapters that did not
 * start, the matrix by suite (every check with --verbose), the failures
 * grouped by adapter × check across models, each adapter's totals, and the
 * count line.
 */
export declare function terminalReport(events: readonly RunEvent[], options: TerminalOptions): string;
