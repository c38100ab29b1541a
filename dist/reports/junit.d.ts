import type { RunEvent } from '../core/results.js';
/**
 * JUnit XML: a test suite per adapter, a test case per check and model. A
 * failure carries its counterexample and replay command; with a baseline, a
 * known failure is reported skipped with its reason, so a CI test reporter
 * gates exactly as `orc run --baseline` does.
 */
export declare function junitReport(events: readonly RunEvent[]): string;
