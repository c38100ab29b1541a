import type { Suite } from '../core/check.js';
export declare const unknownFieldsSuite: Suite;
