/**
 * Each bundled harness calls its SDK on the path a program takes. One payload per harness whose
 * answer only that path gives pins it: a harness that drifted to another entry point fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import { loadManifests } from '../adapters/stdio/harnesses.js';
import { show } from '../core/equality.js';
import { GENERATING } from './helpers/adapters.js';
import { withHarness } from './helpers/spec-event-harness.js';

const manifests = loadManifests();
const enc = (s: string) => new TextEncoder().encode(s);
const withField = (field: string, literal: string) =>
  enc(`{"type":"response.image_generation_call.generating","item_id":"a","output_index":1,"sequence_number":2,"${field}":${literal}}`);

async function answer(
  a: Adapter,
  op: 'parse' | 'sse' | 'serialize' | 'reserialize',
  input: Uint8Array | Uint8Array[] | object,
  model = GENERATING,
): Promise<string> {
  const o =
    op === 'parse'
      ? await a.parse(model, input as Uint8Array)
      : op === 'sse'
        ? await a.sse!(input as Uint8Array[])
        : op === 'reserialize'
          ? await a.reserialize!(model, input as Uint8Array)
          : await a.serialize(model, input as any);
  if (!o.ok) return `${o.error.kind}: ${o.error.message}`;
  if ('value' in o) return show(o.value);
  if ('events' in o) return JSON.stringify(o.events);
  return new TextDecoder().decode(o.bytes);
}

const pin = (name: string, why: string, body: (a: Adapter) => Promise<void>) => withHarness(name, `${name}: ${why}`, body);

const generating = { type: 'response.image_generation_call.generating', item_id: 'a', output_index: 1, sequence_number: 2 };
const PARTIAL = 'OpenResponsesImageGenCallPartialImage';
const partialImage =
  '{"type":"response.image_generation_call.partial_image","item_id":"a","output_index":1,"sequence_number":2,"partial_image_b64":"AA==","partial_image_index":0';
/** A partial image with the four fields OpenAI's schema adds, and without them. */
const withSizes = enc(`${partialImage},"size":"1024x1024","quality":"low","background":"opaque","output_format":"png"}`);
const withoutSizes = enc(`${partialImage}}`);
/** A completed event, parsed as a generating one: an SDK's union hands back the completed event. */
const completed = enc('{"type":"response.image_generation_call.completed","item_id":"a","output_index":1,"sequence_number":2}');
const sizes = '"size":"1024x1024"';

