import type { Suite } from '../core/check.js';
export declare const unknownFieldsSuite: Suite;
//# sourceMappingURL=unknown-fields.d.ts.map