import type { Answer } from './json.js';
import type { SchemaSet } from './models.js';
/**
 * What an implementation can be asked. `parse` and `serialize` are the
 * contract's core; `reserialize` (bytes → the implementation's parser → its
 * serializer → bytes, its native object in between) shows what a real
 * program that reads and writes events again does with them. `sse` is the
 * implementation's text/event-stream decoder: network chunks in, events out.
 */
export type Operation = 'parse' | 'serialize' | 'reserialize' | 'sse';
export interface AdapterInfo {
    name: string;
    language: string;
    /** The implementation under test: a package name, module path, ... */
    implementation: string;
    version: string;
    /** For each operation, the models (by schema title) it supports. */
    operations: Partial<Record<Operation, string[]>>;
    /**
     * What the SDK's event-stream decoder hands on as an event's data: its
     * text (the default), or `json`, a value it parsed and wrote again (a
     * Speakeasy Go stream marshals each event before its unmarshaller reads
     * it). Data that is JSON is then compared as a JSON value, since no
     * program using the SDK can see its text.
     */
    sseData?: 'text' | 'json';
}
/**
 * Why an operation gave no result. `parse_error` and `serialize_error` are
 * the implementation refusing the input the way it documents; everything
 * else is a defect of the implementation or its harness.
 */
export type ErrorKind = 'parse_error' | 'serialize_error' | 'unsupported' | 'exception' | 'crash' | 'timeout' | 'protocol' | 'oversized';
export interface AdapterError {
    kind: ErrorKind;
    message: string;
    /** What the implementation wrote on stderr around the failure (out-of-process only). */
    stderr?: string;
}
export type ParseOutcome = {
    ok: true;
    value: Answer;
} | {
    ok: false;
    error: AdapterError;
};
export type SerializeOutcome = {
    ok: true;
    bytes: Uint8Array;
} | {
    ok: false;
    error: AdapterError;
};
/** An event as a decoder gives it: its `event:` field (null when none) and its data. */
export interface DecodedEvent {
    event: string | null;
    data: string;
}
export type SseOutcome = {
    ok: true;
    events: DecodedEvent[];
} | {
    ok: false;
    error: AdapterError;
};
/**
 * The one shape every implementation is reached through, in process or not.
 * A result may be a promise: an out-of-process adapter answers later, and the
 * runner keeps many requests in flight.
 */
export interface Adapter {
    readonly info: AdapterInfo;
    /** Payload bytes in; the parsed object rendered field by field through the implementation's accessors. */
    parse(model: string, payload: Uint8Array): ParseOutcome | Promise<ParseOutcome>;
    /**
     * A value in wire shape in; the bytes the implementation's serializer writes for its native object.
     * Numbers are doubles, or a LosslessNumber where a check means digits a double cannot hold; an
     * implementation in JavaScript reads those as JSON.parse would (`asDoubles`).
     */
    serialize(model: string, value: Answer): SerializeOutcome | Promise<SerializeOutcome>;
    reserialize?(model: string, payload: Uint8Array): SerializeOutcome | Promise<SerializeOutcome>;
    /** The chunks of one stream, in order, as the network delivered them; every event the decoder yields. */
    sse?(chunks: Uint8Array[]): SseOutcome | Promise<SseOutcome>;
    /** Gives up what is waiting or in flight, each answered as a timeout with `reason`: a check's time budget ran out. */
    abandon?(reason: string): void;
    /** Every time the implementation's process had to be restarted, by cause: what a report must not lose. */
    restarts?(): Restart[];
    close?(): void | Promise<void>;
}
/** One cause of restarts, and how often it happened. */
export interface Restart {
    kind: Extract<ErrorKind, 'crash' | 'timeout' | 'protocol' | 'oversized'>;
    message: string;
    count: number;
}
export interface AdapterEnv {
    set: SchemaSet;
    /** Validate every protocol message against schema/protocol/ (out-of-process adapters). */
    checkProtocol?: boolean;
    /** Per-request time limit for out-of-process adapters. */
    timeoutMs?: number;
}
export interface AdapterFactory {
    name: string;
    summary: string;
    create(env: AdapterEnv): Promise<Adapter>;
}
export declare function supports(info: AdapterInfo, op: Operation, model: string): boolean;
export declare function failure(kind: ErrorKind, message: string): {
    ok: false;
    error: AdapterError;
};
/** One line, whatever the implementation put in its message (Zod prints its issues as indented JSON). */
export declare function describeThrown(e: unknown): string;
//# sourceMappingURL=contract.d.ts.map