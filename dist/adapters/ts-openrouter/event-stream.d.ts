import { type SseOutcome } from '../../core/contract.js';
/**
 * The SDK's own text/event-stream decoder (lib/event-streams.js), fed the
 * chunks one read at a time, as a fetch body delivers them. The SDK's
 * callers stop at "[DONE]" in their parse callback; this one keeps every event.
 */
export declare function decodeWithEventStream(alias: string, chunks: Uint8Array[]): Promise<SseOutcome>;
