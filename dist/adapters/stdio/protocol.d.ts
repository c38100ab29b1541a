import { type Answer } from '../../core/json.js';
import type { AdapterError, DecodedEvent, Operation } from '../../core/contract.js';
export declare const PROTOCOL_VERSION = 1;
export interface Hello {
    type: 'hello';
    protocol: number;
    implementation: {
        name: string;
        language: string;
        version: string;
    };
    operations: Partial<Record<Operation, string[]>>;
    sseData?: 'text' | 'json';
}
export type Reply = {
    id: number;
    ok: true;
    value: Answer;
} | {
    id: number;
    ok: true;
    bytes: Uint8Array;
} | {
    id: number;
    ok: true;
    events: DecodedEvent[];
} | {
    id: number;
    ok: false;
    error: AdapterError;
};
/** Checks one message against its schema in schema/protocol/; the first problem, or undefined. */
export declare function protocolProblem(kind: 'hello' | 'request' | 'reply', message: unknown): string | undefined;
export declare class ProtocolError extends Error {
    name: string;
}
/**
 * A reply line, its numbers read losslessly: an int64 the harness answers is
 * kept digit for digit. Throws ProtocolError on anything that is not a reply.
 */
export declare function readReply(line: string, check: boolean): Reply;
export declare function readHello(line: string): Hello;
