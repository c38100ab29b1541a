import type { PropertyCheck } from '../../core/check.js';
/** The path of the i-th case of a check that lists its cases: every one is run, none is drawn. */
export declare const listedPath: (i: number) => string;
/** The case a replay token names: the one fast-check generates at `path` under `seed`, or a listed one. */
export declare function caseAt<T>(check: PropertyCheck<T>, seed: number, path: string): T;
