import type { RunEvent } from '../../core/results.js';
import { type Report } from './read-report.js';
export declare const REPORT_HELP = "orc report merge REPORT|DIR... [--out DIR] [--baseline FILE] [--quiet]\n                           merge shard reports into one and render every format again;\n                           with --baseline, gate the merged run as \"orc run --baseline\" does";
/** The events of one run rebuilt from its shards, results in the order an unsharded run has them. */
export declare function mergedEvents(reports: Report[]): RunEvent[];
export declare function reportCommand(argv: string[]): Promise<number>;
