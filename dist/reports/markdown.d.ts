import type { RunEvent } from '../core/results.js';
/** A Markdown summary fit for a CI step summary or a pull-request comment: the headline, the tables, the failures grouped. */
export declare function markdownReport(events: readonly RunEvent[]): string;
