import { describe, expect, it } from 'vitest';
import { byFamily, FAMILIES, modelFamily } from '../reports/families.js';
import { loadSchemaSet } from '../core/models.js';

describe('model families (the HTML report groups models by them)', () => {
  it('reads the family from a spec event name, a model title or a wire type alike', () => {
    const cases: [string, string][] = [
      ['ResponseCreatedStreamingEvent', 'lifecycle'],
      ['ResponseQueuedStreamingEvent', 'lifecycle'],
      ['ResponseInProgressStreamingEvent', 'lifecycle'],
      ['ResponseCompletedStreamingEvent', 'lifecycle'],
      ['ResponseFailedStreamingEvent', 'lifecycle'],
      ['response.incomplete', 'lifecycle'],
      ['ResponseOutputItemAddedStreamingEvent', 'output item'],
      ['response.output_item.done', 'output item'],
      ['ResponseContentPartAddedStreamingEvent', 'content part'],
      ['response.content_part.done', 'content part'],
      ['ResponseOutputTextDeltaStreamingEvent', 'text'],
      ['response.output_text.annotation.added', 'text'],
      ['OpenResponsesOutputTextDone', 'text'],
      ['ResponseRefusalDeltaStreamingEvent', 'refusal'],
      ['response.refusal.done', 'refusal'],
      ['ResponseReasoningDeltaStreamingEvent', 'reasoning'],
      ['ResponseReasoningSummaryPartAddedStreamingEvent', 'reasoning'],
      ['response.reasoning_summary_text.delta', 'reasoning'],
      ['ResponseFunctionCallArgumentsDeltaStreamingEvent', 'function call'],
      ['response.function_call_arguments.done', 'function call'],
      ['ErrorStreamingEvent', 'error'],
      ['WebSocketErrorEvent', 'error'],
      ['error', 'error'],
      ['OpenResponsesImageGenCallInProgress', 'image generation'],
      ['OpenResponsesImageGenCallCompleted', 'image generation'],
      ['response.image_generation_call.partial_image', 'image generation'],
      ['SomeVendorExtensionEvent', 'other'],
    ];
    expect(cases.map(([name]) => [name, modelFamily(name)])).toEqual(cases);
  });

  it('puts every bundled model in "image generation"', () => {
    const set = loadSchemaSet();
    const titles = set.models.map((m) => m.name);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(modelFamily(t)).toBe('image generation');
  });

  it("groups models in stream order, keeping each family's order", () => {
    expect(
      byFamily(['OpenResponsesImageGenCallGenerating', 'ErrorStreamingEvent', 'ResponseCreatedStreamingEvent', 'OpenResponsesImageGenCallCompleted', 'x']),
    ).toEqual([
      ['lifecycle', ['ResponseCreatedStreamingEvent']],
      ['error', ['ErrorStreamingEvent']],
      ['image generation', ['OpenResponsesImageGenCallGenerating', 'OpenResponsesImageGenCallCompleted']],
      ['other', ['x']],
    ]);
    expect(FAMILIES.at(-1)).toBe('other');
  });
});
