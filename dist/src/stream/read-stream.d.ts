/** One event of a recorded stream, with where it was, for pointing a person at it. */
export interface RecordedEvent {
    /** The JSON text of the event (an SSE event's data, or an NDJSON line). */
    text: string;
    line: number;
    /** The SSE `event:` field, when the capture is SSE and has one. */
    sseEvent?: string | null;
}
/**
 * A capture read as it arrives, SSE or NDJSON: events come out chunk by
 * chunk, so a capture of any size is checked in the memory of one event.
 */
export declare class StreamReader {
    format: 'sse' | 'ndjson' | undefined;
    private head;
    private headLength;
    private sse;
    private text;
    private partial;
    private lineNo;
    push(chunk: Uint8Array): RecordedEvent[];
    end(): {
        events: RecordedEvent[];
        unterminated: boolean;
    };
    private decide;
    private feed;
    private fromSse;
}
