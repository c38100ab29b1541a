/** A mistake in what the user asked for: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The schema uses a keyword the arbitrary compiler cannot honour. */
export class UnsupportedKeywordError extends UsageError {
  override name = 'UnsupportedKeywordError';
  constructor(
    readonly keyword: string,
    readonly schemaPath: string,
    detail = '',
  ) {
    super(
      `the arbitrary compiler does not support "${keyword}" at ${schemaPath}${detail ? ` (${detail})` : ''}; remove it or rewrite the schema with supported keywords`,
    );
  }
}
