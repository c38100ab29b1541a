import type { RunEvent } from '../core/results.js';
/** A file name an adapter's badge can have, whatever its name. */
export declare const badgeFile: (adapter: string) => string;
/** shields.io endpoint JSON per adapter: the share of Required checks passed. */
export declare function badges(events: readonly RunEvent[]): Record<string, string>;
