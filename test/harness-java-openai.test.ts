/**
 * The openai-java harness (adapters/java-openai/) calls the SDK on the path a program's stream takes: the
 * event's text as the stream's reader decodes it, the SDK's mapper into the ResponseStreamEvent union, the
 * member read through its accessors; the event's builder and the SDK's mapper to write. Each payload here
 * is answered this way only on that path: a harness that read the bytes with Jackson directly, read the event
 * class without the union, or rendered through the SDK's serializer would answer it otherwise.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { show } from '../core/equality.js';
import { GENERATING, set } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const NAME = 'java-openai';
const manifest = loadManifests().find((m) => m.adapters.some((a) => a.name === NAME))!;
const ready = isBuilt(manifest);
if (!ready && CI) throw new Error(`${NAME} is not built in CI: "npm run adapters:setup" must build every harness`);

const enc = (s: string) => new TextEncoder().encode(s);
const event = (type: string, rest: string) => `{"type":"response.image_generation_call.${type}",${rest}}`;
const generating = (rest = '"item_id":"a","output_index":1,"sequence_number":2') => event('generating', rest);

async function answer(a: Adapter, op: 'parse' | 'serialize' | 'reserialize', input: Uint8Array | object): Promise<string> {
  const o =
    op === 'parse'
      ? await a.parse(GENERATING, input as Uint8Array)
      : op === 'reserialize'
        ? await a.reserialize!(GENERATING, input as Uint8Array)
        : await a.serialize(GENERATING, input as any);
  if (!o.ok) return `${o.error.kind}: ${o.error.message}`;
  if ('value' in o) return show(o.value);
  if ('bytes' in o) return new TextDecoder().decode(o.bytes);
  return JSON.stringify(o);
}

describe.skipIf(!ready)(`${NAME}: com.openai:openai-java through its stream's path${ready ? '' : ' (not built here: run npm run adapters:setup)'}`, () => {
  let a: Adapter;
  const start = async () =>
    (a ??= await bundledHarnesses()
      .find((f) => f.name === NAME)!
      .create({ set, checkProtocol: true }));
  afterAll(async () => {
    await a?.close?.();
  });

  it('says it is openai-java 4.105.0 in Java, and declares no sse: the SDK keeps its decoder internal', async () => {
    await start();
    expect(a.info).toMatchObject({ language: 'Java', implementation: 'com.openai:openai-java', version: '4.105.0' });
    expect(a.info.operations.sse).toBeUndefined();
  });

  it("reads a malformed UTF-8 byte as U+FFFD, as the stream's reader decodes the data (Jackson on the bytes refuses it)", async () => {
    const bytes = enc(generating('"item_id":"a~b","output_index":1,"sequence_number":2'));
    bytes[bytes.indexOf(0x7e)] = 0xff; // the "~" becomes a byte no UTF-8 text holds
    expect(await answer(await start(), 'parse', bytes)).toContain('"item_id":"a\ufffdb"');
  });

  it('parses through the ResponseStreamEvent union: a completed event is typed as the completed member, a refusal of generating', async () => {
    expect(await answer(await start(), 'parse', enc(event('completed', '"item_id":"a","output_index":1,"sequence_number":2')))).toBe(
      'parse_error: the union typed it as ResponseImageGenCallCompletedEvent, not ResponseImageGenCallGeneratingEvent',
    );
    // what the union could not type it keeps as raw JSON, and the stream hands null on as it came
    expect(await answer(a, 'parse', enc('[1]'))).toMatch(/^parse_error: the union typed it as no member/);
    expect(await answer(a, 'parse', enc('null'))).toBe('null');
  });

  it("reads the member through its accessors: itemId() throws the SDK's invalid-data error for a missing field, outputIndex() for 0.5", async () => {
    expect(await answer(await start(), 'parse', enc(generating('"output_index":1,"sequence_number":2')))).toBe('parse_error: `item_id` is not set');
    expect(await answer(a, 'parse', enc(generating('"item_id":"a","output_index":0.5,"sequence_number":2')))).toBe(
      'parse_error: `output_index` is invalid, received 0.5',
    );
    // a long holds 2^63-1 exactly: its digits come back as they went
    expect(await answer(a, 'parse', enc(generating('"item_id":"a","output_index":9223372036854775807,"sequence_number":2')))).toContain(
      '"output_index":9223372036854775807',
    );
  });

  it("writes through the builder and the SDK's mapper: 0.5 cannot be set in a long, 😀 is written as escapes", async () => {
    const value = { type: 'response.image_generation_call.generating', item_id: 'a😀', output_index: 1, sequence_number: 2 };
    expect(await answer(await start(), 'serialize', value)).toBe(
      '{"item_id":"a\\uD83D\\uDE00","output_index":1,"sequence_number":2,"type":"response.image_generation_call.generating"}',
    );
    expect(await answer(a, 'serialize', { ...value, output_index: 0.5 })).toBe("unrepresentable: output_index: 0.5 is unrepresentable in the SDK's type long");
  });

  it('reserializes whatever the union holds: its raw JSON for [1], and a parsed 1e400 as the string "Infinity"', async () => {
    expect(await answer(await start(), 'reserialize', enc('[1]'))).toBe('[1]');
    expect(await answer(a, 'reserialize', enc(generating('"item_id":"a","output_index":1e400,"sequence_number":2')))).toContain('"output_index":"Infinity"');
  });

  it("declares the union's members' types and answers union: the raw JSON it keeps for an event it does not know, its member for reasoning_text", async () => {
    const a = await start();
    expect(a.info.unionTypes).toEqual(
      expect.arrayContaining(['response.output_text.delta', 'response.reasoning_text.delta', 'response.image_generation_call.generating']),
    );
    expect(a.info.unionTypes).not.toContain('response.reasoning.delta');
    for (const type of ['acme:trace_event', 'response.reasoning.delta']) {
      expect(await a.union!(enc(`{"type":"${type}","sequence_number":3}`))).toEqual({
        ok: true,
        value: { type, sequence_number: 3 },
        as: 'ResponseStreamEvent (unknown: its raw JSON, _json())',
      });
    }
    const reasoning = await a.union!(
      enc('{"type":"response.reasoning_text.delta","sequence_number":4,"item_id":"rs_1","output_index":0,"content_index":0,"delta":"T"}'),
    );
    expect(reasoning).toMatchObject({ ok: true, as: 'ResponseReasoningTextDeltaEvent' });
  });

  it('reads nested objects and unions through their accessors: a content part as its member, a part the union cannot type refused', async () => {
    const part = (p: string) => enc(`{"type":"response.content_part.added","sequence_number":1,"item_id":"m","output_index":0,"content_index":0,"part":${p}}`);
    const parsed = await (
      await start()
    ).parse('ResponseContentPartAddedStreamingEvent', part('{"type":"output_text","text":"x","annotations":[],"logprobs":null}'));
    expect(parsed.ok && show(parsed.value)).toBe(
      '{"content_index":0,"item_id":"m","output_index":0,"part":{"annotations":[],"logprobs":null,"text":"x","type":"output_text"},"sequence_number":1,"type":"response.content_part.added"}',
    );
    expect(await a.parse('ResponseContentPartAddedStreamingEvent', part('{"type":"acme_part"}'))).toMatchObject({
      ok: false,
      error: { kind: 'parse_error', message: expect.stringMatching(/^Unknown Part: /) },
    });
  });

  it('fails the checks a long-typed parser fails, and passes the ones it keeps', async () => {
    const r = await runChecks(await start(), {
      model: GENERATING,
      suite: 'Required.Parse.AcceptsFraction.output_index,Required.Parse.AcceptsIntegral.output_index,Required.Parse.RejectsMissingField.item_id',
      runs: 20,
      seed: 3,
    });
    expect(byId(r, 'Required.Parse.AcceptsFraction.output_index').failure!.kind).toBe('rejected-valid');
    expect(byId(r, 'Required.Parse.RejectsMissingField.item_id').status).toBe('passed');
    expect(byId(r, 'Required.Parse.AcceptsIntegral.output_index').status).toBe('passed');
  });
});

it.skipIf(ready)(`${NAME} is not built here: its tests are skipped (run npm run adapters:setup, which needs mvn)`, () => {});
