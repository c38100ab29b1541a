import type { SchemaSet } from '../../core/models.js';
import { type Adapter, type AdapterFactory } from '../../core/contract.js';
export declare function referenceAdapter(set: SchemaSet): Adapter;
export declare const reference: AdapterFactory;
//# sourceMappingURL=index.d.ts.map