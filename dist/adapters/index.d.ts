import type { Adapter, AdapterEnv, AdapterFactory } from '../core/contract.js';
/** Every adapter `--adapter all` runs, in the order the matrix shows them: in process first, then the harnesses. */
export declare const BUNDLED: readonly AdapterFactory[];
export declare function bundledAdapter(name: string): AdapterFactory | undefined;
/**
 * What the user wrote after `--adapter`: bundled names (comma-separated),
 * `all`, `cmd:LINE`, or `NAME=cmd:LINE`. Only this, typed by the user, ever
 * starts a program of their own.
 */
export declare function resolveAdapters(spec: string): AdapterFactory[];
/** One adapter, started: replaying a case against one that cannot start is the user's to fix, with its reason. */
export declare function startAdapter(spec: string, env: AdapterEnv): Promise<Adapter>;
/**
 * The adapter a replayed case runs against. A token or a corpus file is
 * data from someone else: the adapter it names is started only if it is
 * bundled; any other program runs only when the user names it in this call.
 */
export declare function replayAdapterSpec(recorded: string, given: string | undefined): string;
