import type { AdapterInfo, Restart } from '../../core/contract.js';
import type { CheckResult, RunInfo } from '../../core/results.js';
/** A report.json as orc writes it (schema/report.schema.json). */
export interface Report {
    complete: boolean;
    run: RunInfo | null;
    finishedAt: string | null;
    adapters: AdapterInfo[];
    adapterErrors: {
        adapter: string;
        message: string;
    }[];
    adapterRestarts?: {
        adapter: string;
        restarts: Restart[];
    }[];
    results: CheckResult[];
}
/** A report a user named, file or folder: checked against the report schema, so nothing below meets a fake one. */
export declare function readReport(arg: string): Report;
