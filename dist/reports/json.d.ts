import type { RunEvent } from '../core/results.js';
/** The `format` of report.json; schema/report.schema.json describes it. */
export declare const REPORT_FORMAT = "openresponses-conformance/report@1";
/** The JSON report; its shape is schema/report.schema.json. */
export declare function jsonReport(events: readonly RunEvent[]): Record<string, unknown>;
