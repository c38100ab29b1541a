import type { Adapter, AdapterError, ParseOutcome, SerializeOutcome } from '../core/contract.js';
import { asDoubles, type Answer, type Json } from '../core/json.js';
export { asDoubles };
import type { Shown, Verdict } from '../core/check.js';
import type { SchemaSet } from '../core/models.js';
export declare const encodeText: (text: string) => Uint8Array<ArrayBuffer>;
export declare function shownPayload(text: string, note?: string): Shown;
/** Continues with the outcome whether the adapter answered now or later. */
export declare function andThen<T, R>(x: T | Promise<T>, f: (t: T) => R | Promise<R>): R | Promise<R>;
/** A refusal that is not the implementation's documented error is a defect in every check. */
export declare function misbehaved(error: AdapterError): Verdict | undefined;
export declare function expectParsed(outcome: ParseOutcome, expected: Json): Verdict;
export declare function expectRejected(outcome: ParseOutcome): Verdict;
/** Reads serializer output: UTF-8, then JSON with every number kept as written. */
export declare function readOutput(bytes: Uint8Array): {
    ok: true;
    value: Answer;
    text: string;
} | {
    ok: false;
    message: string;
    text: string;
};
/** A value read from a serializer's output against its model's schema: its first error, or a pass. */
export declare function schemaVerdict(set: SchemaSet, modelId: string, value: Answer, text: string): Verdict;
/** Whether serializer output is JSON and a valid event of one model. */
export type OutputValidator = (bytes: Uint8Array) => Verdict;
export declare function outputValidator(set: SchemaSet, modelId: string): OutputValidator;
export type Written = {
    ok: true;
    value: Answer;
    text: string;
} | {
    ok: false;
    verdict: Verdict;
};
/** Serializer output read back, or the verdict when there is none to read. */
export declare function written(outcome: SerializeOutcome): Written;
/** `reserialize` where the adapter has it, else the contract's own parse then serialize. */
export declare function reserialize(adapter: Adapter, model: string, payload: Uint8Array): SerializeOutcome | Promise<SerializeOutcome>;
/**
 * Parses `text` only where the implementation reads the value's canonical
 * spelling correctly: a check of spellings or extra fields then speaks of
 * those alone, not of values the Parse suite already reports.
 */
export declare function expectParsedIfCanonicalIs(adapter: Adapter, model: string, value: Json, text: string, expected?: Json): Verdict | Promise<Verdict>;
