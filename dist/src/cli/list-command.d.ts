export declare const LIST_HELP = "orc list [--model M] [--schema FILE] [--json]\n                           models, suites, checks and adapters";
export declare function listCommand(argv: string[]): Promise<number>;
