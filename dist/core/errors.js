/** A mistake in what the user asked for: reported as one line, exit code 2. */
export class UsageError extends Error {
    name = 'UsageError';
}
/** The schema uses a keyword the arbitrary compiler cannot honour. */
export class UnsupportedKeywordError extends UsageError {
    keyword;
    schemaPath;
    name = 'UnsupportedKeywordError';
    constructor(keyword, schemaPath, detail = '') {
        super(`the arbitrary compiler does not support "${keyword}" at ${schemaPath}${detail ? ` (${detail})` : ''}; remove it or rewrite the schema with supported keywords`);
        this.keyword = keyword;
        this.schemaPath = schemaPath;
    }
}
//# sourceMappingURL=errors.js.map