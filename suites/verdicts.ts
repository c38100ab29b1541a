import type { Adapter, AdapterError, ParseOutcome, SerializeOutcome } from '../core/contract.js';
import { difference, show } from '../core/equality.js';
import { asDoubles, type Answer, type Json } from '../core/json.js';
import { readJson } from '../core/read-json.js';

export { asDoubles };
import type { Shown, Verdict } from '../core/check.js';
import type { SchemaSet } from '../core/models.js';
import { namedMembersError } from './named-members.js';
import { readRepeated } from './repeated-names.js';

export const encodeText = (text: string) => new TextEncoder().encode(text);

export function shownPayload(text: string, note?: string): Shown {
  return { payload: { text, base64: Buffer.from(encodeText(text)).toString('base64') }, ...(note ? { note } : {}) };
}

/** Continues with the outcome whether the adapter answered now or later. */
export function andThen<T, R>(x: T | Promise<T>, f: (t: T) => R | Promise<R>): R | Promise<R> {
  return x instanceof Promise ? x.then(f) : f(x);
}

/**
 * A refusal that is not the implementation's documented error is a defect in every check. A value the
 * SDK's type cannot hold was never handed to its serializer: the case says nothing of the serializer
 * (the Parse checks say what the type does with such values).
 */
export function misbehaved(error: AdapterError): Verdict | undefined {
  if (error.kind === 'unsupported') return { status: 'unsupported', message: error.message };
  if (error.kind === 'unrepresentable') return { status: 'vacuous', reason: `the SDK's type cannot hold the value given (${error.message})` };
  if (error.kind === 'parse_error' || error.kind === 'serialize_error') return undefined;
  return { status: 'fail', kind: error.kind, message: error.message, ...(error.stderr ? { stderr: error.stderr } : {}) };
}

export function expectParsed(outcome: ParseOutcome, expected: Json): Verdict {
  if (!outcome.ok)
    return misbehaved(outcome.error) ?? { status: 'fail', kind: 'rejected-valid', message: `rejected a valid payload: ${outcome.error.message}` };
  const d = difference(expected, outcome.value);
  return d ? { status: 'fail', kind: 'mismatch', message: d, answer: show(outcome.value) } : { status: 'pass' };
}

export function expectRejected(outcome: ParseOutcome): Verdict {
  if (!outcome.ok) return misbehaved(outcome.error) ?? { status: 'pass' };
  return { status: 'fail', kind: 'accepted-invalid', message: 'accepted a payload that breaks the model', answer: show(outcome.value) };
}

/** Reads serializer output: UTF-8, then JSON with every number kept as written. */
export function readOutput(bytes: Uint8Array): { ok: true; value: Answer; text: string } | { ok: false; message: string; text: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'output is not valid UTF-8', text: new TextDecoder().decode(bytes) };
  }
  try {
    return { ok: true, value: readJson(text), text };
  } catch (e) {
    return { ok: false, message: `output is not JSON: ${(e as Error).message}`, text };
  }
}

/**
 * A value read from a serializer's output against its model's schema, members the model does not name
 * set aside at every depth (what a serializer does with those is the UnknownFields suite's to say): its
 * first error, or a pass.
 */
export function schemaVerdict(set: SchemaSet, modelId: string, value: Answer, text: string): Verdict {
  const e = namedMembersError(set, modelId, asDoubles(value));
  if (!e) return { status: 'pass' };
  return { status: 'fail', kind: 'invalid-output', message: `output breaks the schema: ${e.instancePath || '/'} ${e.message ?? ''}`.trim(), answer: text };
}

/** Whether serializer output is JSON and a valid event of one model. */
export type OutputValidator = (bytes: Uint8Array) => Verdict;

export function outputValidator(set: SchemaSet, modelId: string): OutputValidator {
  return (bytes) => {
    const out = readWritten(bytes);
    return out.ok ? schemaVerdict(set, modelId, out.value, out.text) : { status: 'fail', kind: 'invalid-output', message: out.message, answer: out.text };
  };
}

/** Serializer output read: output that gives a name twice is JSON (RFC 8259 §4), read as most readers read it. */
export function readWritten(bytes: Uint8Array): ReturnType<typeof readOutput> {
  const out = readOutput(bytes);
  return out.ok ? out : (readRepeated(out.text) ?? out);
}

export type Written = { ok: true; value: Answer; text: string } | { ok: false; verdict: Verdict };

/** Serializer output read back, or the verdict when there is none to read. */
export function written(outcome: SerializeOutcome): Written {
  if (!outcome.ok) {
    return {
      ok: false,
      verdict: misbehaved(outcome.error) ?? { status: 'fail', kind: 'rejected-valid', message: `refused to serialize a valid value: ${outcome.error.message}` },
    };
  }
  const out = readWritten(outcome.bytes);
  if (!out.ok) return { ok: false, verdict: { status: 'fail', kind: 'invalid-output', message: out.message, answer: out.text } };
  return out;
}

/** `reserialize` where the adapter has it, else the contract's own parse then serialize. */
export function reserialize(adapter: Adapter, model: string, payload: Uint8Array): SerializeOutcome | Promise<SerializeOutcome> {
  if (adapter.reserialize && adapter.info.operations.reserialize?.includes(model)) return adapter.reserialize(model, payload);
  return andThen(adapter.parse(model, payload), (p) => (p.ok ? adapter.serialize(model, asDoubles(p.value)) : p));
}

/**
 * Parses `text` only where the implementation reads the value's canonical
 * spelling correctly: a check of spellings or extra fields then speaks of
 * those alone, not of values the Parse suite already reports.
 */
export function expectParsedIfCanonicalIs(adapter: Adapter, model: string, value: Json, text: string, expected: Json = value): Verdict | Promise<Verdict> {
  return andThen(adapter.parse(model, encodeText(JSON.stringify(expected))), (canonical) => {
    if (expectParsed(canonical, expected).status !== 'pass') return { status: 'vacuous' as const };
    return andThen(adapter.parse(model, encodeText(text)), (o) => expectParsed(o, expected));
  });
}
