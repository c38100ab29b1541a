import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { StdioAdapter, requestParts } from '../adapters/stdio/client.js';
import { declaredModels, readHello } from '../adapters/stdio/protocol.js';

const HARNESS = join(import.meta.dirname, 'helpers/event-type-harness.mjs');
const TITLE = 'Response output text delta event';
const hello = (operations: object) => JSON.stringify({ type: 'hello', protocol: 1, implementation: { name: 'h', language: 'Go', version: '1' }, operations });

describe('a hello may declare event types: the SDK union models them, as data', () => {
  it("an event type stands for the run's model of that type; one the run has no model of is passed over; a title stays a title", () => {
    const types = { [TITLE]: 'response.output_text.delta', Generating: 'response.image_generation_call.generating' };
    expect(declaredModels({ parse: ['response.output_text.delta', 'response.refusal.delta', 'Generating'], sse: ['text/event-stream'] }, types)).toEqual({
      parse: [TITLE, 'Generating'],
      sse: ['text/event-stream'],
    });
  });

  it('an event type the run lacks is no hello error; a title the run lacks still is', () => {
    expect(() => readHello(hello({ parse: ['response.refusal.delta'] }), [TITLE])).not.toThrow();
    expect(() => readHello(hello({ parse: ['Response refusal delta event'] }), [TITLE])).toThrow(/not a model of this run/);
  });

  it('each request carries the model title and its event type', () => {
    const line = requestParts(3, { op: 'parse', model: TITLE, body: { payload: 'e30=' } }, 'response.output_text.delta').join('');
    expect(JSON.parse(line)).toEqual({ id: 3, op: 'parse', model: TITLE, event: 'response.output_text.delta', payload: 'e30=' });
    expect(JSON.parse(requestParts(3, { op: 'parse', model: TITLE, body: { payload: 'e30=' } }).join(''))).not.toHaveProperty('event');
  });

  it('a harness that declared types is asked for the model by title and type, and only for the models it declared', async () => {
    const a = await StdioAdapter.start({
      name: 'h',
      command: [process.execPath, HARNESS],
      checkProtocol: true,
      models: [TITLE, 'Other'],
      eventTypes: { [TITLE]: 'response.output_text.delta', Other: 'response.other' },
    });
    try {
      expect(a.info.operations).toEqual({ parse: [TITLE] });
      const o = await a.parse(TITLE, new TextEncoder().encode('{}'));
      expect(o).toEqual({ ok: true, value: { model: TITLE, event: 'response.output_text.delta' } });
    } finally {
      await a.close();
    }
  });
});
