import type { Suite } from '../core/check.js';
/** Every suite, in the order reports list them. */
export declare const SUITES: readonly Suite[];
/** `--suite` takes a glob over suite names and check ids: `Parse`, `Round*`, `Required.Parse.Rejects*`. */
export declare function globMatcher(glob: string): (s: string) => boolean;
