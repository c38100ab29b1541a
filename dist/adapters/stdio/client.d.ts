import { type Answer } from '../../core/json.js';
import type { Adapter, AdapterInfo, Operation, ParseOutcome, Restart, SerializeOutcome, SseOutcome } from '../../core/contract.js';
import { PROTOCOL_VERSION } from './protocol.js';
export interface StdioOptions {
    /** The adapter's name in reports. */
    name: string;
    /** argv, or one shell command line. */
    command: string[] | string;
    cwd?: string;
    /** Per request; a harness that takes longer is taken to hang. */
    timeoutMs?: number;
    helloTimeoutMs?: number;
    /** Restarts allowed over the adapter's life; then every request fails at once. */
    maxRestarts?: number;
    maxInFlight?: number;
    /** Validate every message against schema/protocol/ (always on in the project's tests). */
    checkProtocol?: boolean;
    /** The longest reply line taken; a longer one is a fault of kind `oversized`. */
    maxLineChars?: number;
}
interface Job {
    op: Operation;
    model: string;
    body: {
        payload: string;
    } | {
        value: Answer;
    } | {
        chunks: string[];
    };
    /** Sent alone after a fault, so that a new fault can only be its own. */
    isolated: boolean;
    resolve(outcome: Outcome): void;
}
type Outcome = ParseOutcome | SerializeOutcome | SseOutcome;
/**
 * One request as the protocol writes it (schema/protocol/request.schema.json).
 * A value travels as the check means it: `-0` as `-0`, an exact integer as its digits.
 */
export declare function requestLine(id: number, job: Pick<Job, 'op' | 'model' | 'body'>): string;
/**
 * An out-of-process implementation behind the same contract as an
 * in-process one. Many requests are kept in flight and matched by id. On a
 * fault the harness is killed and restarted, and the requests that were in
 * flight are sent again one at a time: the one that faults alone is the one
 * recorded; the others get their real answers. Nothing answered is lost.
 */
export declare class StdioAdapter implements Adapter {
    info: AdapterInfo;
    private child;
    private starting;
    /** A harness started but not yet past its hello: close() must reach it too. */
    private spawning;
    private readonly waiting;
    private readonly isolation;
    private readonly inFlight;
    private nextId;
    private restartCount;
    private readonly causes;
    private spawnFailures;
    private dead;
    private readonly o;
    private constructor();
    static start(options: StdioOptions): Promise<StdioAdapter>;
    /** Starts the harness and waits for its hello. */
    private spawn;
    private onLine;
    private outcome;
    private onFault;
    /** Kept by cause, so that a report can say why and how often; a harness that varies its words is capped. */
    private restarted;
    restarts(): Restart[];
    private send;
    private pump;
    private request;
    parse(model: string, payload: Uint8Array): Promise<ParseOutcome>;
    serialize(model: string, value: Answer): Promise<SerializeOutcome>;
    reserialize(model: string, payload: Uint8Array): Promise<SerializeOutcome>;
    /** The harness names no model for a stream: its events are whatever the stream holds. */
    sse(chunks: Uint8Array[]): Promise<SseOutcome>;
    /**
     * Answers whatever is waiting or in flight as a timeout, and ends the
     * harness (the next request starts it again): a harness that hangs on a
     * class of inputs costs a check its budget, not a timeout per request.
     */
    abandon(reason: string): void;
    /** Ends the harness; whatever is still waiting or in flight is answered at once, so nothing keeps orc alive. */
    close(): Promise<void>;
    /** Every request not yet answered, in flight or still waiting, answered with `error`. */
    private answerAll;
}
export { PROTOCOL_VERSION };
