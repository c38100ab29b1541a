import type { Json } from '../../core/json.js';
/** The four image-generation events, by the suffix of their `type`. */
export declare const STAGES: readonly ["in_progress", "generating", "partial_image", "completed"];
export type Stage = (typeof STAGES)[number];
export declare const EVENT_PREFIX = "response.image_generation_call.";
export type StreamRule = 'SequenceNumberIncreasing' | 'ItemOrder' | 'ItemConsistency' | 'ItemNotCompleted' | 'StreamFailed';
export declare const RULES: Record<StreamRule, string>;
export interface Violation {
    /** 0-based index of the offending event in the stream. */
    index: number;
    rule: StreamRule;
    message: string;
}
export declare function stageOf(event: Json): Stage | undefined;
/**
 * The rules a stream of image-generation events keeps, checked event by
 * event. One mistake is reported once: an item whose event came out of order
 * is taken to be where that event says (a missing `generating` does not make
 * its `completed` look absent), and an error event is named as the cause of
 * every item it leaves unfinished.
 */
export declare class StreamValidator {
    private lastSeq;
    private readonly items;
    private readonly owners;
    private index;
    private failure;
    /** The violation this event makes, if any. Events of other types count only for sequence_number, and as failures. */
    push(event: Json, sseEvent?: string | null): Violation | undefined;
    /** At the end of the stream: the items left unfinished, each at its last event, with the failure that ended them. */
    end(): Violation[];
}
