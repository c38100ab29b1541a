import type { SchemaSet } from '../../core/models.js';
import { type Adapter, type AdapterFactory } from '../../core/contract.js';
/** The reference implementation (codec, SSE decoder) over a schema set: what every check is proven against. */
export declare function referenceAdapter(set: SchemaSet): Adapter;
/** The reference implementation as a bundled adapter, `reference`: it runs everywhere. */
export declare const reference: AdapterFactory;
