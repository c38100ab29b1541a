import { describe, expect, it } from 'vitest';
import { byFamily, FAMILIES, modelFamily } from '../core/families.js';
import { eventTypeOf, loadSchemaSet } from '../core/models.js';

describe('model families (orc list and every report group models by them)', () => {
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

  it('puts each bundled model in the family its event type names, the nine families filled and none in "other"', () => {
    const set = loadSchemaSet();
    expect(set.models.length).toBe(28);
    for (const m of set.models) expect([m.name, modelFamily(m.name)]).toEqual([m.name, modelFamily(eventTypeOf(m)!)]);
    expect(new Set(set.models.map((m) => modelFamily(m.name)))).toEqual(new Set(FAMILIES.filter((f) => f !== 'other')));
    expect(set.models.filter((m) => modelFamily(m.name) === 'image generation').map((m) => m.name)).toEqual([
      'OpenResponsesImageGenCallCompleted',
      'OpenResponsesImageGenCallGenerating',
      'OpenResponsesImageGenCallInProgress',
      'OpenResponsesImageGenCallPartialImage',
    ]);
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
