/** A mistake in what the user asked for: reported as one line, exit code 2. */
export declare class UsageError extends Error {
    name: string;
}
/** The schema uses a keyword the arbitrary compiler cannot honour. */
export declare class UnsupportedKeywordError extends UsageError {
    readonly keyword: string;
    readonly schemaPath: string;
    name: string;
    constructor(keyword: string, schemaPath: string, detail?: string);
}
