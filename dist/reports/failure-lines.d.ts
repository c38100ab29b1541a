import type { FailedResult } from '../core/results.js';
/** A failure as plain lines, for the formats that show it as text (JUnit, vitest). */
export declare function failureLines(r: FailedResult, replayLine?: string): string[];
