/**
 * py-openresponses-types calls openresponses-types on the path a program takes: the package has one pydantic class
 * per event and no union, so the class is the one of the event type asked for, read by its model_validate_json and
 * written by model_dump_json. Each payload here is answered this way by that path alone.
 */
import { describe, expect, it } from 'vitest';
import { show } from '../core/equality.js';
import { built, enc, startWithEvents } from './helpers/spec-event-harness.js';

const NAME = 'py-openresponses-types';
const DELTA = 'response.output_text.delta';
const M = `event ${DELTA}`;
const PART = 'response.content_part.added';
const delta = (numbers: string) => enc(`{"type":"${DELTA}",${numbers},"item_id":"a","output_index":0,"content_index":0,"delta":"hi","logprobs":[]}`);

describe.skipIf(!built(NAME))(`${NAME} is pinned to the package's classes`, () => {
  it("the class of the type asked for: another type is refused by that class's own enum; pydantic's lax mode reads false as 0; NaN is taken in a field it ignores", async () => {
    const a = await startWithEvents(NAME, [DELTA, PART]);
    try {
      expect(
        await a.parse(
          M,
          enc('{"type":"response.output_text.done","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"text":"hi","logprobs":[]}'),
        ),
      ).toMatchObject({
        ok: false,
        error: {
          kind: 'parse_error',
          message: expect.stringMatching(
            /^\d+ validation errors? for ResponseOutputTextDeltaStreamingEvent type Input should be 'response\.output_text\.delta'/,
          ),
        },
      });
      const zero = await a.parse(M, delta('"sequence_number":false'));
      expect(zero.ok && show(zero.value)).toBe(
        '{"type":"response.output_text.delta","sequence_number":0,"item_id":"a","output_index":0,"content_index":0,"delta":"hi","logprobs":[]}',
      );
      expect((await a.parse(M, delta('"sequence_number":1,"x":NaN'))).ok).toBe(true);
      // nested objects through their attributes too: the part's annotation is a RootModel, read through its root
      const part =
        '{"type":"output_text","text":"t","annotations":[{"type":"url_citation","url":"u","start_index":0,"end_index":1,"title":"x"}],"logprobs":[]}';
      const added = await a.parse(
        `event ${PART}`,
        enc(`{"type":"${PART}","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"part":${part}}`),
      );
      expect(added.ok && show(added.value)).toBe(`{"type":"${PART}","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"part":${part}}`);
    } finally {
      await a.close();
    }
  });

  it('serializes through model_dump_json: compact, by alias, the fields the value set; no sse', async () => {
    const a = await startWithEvents(NAME, [DELTA]);
    try {
      expect(a.info.operations.sse).toBeUndefined();
      const out = await a.serialize(M, { type: DELTA, sequence_number: 1, item_id: 'a', output_index: 0, content_index: 0, delta: 'hi', logprobs: [] });
      expect(out.ok && new TextDecoder().decode(out.bytes)).toBe(
        '{"type":"response.output_text.delta","sequence_number":1,"item_id":"a","output_index":0,"content_index":0,"delta":"hi","logprobs":[]}',
      );
    } finally {
      await a.close();
    }
  });
});
