/**
 * The reference text/event-stream decoder, after the WHATWG HTML standard
 * ("Server-sent events", parsing an event stream). It is fed network chunks
 * as they come: a line, a UTF-8 character or a CRLF may be cut anywhere.
 */
export interface SseEvent {
    /** The `event:` field, or null when the event had none (a browser would say "message"). */
    event: string | null;
    data: string;
    id?: string;
    /** The line (1-based) of the event's first field, for pointing people at it. */
    line?: number;
}
export declare class SseDecoder {
    private readonly text;
    private buffer;
    /** The previous chunk ended in CR: an LF opening this one belongs to that line ending. */
    private pendingCr;
    private data;
    private event;
    private id;
    private lastId;
    private lineNo;
    private startLine;
    /** The events completed by this chunk. */
    push(chunk: Uint8Array): SseEvent[];
    /**
     * End of stream. An event not closed by a blank line is discarded, as the
     * standard says; `unterminated` tells whether there was one.
     */
    end(): {
        events: SseEvent[];
        unterminated: boolean;
    };
    private lines;
    private field;
    private dispatch;
}
/** Every event a whole stream holds, fed chunk by chunk. */
export declare function decodeSse(chunks: readonly Uint8Array[]): {
    events: SseEvent[];
    unterminated: boolean;
};