describe('each harness is pinned to its SDK path', () => {
  pin('go-openai', 'encoding/json under the SDK turns a lone surrogate into U+FFFD', async (a) => {
    expect(
      await answer(a, 'parse', enc('{"type":"response.image_generation_call.generating","item_id":"\\ud800","output_index":1,"sequence_number":2}')),
    ).toContain('"item_id":"\ufffd"');
  });
  pin('go-openrouter-seed', "the seed release's decoder misses a blank line written LF CR LF", async (a) => {
    expect(await answer(a, 'sse', [enc('data: b\n\r\ndata: c\n\n')])).toBe('[{"event":null,"data":"b\\nc"}]');
  });
  pin('go-openrouter-seed-union', 'the union refuses an event without a type, which the model itself reads as zeros', async (a) => {
    expect(await answer(a, 'parse', enc('{}'))).toMatch(/^parse_error: could not unmarshal `\{\}` into any supported union types for OpenResponsesStreamEvent/);
  });
  pin('go-openrouter-v0.2.0', "the SDK's decoder re-marshals JSON data, compacting it; the model reads {} as zeros", async (a) => {
    expect(await answer(a, 'sse', [enc('data: {"a": 1}\n\n')])).toBe('[{"event":null,"data":"{\\"a\\":1}"}]');
    expect(await answer(a, 'parse', enc('{}'))).toBe('{"item_id":"","output_index":0,"sequence_number":0,"type":""}');
  });
  pin('go-openrouter-v0.2.0-union', 'the union of v0.2.0 is StreamEvents', async (a) => {
    expect(await answer(a, 'parse', enc('{}'))).toMatch(/into any supported union types for StreamEvents/);
  });
  pin('go-openrouter-latest', 'int64 numbers: the model refuses a fraction', async (a) => {
    expect(await answer(a, 'parse', enc('{"type":"response.image_generation_call.generating","item_id":"a","output_index":0.5,"sequence_number":2}'))).toBe(
      'parse_error: json: cannot unmarshal number 0.5 into Go value of type int64',
    );
  });
  pin('go-openrouter-latest-union', 'the newest union keeps an event it cannot type as Unknown, with no error', async (a) => {
    expect(await answer(a, 'parse', enc('{}'))).toBe('parse_error: the union read it as an unknown event');
  });
  pin('py-openai', 'construct_type on the stream union builds {} into its first member, which is not the model; a list it hands on as it came', async (a) => {
    expect(await answer(a, 'parse', enc('{}'))).toBe(
      "parse_error: the stream's union typed it as ResponseAudioDeltaEvent (type None), not ResponseImageGenCallGeneratingEvent",
    );
    expect(await answer(a, 'parse', enc('[]'))).toBe('[]');
  });
  pin('py-openai-strict', 'json.loads then validate_type keeps a lone surrogate (model_validate_json refuses it)', async (a) => {
    expect(
      await answer(a, 'parse', enc('{"type":"response.image_generation_call.generating","item_id":"\\ud800","output_index":1,"sequence_number":2}')),
    ).toContain('"item_id":"\\ud800"');
  });
  pin('py-openrouter', "the SDK's int model refuses a fraction in pydantic's words", async (a) => {
    expect(await answer(a, 'parse', enc('{"type":"response.image_generation_call.generating","item_id":"a","output_index":0.5,"sequence_number":2}'))).toMatch(
      /^parse_error: .*fractional part/,
    );
  });
  pin('py-openrouter-seed', 'marshal_json writes a float field as 1.0', async (a) => {
    expect(await answer(a, 'serialize', generating)).toContain('"output_index":1.0');
  });
  pin('ts-openai-node', "JSON.parse under the SDK's Stream keeps -0, and the answer carries it; no serializer", async (a) => {
    expect(await answer(a, 'parse', withField('output_index', '-0'))).toContain('"output_index":-0');
    expect(a.info.operations.serialize).toBeUndefined();
    expect(a.info.operations.reserialize).toBeUndefined();
  });

  // issue 19: the four fields of a partial image OpenAI's schema has, rendered where the SDK models them and never invented
  pin(
    'go-openai',
    'the SDK models size, quality, background and output_format: read when set, left out when not; 0.5 cannot be put in its int64',
    async (a) => {
      expect(await answer(a, 'parse', withSizes, PARTIAL)).toMatch(/"background":"opaque".*"output_format":"png".*"quality":"low".*"size":"1024x1024"/);
      expect(await answer(a, 'parse', withoutSizes, PARTIAL)).not.toMatch(/size|quality|background|output_format/);
      expect(await answer(a, 'serialize', { ...generating, output_index: 0.5 })).toBe(
        "unrepresentable: output_index: 0.5 is unrepresentable in the SDK's type int64",
      );
    },
  );
  pin(
    'go-openrouter-latest',
    "5e-324 cannot be put in the SDK's int64: the harness says so, the serializer never sees it; the model has no size",
    async (a) => {
      expect(await answer(a, 'serialize', { ...generating, output_index: 5e-324 })).toBe(
        "unrepresentable: output_index: 5e-324 is unrepresentable in the SDK's type int64",
      );
      expect(await answer(a, 'parse', withSizes, PARTIAL)).not.toContain('size');
    },
  );
  pin('go-openrouter-latest-union', 'one rule for unions: a completed event is not a generating one', async (a) => {
    expect(await answer(a, 'parse', completed)).toBe('parse_error: the union dispatched it to ImageGenCallCompletedEvent, not ImageGenCallGeneratingEvent');
  });
  pin('py-openai', "reserialize writes what the SDK's to_json writes for what its stream gave: {} for {}, and a null type", async (a) => {
    expect(await answer(a, 'reserialize', enc('{}'))).toBe('{}');
    expect(await answer(a, 'reserialize', enc('{"type":null}'))).toBe('{"type":null}');
    expect(await answer(a, 'parse', withSizes, PARTIAL)).toContain(sizes);
  });
  pin(
    'py-openai',
    'one rule for unions: the stream types a completed event as ResponseImageGenCallCompletedEvent, which is not the model asked for',
    async (a) => {
      expect(await answer(a, 'parse', completed)).toBe(
        "parse_error: the stream's union typed it as ResponseImageGenCallCompletedEvent (type 'response.image_generation_call.completed'), not ResponseImageGenCallGeneratingEvent",
      );
    },
  );
  pin('py-openai-strict', "the stream's own code hands a program None for data: null, without validating: accepted, answered null", async (a) => {
    expect(await answer(a, 'parse', enc('null'))).toBe('null');
    expect(await answer(a, 'parse', completed)).toMatch(/^parse_error: the stream's union typed it as ResponseImageGenCallCompletedEvent/);
    expect(await answer(a, 'serialize', { ...generating, output_index: 0.5 })).toMatch(
      /^unrepresentable: output_index: 0\.5 is unrepresentable in the SDK's type \(/,
    );
  });
  pin('py-openrouter', "0.5 cannot be put in the SDK's int model: unrepresentable, not the serializer's refusal; the model has no size", async (a) => {
    expect(await answer(a, 'serialize', { ...generating, output_index: 0.5 })).toMatch(
      /^unrepresentable: output_index: 0\.5 is unrepresentable in the SDK's type \(/,
    );
    expect(await answer(a, 'parse', withSizes, PARTIAL)).not.toContain('size');
  });
  pin('ts-openai-node', 'its union is JSON.parse narrowed by `type`, read through the .d.ts at every depth', async (a) => {
    const union = (o: object) => a.union!(enc(JSON.stringify(o)));
    const reasoning = { sequence_number: 4, item_id: 'rs_1', output_index: 0, content_index: 0, delta: 'Thinking' };
    // an extension event, and the spec's reasoning spelling, are no member: handed on untyped, never refused
    expect(await union({ type: 'acme:trace_event', sequence_number: 3 })).toMatchObject({ ok: true, as: 'object' });
    expect(await union({ type: 'response.reasoning.delta', ...reasoning })).toMatchObject({ ok: true, as: 'object' });
    expect(await union({ type: 'response.reasoning_text.delta', ...reasoning })).toMatchObject({ ok: true, as: 'ResponseReasoningTextDeltaEvent' });
    // ResponseTextDeltaEvent declares no `obfuscation`, and its Logprob no `bytes`
    const delta = { type: 'response.output_text.delta', sequence_number: 1, item_id: 'm', output_index: 0, content_index: 0, delta: 'hi' };
    const logprob = { token: 'hi', logprob: -1, top_logprobs: [] };
    expect(await union({ ...delta, logprobs: [{ ...logprob, bytes: [104, 105] }], obfuscation: 'x' })).toEqual({
      ok: true,
      value: { ...delta, logprobs: [logprob] },
      as: 'ResponseTextDeltaEvent',
    });
  });
  pin('ts-openai-node', 'the .d.ts declares the four fields; a program narrows the union by type, so a completed event is not a generating one', async (a) => {
    // rendered in the payload's order, each member its interface declares
    const partial = await answer(a, 'parse', withSizes, PARTIAL);
    for (const member of ['"background":"opaque"', '"output_format":"png"', '"quality":"low"', '"size":"1024x1024"']) expect(partial).toContain(member);
    expect(await answer(a, 'parse', completed)).toBe(
      'parse_error: the union gave ResponseImageGenCallCompletedEvent (type response.image_generation_call.completed), not ResponseImageGenCallGeneratingEvent',
    );
  });

  it("where the module proxy refuses OpenRouter's Go SDK, adapters:setup says so in one line with what to set", () => {
    // the Go toolchain's own words, from a build against the default proxy on this machine
    const refused =
      'main.go:17:2: github.com/OpenRouterTeam/go-sdk@v0.7.67: reading https://proxy.golang.org/github.com/%21open%21router%21team/go-sdk/@v/v0.7.67.zip: 403 Forbidden';
    const go = manifests.filter((m) => m.folder.startsWith('go-openrouter'));
    expect(go.map((m) => m.folder).sort()).toEqual(['go-openrouter-latest', 'go-openrouter-seed', 'go-openrouter-v0.2.0']);
    for (const m of go) {
      expect(new RegExp(m.unavailable!.match, 'i').test(refused)).toBe(true);
      expect(m.unavailable!.say).toMatch(/GOPROXY=\S+ and GONOSUMDB=github\.com\/OpenRouterTeam/);
      expect(m.unavailable!.say).not.toContain('\n');
    }
  });
});
