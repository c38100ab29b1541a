import type { Suite } from '../core/check.js';
/** Rule families → check names; a rule with no entry (additionalProperties) belongs to another suite. */
export declare const REJECTION_CHECK: Record<string, string>;
export declare const withField: (name: string, field: string) => string;
export declare const parseSuite: Suite;
