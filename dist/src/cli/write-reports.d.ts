import type { RunEvent } from '../../core/results.js';
/** Every report a run writes, by file name under the output folder: one pure function each. */
export declare function renderReports(events: readonly RunEvent[]): Record<string, string>;
/** During a run: the JSON report alone, cheap enough to rewrite as results come, so a killed run leaves it valid and marked incomplete. */
export declare function writeProgressReport(dir: string, events: readonly RunEvent[]): void;
export declare function writeReports(dir: string, events: readonly RunEvent[]): string[];
