/**
 * py-openresponses (and its openai-compatible and openai modes) calls openresponses-py on the path a program takes:
 * its ResponseStream over one event's data, in the mode the client was made with, and its own incremental SSE
 * parser. Each payload here is answered this way by that path alone.
 */
import { describe, expect, it } from 'vitest';
import { show } from '../core/equality.js';
import { built, enc, startWithEvents } from './helpers/spec-event-harness.js';

const DELTA = 'response.output_text.delta';
const M = `event ${DELTA}`;
const SUMMARY = 'response.reasoning_summary_text.delta';
/** A text delta without sequence_number: the spec requires it. */
const unnumbered = enc(`{"type":"${DELTA}","item_id":"a","output_index":0,"content_index":0,"delta":"hi","logprobs":[]}`);

async function withHarness(name: string, body: (a: Awaited<ReturnType<typeof startWithEvents>>) => Promise<void>) {
  const a = await startWithEvents(name, [DELTA, 'error', SUMMARY]);
  try {
    await body(a);
  } finally {
    await a.close();
  }
}

describe.skipIf(!built('py-openresponses'))('py-openresponses is pinned to openresponses-py', () => {
  it('declares the 24 spec events its union models, as data', async () => {
    await withHarness('py-openresponses', async (a) => expect([...a.info.operations.parse!].sort()).toEqual(['event error', M, `event ${SUMMARY}`]));
  });

  it('strict: the union refuses a missing sequence_number in its own words, and types an extension event as UnknownStreamingEvent', async () => {
    await withHarness('py-openresponses', async (a) => {
      expect(await a.parse(M, unnumbered)).toMatchObject({
        ok: false,
        error: {
          kind: 'parse_error',
          message: 'SSEProtocolError: invalid streaming event: 1 validation error: response.output_text.delta.sequence_number: Field required',
        },
      });
      expect(await a.parse(M, enc('{"type":"acme:trace","sequence_number":1}'))).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: "the stream typed it as UnknownStreamingEvent (type 'acme:trace'), not response.output_text.delta" },
      });
    });
  });

  it('openai-compatible: the mode fills in a missing sequence_number with the next one, 0', async () => {
    await withHarness('py-openresponses-compat', async (a) => {
      const o = await a.parse(M, unnumbered);
      expect(o.ok && show(o.value)).toBe(
        '{"type":"response.output_text.delta","sequence_number":0,"item_id":"a","output_index":0,"content_index":0,"delta":"hi","logprobs":[]}',
      );
    });
  });

  it("openai: the envelope refuses an event without sequence_number in the stream state's words, and keeps error.code null", async () => {
    await withHarness('py-openresponses-openai', async (a) => {
      expect(await a.parse(M, unnumbered)).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: 'SSEProtocolError: OpenAI streaming event requires sequence_number' },
      });
      const o = await a.parse('event error', enc('{"type":"error","sequence_number":1,"error":{"type":"x","code":null,"message":"m","param":null}}'));
      expect(o.ok && show(o.value)).toBe('{"type":"error","sequence_number":1,"error":{"type":"x","code":null,"message":"m","param":null}}');
      // a field the envelope does not name is carried as an extra, which event.summary_index reads
      const summary = await a.parse(
        `event ${SUMMARY}`,
        enc(`{"type":"${SUMMARY}","sequence_number":1,"item_id":"a","output_index":0,"summary_index":2,"delta":"d"}`),
      );
      expect(summary.ok && show(summary.value)).toBe(`{"type":"${SUMMARY}","sequence_number":1,"output_index":0,"item_id":"a","delta":"d","summary_index":2}`);
    });
  });

  it('sse: its own parser dispatches a last event without its blank line, and refuses bytes that are not UTF-8', async () => {
    await withHarness('py-openresponses', async (a) => {
      expect(await a.sse!([enc('data: a\n\ndata: b')])).toEqual({
        ok: true,
        events: [
          { event: null, data: 'a' },
          { event: null, data: 'b' },
        ],
      });
      expect(await a.sse!([new Uint8Array([...enc('data: '), 0xff, 10, 10])])).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: 'SSEProtocolError: SSE stream is not valid UTF-8' },
      });
    });
  });

  it('serialize: pydantic writes the event class compactly, by alias, the fields the value set', async () => {
    await withHarness('py-openresponses', async (a) => {
      const out = await a.serialize(M, { type: DELTA, sequence_number: 1, item_id: 'a', output_index: 0, content_index: 0, delta: 'é', logprobs: [] });
      expect(out.ok && new TextDecoder().decode(out.bytes)).toBe(
        '{"type":"response.output_text.delta","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"delta":"é","logprobs":[]}',
      );
    });
  });
});
