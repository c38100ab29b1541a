/**
 * py-litellm calls litellm on the path its Responses stream iterator takes with each event's data:
 * OpenAIResponsesAPIConfig().transform_streaming_response, which rewrites error.code null and, when its class
 * refuses the event, builds it with model_construct, unvalidated. Each payload here is answered this way by that
 * path alone.
 */
import { describe, expect, it } from 'vitest';
import { show } from '../core/equality.js';
import { built, enc, startWithEvents } from './helpers/spec-event-harness.js';

const NAME = 'py-litellm';
const DELTA = 'response.output_text.delta';
const M = `event ${DELTA}`;

describe.skipIf(!built(NAME))(`${NAME} is pinned to litellm's stream transform`, () => {
  // one harness for every assertion: litellm takes its time to import
  it('declares the types its table gives a class of their own; rewrites error.code null to "unknown_error"; falls back to model_construct, keeping a number as item_id; an unknown type is a GenericEvent', async () => {
    const a = await startWithEvents(NAME, [DELTA, 'error', 'response.reasoning.delta']);
    try {
      // the reasoning events are GenericEvents in its table: not declared
      expect([...a.info.operations.parse!].sort()).toEqual(['event error', M]);
      const error = await a.parse('event error', enc('{"type":"error","sequence_number":1,"error":{"type":"x","code":null,"message":"m","param":null}}'));
      expect(error.ok && show(error.value)).toBe('{"type":"error","sequence_number":1,"error":{"type":"x","code":"unknown_error","message":"m","param":null}}');
      const constructed = await a.parse(
        M,
        enc(`{"type":"${DELTA}","sequence_number":1,"item_id":5,"output_index":0,"content_index":0,"delta":"hi","logprobs":[]}`),
      );
      expect(constructed.ok && show(constructed.value)).toBe(
        '{"type":"response.output_text.delta","item_id":5,"output_index":0,"content_index":0,"delta":"hi","sequence_number":1,"logprobs":[]}',
      );
      expect(await a.parse(M, enc('{"type":"acme:trace","sequence_number":1}'))).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: "the transform gave GenericEvent (type 'acme:trace'), not OutputTextDeltaEvent" },
      });
      expect(await a.parse(M, enc('[1]'))).toMatchObject({
        ok: false,
        error: { kind: 'parse_error', message: 'the iterator skips it, not a JSON object: list' },
      });
    } finally {
      await a.close();
    }
  }, 180_000);
});
