import type { Model } from '../../core/models.js';
/** A field's wire type, as the reference implementation knows it. */
type FieldType = {
    kind: 'string';
} | {
    kind: 'number';
} | {
    kind: 'integer';
} | {
    kind: 'enum';
    values: string[];
};
export declare class ReferenceParseError extends Error {
    name: string;
}
/** The reference's native object: fields kept privately, read through accessors, like a generated SDK class. */
export declare class ReferenceEvent {
    #private;
    readonly model: string;
    constructor(model: string, fields: Map<string, string | number>);
    get(field: string): string | number | undefined;
}
/**
 * A strict codec for one flat event model, written the way an SDK is: its own
 * checks, not the oracle's. Unknown fields are ignored; a number must be a
 * finite double; a payload must be valid UTF-8.
 */
export declare class Codec {
    readonly model: Model;
    readonly fields: [string, FieldType][];
    readonly required: Set<string>;
    constructor(model: Model);
    decode(payload: Uint8Array): ReferenceEvent;
    fromWire(json: unknown, Err: new (m: string) => Error): ReferenceEvent;
    private check;
    render(event: ReferenceEvent): Record<string, string | number>;
    /** Fields in schema order, each written by JSON.stringify: the output is valid JSON in UTF-8. */
    encode(event: ReferenceEvent): Uint8Array;
}
export {};
