import { type RunEvent } from '../core/results.js';
/**
 * One self-contained HTML file: the matrix of implementations × checks
 * coloured by status, filters by level, status and model, and every failure
 * with its shrunk counterexample, bytes, answer and replay command.
 */
export declare function htmlReport(events: readonly RunEvent[]): string;
