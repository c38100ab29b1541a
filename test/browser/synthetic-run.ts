import type { CheckResult, RunEvent } from '../../core/results.js';

/**
 * A made-up run at the size the HTML report must still read at: 20 adapters
 * × 30 models. The models are the Open Responses spec's streaming events,
 * the four bundled image-generation models and one name no family rule knows,
 * so every family is drawn. Results follow a fixed pattern: adapter A passes
 * everything, the others fail a scattering of Required and Recommended checks,
 * every fifth has no serializer, and observations differ by adapter.
 */
export const SPEC_EVENTS = [
  'ResponseCreatedStreamingEvent',
  'ResponseQueuedStreamingEvent',
  'ResponseInProgressStreamingEvent',
  'ResponseCompletedStreamingEvent',
  'ResponseFailedStreamingEvent',
  'ResponseIncompleteStreamingEvent',
  'ResponseOutputItemAddedStreamingEvent',
  'ResponseOutputItemDoneStreamingEvent',
  'ResponseReasoningSummaryPartAddedStreamingEvent',
  'ResponseReasoningSummaryPartDoneStreamingEvent',
  'ResponseContentPartAddedStreamingEvent',
  'ResponseContentPartDoneStreamingEvent',
  'ResponseOutputTextDeltaStreamingEvent',
  'ResponseOutputTextDoneStreamingEvent',
  'ResponseRefusalDeltaStreamingEvent',
  'ResponseRefusalDoneStreamingEvent',
  'ResponseReasoningDeltaStreamingEvent',
  'ResponseReasoningDoneStreamingEvent',
  'ResponseReasoningSummaryDeltaStreamingEvent',
  'ResponseReasoningSummaryDoneStreamingEvent',
  'ResponseOutputTextAnnotationAddedStreamingEvent',
  'ResponseFunctionCallArgumentsDeltaStreamingEvent',
  'ResponseFunctionCallArgumentsDoneStreamingEvent',
  'ErrorStreamingEvent',
  'WebSocketErrorEvent',
];
export const IMAGE_MODELS = [
  'OpenResponsesImageGenCallInProgress',
  'OpenResponsesImageGenCallGenerating',
  'OpenResponsesImageGenCallPartialImage',
  'OpenResponsesImageGenCallCompleted',
];
export const MODELS = [...SPEC_EVENTS, ...IMAGE_MODELS, 'SomeVendorExtensionEvent'];
export const ADAPTERS = Array.from({ length: 20 }, (_, i) =>
  i === 0 ? 'reference' : `${['go', 'py', 'ts', 'rust', 'java'][i % 5]}-sdk-number-${i}${i % 3 ? '-union' : ''}`,
);

const CHECKS = [
  'Required.Parse.AcceptsValid',
  'Required.Parse.RejectsNull.item_id',
  'Required.Parse.RejectsMissing.type',
  'Required.Serialize.RoundTrip',
  'Required.Sse.DispatchesEveryEvent',
  'Required.Parse.RejectsWrongType.sequence_number',
  'Recommended.Parse.IgnoresUnknownFields',
  'Recommended.Parse.AcceptsEverySpelling',
  'Informational.ImplDefined.NegativeZero',
  'Informational.ImplDefined.LoneSurrogate',
];
const LABELS = ['kept', '→ 0', 'rejected', 'escaped \\u003c', '→ U+FFFD', '→ 9223372036854775807', 'wrote Infinity (not JSON)'];

export function syntheticRun(options: { failures?: boolean } = {}): RunEvent[] {
  const withFailures = options.failures ?? true;
  const results: CheckResult[] = [];
  ADAPTERS.forEach((adapter, a) =>
    MODELS.forEach((model, m) =>
      CHECKS.forEach((id, c) => {
        const level = id.split('.')[0] as CheckResult['level'];
        const base = { adapter, model, id, level, suite: id.split('.')[1]!, description: `${id} for ${model}`, casesRun: 20, durationMs: 1, seed: 1 };
        if (level === 'Informational') {
          const behaviour = LABELS[(a + c) % LABELS.length]!;
          results.push({
            ...base,
            status: 'observed',
            observations: [{ label: id.endsWith('Zero') ? '-0' : '"\\ud800"', shown: {}, behaviour, outcome: `${adapter} did ${behaviour}` }],
          });
        } else if (id.includes('Serialize') && a % 5 === 4) {
          results.push({ ...base, status: 'unsupported', reason: 'the SDK has no serializer' });
        } else if (withFailures && a > 0 && (a * 7 + c * 3 + m) % 11 === 0) {
          results.push({
            ...base,
            status: 'failed',
            failure: {
              kind: 'mismatch',
              message: `${adapter} read item_id wrongly`,
              path: '0',
              shrinks: 3,
              replay: 'orc1.x',
              replayCommand: `npx orc replay orc1.${a}.${m}.${c}`,
              counterexample: { payload: { text: '{"type":"x","item_id":null}', base64: Buffer.from('{"type":"x","item_id":null}').toString('base64') } },
              answer: '{"item_id":""}',
            },
          });
        } else {
          results.push({ ...base, status: 'passed' });
        }
      }),
    ),
  );
  return [
    {
      type: 'run-started',
      run: {
        tool: { name: 'orc', version: '0' },
        command: 'orc run --adapter all',
        seed: 1,
        runs: 20,
        startedAt: '2026-12-02T00:00:00Z',
        models: MODELS,
        checks: CHECKS.length * MODELS.length,
      },
    },
    ...ADAPTERS.map((name): RunEvent => ({
      type: 'adapter-started',
      adapter: { name, language: 'made up', implementation: `${name} implementation`, version: '1.0.0', operations: {} },
    })),
    ...results.map((result): RunEvent => ({ type: 'check-finished', result })),
    { type: 'run-finished', finishedAt: '2026-12-02T00:01:00Z', complete: true },
  ];
}
