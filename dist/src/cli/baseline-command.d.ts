export declare const BASELINE_HELP = "orc baseline update [--baseline FILE] [--report FILE]\n                           write the known-failure list from a report (default: orc-baseline.json\n                           from ./reports/out/report.json); reasons already written are kept";
export declare function baselineCommand(argv: string[]): Promise<number>;
