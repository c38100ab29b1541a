/**
 * rust-openresponses calls openresponses-rust on the path a Rust program takes: serde_json into the crate's
 * `StreamingEvent` union (its own Deserialize: the spec's 24 events, an `Unknown` fallback) and back out of it,
 * and eventsource-stream, the decoder its streams run every response body through. Each payload here is
 * answered this way by that path alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import type { Adapter } from '../core/contract.js';
import { show } from '../core/equality.js';
import { loadSchemaSet } from '../core/models.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const NAME = 'rust-openresponses';
const manifest = loadManifests().find((m) => m.adapters.some((a) => a.name === NAME))!;
const ready = isBuilt(manifest);
if (!ready && CI) throw new Error(`${NAME} is not built in CI: "npm run adapters:setup" must build every harness`);
const enc = (s: string) => new TextEncoder().encode(s);
const DELTA = 'response.output_text.delta';
const delta = (numbers = '"sequence_number":1,"output_index":0,"content_index":0') => `{"type":"${DELTA}","item_id":"a",${numbers},"delta":"hi"}`;

/**
 * Beside the bundled spec models, the run's models here include small schemas of the spec's event types (their
 * titles and `type` alone), which is all orc needs to ask the harness by event type.
 */
const dir = mkdtempSync(join(tmpdir(), 'orc-rust-openresponses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = (title: string, type: string) => {
  const file = join(dir, `${type}.schema.json`);
  writeFileSync(file, JSON.stringify({ $id: `urn:test:${type}`, title, type: 'object', properties: { type: { type: 'string', enum: [type] } } }));
  return file;
};
const TEXT = 'Output text delta';
const ERROR = 'Error event';
const ADDED = 'Output item added';
const PART = 'Content part added';
const files = [model(TEXT, DELTA), model(ERROR, 'error'), model(ADDED, 'response.output_item.added'), model(PART, 'response.content_part.added')];

async function answer(a: Adapter, op: 'parse' | 'serialize' | 'sse', title: string, input: string | object | string[]): Promise<string> {
  const o =
    op === 'parse'
      ? await a.parse(title, enc(input as string))
      : op === 'sse'
        ? await a.sse!((input as string[]).map(enc))
        : await a.serialize(title, input as any);
  if (!o.ok) return `${o.error.kind}: ${o.error.message}`;
  if ('value' in o) return show(o.value);
  if ('events' in o) return JSON.stringify(o.events);
  return new TextDecoder().decode(o.bytes);
}

describe.skipIf(!ready)(`${NAME} is pinned to openresponses-rust's path${ready ? '' : ' (not built here)'}`, () => {
  let a: Adapter;
  beforeAll(async () => {
    a = await bundledHarnesses()
      .find((f) => f.name === NAME)!
      .create({ set: loadSchemaSet(files), checkProtocol: true });
  });
  afterAll(() => a?.close?.());

  it('is asked by event type: its hello declares the spec types, which stand for the run models of those types', () => {
    expect([a.info.implementation, a.info.version]).toEqual(['openresponses-rust', '2026.7.26']);
    // the bundled spec models are the run's too: the test's models stand for their four types, the bundled ones for the other 20
    expect(a.info.operations.parse).toEqual(expect.arrayContaining([ADDED, PART, TEXT, ERROR, 'ResponseRefusalDeltaStreamingEvent']));
    expect(a.info.operations.parse).toHaveLength(24);
  });

  it("parses through StreamingEvent: an unknown type is its Unknown variant, another spec type that type's variant, both refused as this one", async () => {
    expect(await answer(a, 'parse', TEXT, '{"type":"acme:trace_event","sequence_number":1}')).toBe(
      `parse_error: the union read it as Unknown("acme:trace_event"), not ${DELTA}`,
    );
    expect(await answer(a, 'parse', TEXT, delta().replace(DELTA, 'response.refusal.delta'))).toBe(
      `parse_error: the union read it as RefusalDelta, not ${DELTA}`,
    );
    expect(await answer(a, 'parse', TEXT, delta())).toBe(
      `{"content_index":0,"delta":"hi","item_id":"a","output_index":0,"sequence_number":1,"type":"${DELTA}"}`,
    );
  });

  it('its numbers are i32, read from the serde_json Value its Deserialize buffers the event in', async () => {
    expect(await answer(a, 'parse', TEXT, delta('"sequence_number":2147483648,"output_index":0,"content_index":0'))).toBe(
      'parse_error: invalid value: integer `2147483648`, expected i32',
    );
    expect(await answer(a, 'parse', TEXT, delta('"sequence_number":-0,"output_index":0,"content_index":0'))).toBe(
      'parse_error: invalid type: floating point `-0.0`, expected i32',
    );
  });

  it("renders a nested type through the crate's serializer, a None as the payload spelled it: null where it sent null, left out where it sent nothing", async () => {
    const error = (code: string) => `{"type":"error","sequence_number":1,"error":{"type":"server_error",${code}"message":"m"}}`;
    expect(await answer(a, 'parse', ERROR, error('"code":null,'))).toBe(
      '{"error":{"code":null,"message":"m","type":"server_error"},"sequence_number":1,"type":"error"}',
    );
    expect(await answer(a, 'parse', ERROR, error(''))).toBe('{"error":{"message":"m","type":"server_error"},"sequence_number":1,"type":"error"}');
    // the crate's writer skips a None image_url; the payload's null is given back where the SDK's type has the member, and not where it has none
    const part = (extra: string) =>
      `{"type":"response.content_part.added","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"part":{"type":"input_image","image_url":null,"detail":"low"${extra}}}`;
    expect(await answer(a, 'parse', PART, part(',"x_extra":null'))).toBe(
      '{"content_index":0,"item_id":"a","output_index":0,"part":{"detail":"low","image_url":null,"type":"input_image"},"sequence_number":1,"type":"response.content_part.added"}',
    );
    expect(await answer(a, 'parse', PART, part(''))).toBe(await answer(a, 'parse', PART, part(',"x_extra":null')));
    // the union holds the spec's required item as an Option: null and a missing item both read as None
    expect(await answer(a, 'parse', ADDED, '{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":null}')).toBe(
      '{"item":null,"output_index":0,"sequence_number":1,"type":"response.output_item.added"}',
    );
    expect(await answer(a, 'parse', ADDED, '{"type":"response.output_item.added","sequence_number":1,"output_index":0}')).toBe(
      '{"output_index":0,"sequence_number":1,"type":"response.output_item.added"}',
    );
  });

  it("serializes the variant with serde_json::to_vec: type first, then the variant's fields in their order; a nested member built by its own Deserialize", async () => {
    const value = { type: DELTA, delta: 'hi', content_index: 0, output_index: 0, item_id: 'a', sequence_number: 1 };
    expect(await answer(a, 'serialize', TEXT, value)).toBe(
      `{"type":"${DELTA}","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"delta":"hi"}`,
    );
    const logprobs = [{ token: 'a', logprob: 0.30000000000000004, bytes: [97], top_logprobs: [] }];
    expect(await answer(a, 'serialize', TEXT, { ...value, logprobs })).toContain(
      '"logprobs":[{"token":"a","logprob":0.30000000000000004,"bytes":[97],"top_logprobs":[]}]',
    );
    expect(await answer(a, 'serialize', TEXT, { ...value, sequence_number: 0.5 })).toMatch(
      /^unrepresentable: sequence_number: 0\.5 is unrepresentable in the SDK's type i32/,
    );
    expect(await answer(a, 'serialize', TEXT, { ...value, logprobs: [{ token: 'a' }] })).toMatch(/^unrepresentable: logprobs: .*missing field `logprob`/);
  });

  it("answers union: an extension or unknown type is its Unknown variant holding the event, the spec's reasoning spelling a variant, OpenAI's not", async () => {
    expect(a.info.unionTypes).toContain('response.reasoning.delta');
    expect(a.info.unionTypes).not.toContain('response.reasoning_text.delta');
    for (const type of ['acme:trace_event', 'response.reasoning_text.delta']) {
      expect(await a.union!(enc(`{"type":"${type}","sequence_number":3}`))).toEqual({ ok: true, value: { type, sequence_number: 3 }, as: 'Unknown' });
    }
    const reasoning = await a.union!(
      enc('{"type":"response.reasoning.delta","sequence_number":4,"item_id":"rs_1","output_index":0,"content_index":0,"delta":"T"}'),
    );
    expect(reasoning).toMatchObject({ ok: true, as: 'ReasoningDelta', value: { delta: 'T', type: 'response.reasoning.delta' } });
    expect(await a.union!(enc(delta('"sequence_number":2147483648,"output_index":0,"content_index":0')))).toMatchObject({
      ok: false,
      error: { kind: 'parse_error' },
    });
  });

  it('decodes with eventsource-stream: it panics on a stream that opens with a BOM, and holds back an event ended by CR CR', async () => {
    expect(await answer(a, 'sse', TEXT, ['\ufeffdata: x\n\n'])).toMatch(/^exception: panic: start byte index 1 is not a char boundary/);
    expect(await answer(a, 'sse', TEXT, ['data: x\r\r'])).toBe('[]');
    expect(await answer(a, 'sse', TEXT, ['event: error\ndata: x\n\n', 'data: y\n\n'])).toBe('[{"event":"error","data":"x"},{"event":"message","data":"y"}]');
  });
});
