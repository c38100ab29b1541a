/**
 * Text safe in XML 1.0: invisible and control characters made visible first
 * (XML cannot carry most of them even escaped), then the markup escaped.
 */
export declare function xmlText(text: string, max?: number): string;
