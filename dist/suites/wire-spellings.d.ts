import type { Suite } from '../core/check.js';
export declare const wireSpellingSuite: Suite;
