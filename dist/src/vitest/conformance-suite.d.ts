import { type AdapterSource, type ConformanceOptions } from '../runner/conformance.js';
export type { AdapterSource, ConformanceOptions };
/**
 * Registers the conformance checks in the calling vitest file: one test per
 * check and model, with the ids, seeds, shrunk counterexamples and replay
 * tokens `orc run` gives. A failed check fails its test; a check the adapter
 * cannot take is skipped with the reason; observations pass, annotated.
 */
export declare function conformanceSuite(source: AdapterSource, options?: ConformanceOptions): void;
