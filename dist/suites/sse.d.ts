import type { Suite } from '../core/check.js';
export declare const sseSuite: Suite;
