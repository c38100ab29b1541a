import * as fc from 'fast-check';
import type { Json } from '../core/json.js';
import { type Stage } from '../src/stream/rules.js';
/** One event of a generated stream. */
export declare function imageEvent(stage: Stage, item: number, seq: number, partialIndex?: number): Record<string, Json>;
/**
 * Valid streams: 1–4 items, each in_progress → generating → partial_image* →
 * completed, interleaved at random, with sequence numbers rising by random steps.
 */
export declare function validImageStreams(): fc.Arbitrary<Record<string, Json>[]>;
