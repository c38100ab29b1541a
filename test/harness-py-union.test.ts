/**
 * The Python harnesses' `union` operation: one event's data through the SDK's own stream-event union, whatever its
 * type, answered with the class the union made of it. Each pin is what that SDK's union does with an extension
 * event, an unknown type and the two spellings of the reasoning delta; the hello lists the union's own types.
 */
import { describe, expect } from 'vitest';
import type { Adapter, UnionOutcome } from '../core/contract.js';
import { withHarness } from './helpers/spec-event-harness.js';

const enc = (s: string) => new TextEncoder().encode(s);
const EXTENSION = '{"type":"acme:trace_event","sequence_number":3}';
const UNKNOWN = '{"type":"response.foo","sequence_number":3}';
const reasoning = (type: string) => `{"type":"${type}","sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"delta":"hi"}`;
const SPEC_REASONING = reasoning('response.reasoning.delta');
const OPENAI_REASONING = reasoning('response.reasoning_text.delta');

/** What the union made of the event, in one line: the class, or the error's kind. */
const made = (o: UnionOutcome) => (o.ok ? o.as : `${o.error.kind}: ${o.error.message}`);

const pin = (name: string, why: string, body: (a: Adapter) => Promise<void>) => withHarness(name, `${name}: ${why}`, body);

describe("the Python harnesses' union is the SDK's own", () => {
  pin('py-openai', 'construct_type builds an unknown or extension event into the first member; it knows the reasoning_text spelling', async (a) => {
    expect(a.info.unionTypes).toContain('response.reasoning_text.delta');
    expect(a.info.unionTypes).not.toContain('response.reasoning.delta');
    expect(made(await a.union!(enc(EXTENSION)))).toBe('ResponseAudioDeltaEvent');
    expect(await a.union!(enc(UNKNOWN))).toEqual({ ok: true, as: 'ResponseAudioDeltaEvent', value: { type: 'response.foo', sequence_number: 3 } });
    expect(made(await a.union!(enc(OPENAI_REASONING)))).toBe('ResponseReasoningTextDeltaEvent');
  });
  pin('py-openai-strict', 'validate_type refuses an extension event', async (a) => {
    expect(made(await a.union!(enc(EXTENSION)))).toMatch(/^parse_error: APIResponseValidationError/);
  });
  pin('py-openrouter', 'the open union keeps an unknown event as UnknownStreamEvents, its payload as raw', async (a) => {
    expect(await a.union!(enc(EXTENSION))).toEqual({ ok: true, as: 'UnknownStreamEvents', value: { raw: JSON.parse(EXTENSION) } });
    expect(made(await a.union!(enc(SPEC_REASONING)))).toBe('UnknownStreamEvents');
    expect(made(await a.union!(enc(OPENAI_REASONING)))).toBe('ReasoningDeltaEvent');
  });
  pin('py-openrouter-seed', "the seed's closed union refuses an event type it has no tag for", async (a) => {
    expect(made(await a.union!(enc(UNKNOWN)))).toMatch(/^parse_error: .*does not match any of the expected tags/);
    expect(made(await a.union!(enc(OPENAI_REASONING)))).toBe('OpenResponsesReasoningDeltaEvent');
  });
  pin('py-litellm', 'a type its table has no class for is a GenericEvent', async (a) => {
    expect(made(await a.union!(enc(EXTENSION)))).toBe('GenericEvent');
    expect(made(await a.union!(enc(OPENAI_REASONING)))).toBe('GenericEvent');
  });
  pin('py-openresponses', 'the union keeps an unknown event as UnknownStreamingEvent and knows the spec spelling alone', async (a) => {
    expect(await a.union!(enc(UNKNOWN))).toEqual({ ok: true, as: 'UnknownStreamingEvent', value: JSON.parse(UNKNOWN) });
    expect(made(await a.union!(enc(SPEC_REASONING)))).toBe('ResponseReasoningDeltaStreamingEvent');
    expect(made(await a.union!(enc(OPENAI_REASONING)))).toBe('UnknownStreamingEvent');
  });
  pin('py-openresponses-openai', 'the envelope is one class for every type and models none by name', async (a) => {
    expect(a.info.unionTypes).toEqual([]);
    expect(made(await a.union!(enc(EXTENSION)))).toBe('OpenAIStreamingEvent');
  });
  pin('py-openresponses-types', 'no union: a class picked by type', async (a) => {
    expect(a.info.unionTypes).toBeUndefined();
  });
  pin('py-jsonschema', "an event of a run's model is read as that model; any other type is handed on as read", async (a) => {
    expect(made(await a.union!(enc(SPEC_REASONING)))).toBe('ResponseReasoningDeltaStreamingEvent');
    expect(await a.union!(enc(EXTENSION))).toEqual({ ok: true, as: 'unknown event', value: JSON.parse(EXTENSION) });
    expect(made(await a.union!(enc('[]')))).toMatch(/^parse_error: an event's data must be an object/);
  });
});
