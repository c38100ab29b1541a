import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
export type LineEnding = '\n' | '\r\n' | '\r';
/** How a server may legally write the same events (WHATWG event-stream grammar). */
export interface Framing {
    /** One line ending for the stream, or each line its own. */
    lineEndings: LineEnding | 'mixed';
    /** `: keep-alive` comment lines between and inside events, and `id:`/`retry:` fields. */
    comments: boolean;
    /** The JSON pretty-printed over several `data:` lines, which a decoder joins with LF. */
    multiLineData: boolean;
    /** `data:{...}` as well as `data: {...}`. */
    noSpaceAfterColon: boolean;
    /** The stream ends without the blank line that closes its last event. */
    missingFinalBlankLine: boolean;
    /**
     * What the standard allows and decoders get wrong: a leading BOM, events
     * without `event:` after events with it, empty `data:` and bare `data`
     * lines inside a value, lines without a colon, `id` with a NUL, `retry`
     * with non-digits, and `Data:`, which is not `data`.
     */
    quirks?: boolean;
}
export declare const PLAIN: Framing;
export interface SseStream {
    values: Json[];
    framing: Framing;
    bytes: Uint8Array;
    /** Where the stream is cut into network chunks (byte offsets, ascending). */
    cuts: number[];
}
/** The stream's text, line by line; `pick` gives each line's ending under a mixed framing. */
export declare function encodeSse(values: readonly Json[], f: Framing, pick?: (i: number) => LineEnding): string;
/** The data a correct decoder yields for each event (the pretty-printed form when it spans lines). */
export declare function expectedData(v: Json, f: Framing): string;
/** The event type a correct decoder yields: none where a quirky stream left `event:` out. */
export declare function expectedEvent(v: Json, i: number, f: Framing): string | null;
/** Offsets inside a UTF-8 character, or between a CR and its LF: where naive decoders break. */
export declare function awkwardOffsets(bytes: Uint8Array): number[];
export declare function cutAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[];
export interface StreamOptions {
    framing?: fc.Arbitrary<Framing>;
    /** Where cuts go: anywhere, or at the awkward offsets when the stream has any. */
    cuts?: 'anywhere' | 'awkward' | 'none';
}
/** A stream of 1–5 events of the given values, framed and cut into chunks. */
export declare function sseStreams(values: fc.Arbitrary<Json>, o?: StreamOptions): fc.Arbitrary<SseStream>;
export declare const framings: {
    lineEndings: fc.Arbitrary<{
        lineEndings: LineEnding | "mixed";
        /** `: keep-alive` comment lines between and inside events, and `id:`/`retry:` fields. */
        comments: boolean;
        /** The JSON pretty-printed over several `data:` lines, which a decoder joins with LF. */
        multiLineData: boolean;
        /** `data:{...}` as well as `data: {...}`. */
        noSpaceAfterColon: boolean;
        /** The stream ends without the blank line that closes its last event. */
        missingFinalBlankLine: boolean;
        /**
         * What the standard allows and decoders get wrong: a leading BOM, events
         * without `event:` after events with it, empty `data:` and bare `data`
         * lines inside a value, lines without a colon, `id` with a NUL, `retry`
         * with non-digits, and `Data:`, which is not `data`.
         */
        quirks?: boolean;
    }>;
    crlf: fc.Arbitrary<Framing>;
    comments: fc.Arbitrary<{
        comments: boolean;
        noSpaceAfterColon: boolean;
        /** One line ending for the stream, or each line its own. */
        lineEndings: LineEnding | "mixed";
        /** The JSON pretty-printed over several `data:` lines, which a decoder joins with LF. */
        multiLineData: boolean;
        /** The stream ends without the blank line that closes its last event. */
        missingFinalBlankLine: boolean;
        /**
         * What the standard allows and decoders get wrong: a leading BOM, events
         * without `event:` after events with it, empty `data:` and bare `data`
         * lines inside a value, lines without a colon, `id` with a NUL, `retry`
         * with non-digits, and `Data:`, which is not `data`.
         */
        quirks?: boolean;
    }>;
    multiLineData: fc.Arbitrary<{
        multiLineData: boolean;
        lineEndings: LineEnding | "mixed";
        /** `: keep-alive` comment lines between and inside events, and `id:`/`retry:` fields. */
        comments: boolean;
        /** `data:{...}` as well as `data: {...}`. */
        noSpaceAfterColon: boolean;
        /** The stream ends without the blank line that closes its last event. */
        missingFinalBlankLine: boolean;
        /**
         * What the standard allows and decoders get wrong: a leading BOM, events
         * without `event:` after events with it, empty `data:` and bare `data`
         * lines inside a value, lines without a colon, `id` with a NUL, `retry`
         * with non-digits, and `Data:`, which is not `data`.
         */
        quirks?: boolean;
    }>;
    missingFinalBlankLine: fc.Arbitrary<Framing>;
    quirks: fc.Arbitrary<{
        quirks: boolean;
        lineEndings: LineEnding | "mixed";
        /** `: keep-alive` comment lines between and inside events, and `id:`/`retry:` fields. */
        comments: boolean;
        /** The JSON pretty-printed over several `data:` lines, which a decoder joins with LF. */
        multiLineData: boolean;
        /** `data:{...}` as well as `data: {...}`. */
        noSpaceAfterColon: boolean;
        /** The stream ends without the blank line that closes its last event. */
        missingFinalBlankLine: boolean;
    }>;
};
