import type { Json } from '../../core/json.js';
import type { Model } from '../../core/models.js';
import { type ParseOutcome, type SerializeOutcome } from '../../core/contract.js';
/** What Speakeasy generates per model: FromJSON returns a Result; ToJSON throws on invalid input. */
export interface SpeakeasyModule {
    fromJSON: (text: string) => {
        ok: true;
        value: Record<string, unknown>;
    } | {
        ok: false;
        error: Error;
    };
    toJSON?: (native: Record<string, unknown>) => string;
}
/** Speakeasy names a TypeScript field after the wire field in lower camel case. */
export declare const camel: (wire: string) => string;
/**
 * Bytes reach a Speakeasy SDK as text decoded by the fetch stream, so they
 * are decoded here the same way: UTF-8 with replacement, never fatal.
 */
export declare class SpeakeasyModel {
    readonly model: Model;
    readonly mod: SpeakeasyModule;
    constructor(model: Model, mod: SpeakeasyModule);
    private render;
    private native;
    private decode;
    parse(payload: Uint8Array): ParseOutcome;
    private write;
    serialize(value: Json): SerializeOutcome;
    reserialize(payload: Uint8Array): SerializeOutcome;
}
