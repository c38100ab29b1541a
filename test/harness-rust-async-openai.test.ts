/**
 * rust-async-openai calls async-openai on the path a Rust program takes: serde_json into the SDK's
 * `ResponseStreamEvent` union and back out of it, and eventsource-stream's `EventStream`, the decoder the
 * SDK's stream runs every response through. Each payload here is answered this way by that path alone.
 */
import { describe, expect, it } from 'vitest';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { show } from '../core/equality.js';
import { GENERATING, set } from './helpers/adapters.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const NAME = 'rust-async-openai';
const manifest = loadManifests().find((m) => m.adapters.some((a) => a.name === NAME))!;
const ready = isBuilt(manifest);
if (!ready && CI) throw new Error(`${NAME} is not built in CI: "npm run adapters:setup" must build every harness`);
const enc = (s: string) => new TextEncoder().encode(s);
const event = (type: string, numbers = '"output_index":1,"sequence_number":2') =>
  enc(`{"type":"response.image_generation_call.${type}","item_id":"a",${numbers}}`);

describe.skipIf(!ready)(`${NAME} is pinned to async-openai's path${ready ? '' : ' (not built here)'}`, () => {
  const harness = () =>
    bundledHarnesses()
      .find((f) => f.name === NAME)!
      .create({ set, checkProtocol: true });

  it('parses through the event union: another event is the variant the union gave, refused as this one; the fields are read as the SDK holds them', async () => {
    const a = await harness();
    try {
      const completed = await a.parse(GENERATING, event('completed'));
      expect(completed).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: expect.stringMatching(/union read it as ResponseImageGenerationCallCompleted/) },
      });
      const ok = await a.parse(GENERATING, event('generating', '"output_index":1,"sequence_number":18446744073709551615'));
      expect(ok.ok && show(ok.value)).toBe(
        '{"item_id":"a","output_index":1,"sequence_number":18446744073709551615,"type":"response.image_generation_call.generating"}',
      );
      // the union buffers the event before its u32 field reads it, and the buffer holds -0 as a float
      expect(await a.parse(GENERATING, event('generating', '"output_index":-0,"sequence_number":2'))).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: 'invalid type: floating point `-0.0`, expected u32' },
      });
    } finally {
      await a.close?.();
    }
  });

  it('serializes the event in its union variant: type first, then the struct fields in their order; 0.5 never reaches a u32', async () => {
    const a = await harness();
    try {
      const out = await a.serialize(GENERATING, { type: 'response.image_generation_call.generating', item_id: 'a', output_index: 1, sequence_number: 2 });
      expect(out.ok && new TextDecoder().decode(out.bytes)).toBe(
        '{"type":"response.image_generation_call.generating","sequence_number":2,"output_index":1,"item_id":"a"}',
      );
      const half = await a.serialize(GENERATING, { type: 'response.image_generation_call.generating', item_id: 'a', output_index: 0.5, sequence_number: 2 });
      expect(half).toMatchObject({ ok: false, error: { kind: 'unrepresentable' } });
    } finally {
      await a.close?.();
    }
  });

  it("declares the union's own tags and answers union: OpenAI's reasoning_text spelling is a variant, an extension or unknown type the union's refusal", async () => {
    const a = await harness();
    try {
      expect(a.info.unionTypes).toEqual(expect.arrayContaining(['response.output_text.delta', 'response.reasoning_text.delta', 'error']));
      expect(a.info.unionTypes).not.toContain('response.reasoning.delta');
      const reasoning = await a.union!(
        enc('{"type":"response.reasoning_text.delta","sequence_number":4,"item_id":"rs_1","output_index":0,"content_index":0,"delta":"T"}'),
      );
      expect(reasoning).toMatchObject({ ok: true, as: 'ResponseReasoningTextDelta' });
      // no fallback variant: serde's internally tagged enum refuses a tag it does not have
      for (const type of ['acme:trace_event', 'response.reasoning.delta']) {
        expect(await a.union!(enc(`{"type":"${type}","sequence_number":3}`))).toMatchObject({
          ok: false,
          error: { kind: 'parse_error', message: expect.stringMatching(new RegExp(`^unknown variant \`${type}\`, expected one of`)) },
        });
      }
      // nested types are read deep: the logprob's bytes, which ResponseLogProb does not model, are dropped
      const text = await a.parse(
        'ResponseOutputTextDeltaStreamingEvent',
        enc(
          '{"type":"response.output_text.delta","sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"delta":"hi","logprobs":[{"token":"a","logprob":-0.5,"bytes":[97],"top_logprobs":[]}]}',
        ),
      );
      expect(text.ok && show(text.value)).toContain('"logprobs":[{"logprob":-0.5,"token":"a","top_logprobs":[]}]');
    } finally {
      await a.close?.();
    }
  });

  it("decodes with eventsource-stream: it panics on a stream that opens with a BOM, and holds back an event ended by CR CR at the stream's end", async () => {
    const a = await harness();
    try {
      expect(await a.sse!([enc('\ufeffdata: x\n\n')])).toMatchObject({
        ok: false,
        error: { kind: 'exception', message: expect.stringMatching(/^panic: start byte index 1 is not a char boundary/) },
      });
      expect(await a.sse!([enc('data: x\r\r')])).toEqual({ ok: true, events: [] });
      expect(await a.sse!([enc('data: x\r'), enc('\rdata: y\n\n')])).toMatchObject({
        ok: true,
        events: [
          { event: 'message', data: 'x' },
          { event: 'message', data: 'y' },
        ],
      });
    } finally {
      await a.close?.();
    }
  });
});
