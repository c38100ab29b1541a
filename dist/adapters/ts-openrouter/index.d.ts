import { type AdapterFactory } from '../../core/contract.js';
export declare const tsOpenRouter012: AdapterFactory;
export declare const tsOpenRouterLatest: AdapterFactory;
