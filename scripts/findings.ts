/**
 * What stands out about each adapter of the main job, in the README's words,
 * each claim with the verdicts that hold it: test/readme-figures.test.ts
 * fails when a recorded run no longer gives one (a claim that went stale).
 * An outcome is `failed:<kind>` or a behaviour label.
 */
export interface Finding {
  text: string;
  evidence: { check: string; outcome: string }[];
}

const PARTIAL_DROPPED = 'drops the four optional `partial_image` fields (`size`, `quality`, `background`, `output_format`) OpenAI streams carry';

export const FINDINGS: Record<string, Finding> = {
  reference: { text: "this project's strict implementation, every model", evidence: [] },
  'py-jsonschema': { text: "a second reference, written apart from the first: Python's `json` and `jsonschema`, every model of the run", evidence: [] },
  'ts-openrouter-0.1.2': {
    text: `${PARTIAL_DROPPED}; its SSE decoder misses a blank line written \`\\n\\r\\n\` and dispatches an empty event for a block of unknown fields; takes \`null\` and wrong types in those fields it does not model`,
    evidence: [
      { check: 'Required.Parse.AcceptsValid', outcome: 'failed:mismatch' },
      { check: 'Required.Sse.LineEndings', outcome: 'failed:mismatch' },
      { check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' },
    ],
  },
  'ts-openrouter-latest': {
    text: 'rejects fractions, `-5e-324` and values beyond 2^53 (safe integers where the seed says float64); drops the four `partial_image` fields',
    evidence: [
      { check: 'Required.Parse.AcceptsFraction', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.AcceptsValid', outcome: 'failed:rejected-valid' },
    ],
  },
  'go-openai': {
    text: "int64: truncates `0.5` to `0`, saturates `1e400` to `9223372036854775807`, reads a missing field or `null` as zero; ends its stream at any event with a top-level `error` (every spec `error` event); writes empty `partial_image` fields it was not given; its SSE decoder leaves a trailing LF on every event's data",
    evidence: [
      { check: 'Required.Parse.AcceptsFraction', outcome: 'failed:mismatch' },
      { check: 'Required.Parse.RejectsMissingField', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.AcceptsValid', outcome: 'failed:rejected-valid' },
      { check: 'Required.RoundTrip.ParseOfSerialize', outcome: 'failed:mismatch' },
      { check: 'Required.Sse.NulInData', outcome: 'failed:mismatch' },
      { check: 'Informational.ImplDefined.NumberOverflow', outcome: '→ 9223372036854775807' },
    ],
  },
  'go-openrouter-latest': {
    text: "int64: rejects `0.5`, `1e308` and `-0.0` (a Required failure: `-0` is valid JSON); its `int64` cannot hold `5e-324`, so its serializer is never given it (`unrepresentable in the SDK's type`); zeros for a missing `item_id` or `null`",
    evidence: [
      { check: 'Required.Parse.AcceptsFraction', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.AcceptsNegativeZero', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.RejectsNull', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.RejectsMissingField', outcome: 'failed:accepted-invalid' },
      { check: 'Informational.Serialize.NumberSpelling', outcome: "unrepresentable in the SDK's type" },
    ],
  },
  'go-openrouter-latest-union': {
    text: 'the same through its event union: the same number refusals and zeros for missing fields',
    evidence: [
      { check: 'Required.Parse.AcceptsNegativeZero', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.RejectsMissingField', outcome: 'failed:accepted-invalid' },
    ],
  },
  'go-openrouter-seed': {
    text: `the seed's own model (float64): reads \`{}\`, \`null\` and a missing field as zeros; its SSE decoder misses \`\\n\\r\\n\` and keeps a leading BOM; escapes \`<\` \`>\` \`&\`; ${PARTIAL_DROPPED}`,
    evidence: [
      { check: 'Required.Parse.RejectsNull', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Sse.LineEndings', outcome: 'failed:mismatch' },
      { check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' },
      { check: 'Informational.Serialize.Escapes', outcome: 'escaped \\u003c' },
      { check: 'Required.Parse.AcceptsValid', outcome: 'failed:mismatch' },
    ],
  },
  'go-openrouter-seed-union': {
    text: 'the union **panics** (nil pointer) on the payload `null`',
    evidence: [{ check: 'Required.Parse.RejectsNull', outcome: 'failed:exception' }],
  },
  'go-openrouter-v0.2.0': {
    text: 'zeros for missing fields and `null`; the SSE bugs of the seed release fixed',
    evidence: [{ check: 'Required.Parse.RejectsMissingField', outcome: 'failed:accepted-invalid' }],
  },
  'go-openrouter-v0.2.0-union': {
    text: 'the union still **panics** (nil pointer) on the payload `null`',
    evidence: [{ check: 'Required.Parse.RejectsNull', outcome: 'failed:exception' }],
  },
  'py-openai': {
    text: "the streamed-event path validates nothing: missing fields, `null`, wrong types, a bare `0`, `NaN`, `[]` accepted (another event's `type` it types as that event: not the model); writes `1e400` back as `null`, which the schema refuses",
    evidence: [
      { check: 'Required.Parse.RejectsMissingField', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.RejectsNonObject', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.RejectsMalformedJson.Numbers', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Serialize.AlwaysWritesValidJson', outcome: 'failed:invalid-output' },
      { check: 'Informational.Serialize.NonFinite', outcome: 'wrote null' },
    ],
  },
  'py-openai-strict': {
    text: 'ints; hands a program `None` for `data: null`, unvalidated; takes `NaN` in a field it does not model; **overflows its recursion** on deeply nested JSON; keeps a lone surrogate and then **throws** writing it again',
    evidence: [
      { check: 'Required.Parse.RejectsNull', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.RejectsMalformedJson.Numbers', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.RejectsMalformedJson.Structure', outcome: 'failed:exception' },
      { check: 'Required.Serialize.AlwaysWritesValidJson', outcome: 'failed:exception' },
    ],
  },
  'py-openrouter': {
    text: "ints: rejects `0.5`, and its model cannot be built with it to write (`unrepresentable in the SDK's type`); takes `NaN` in a field it does not model; escapes every non-ASCII character",
    evidence: [
      { check: 'Required.Parse.AcceptsFraction', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.RejectsMalformedJson.Numbers', outcome: 'failed:accepted-invalid' },
      { check: 'Informational.Serialize.Escapes', outcome: 'escaped \\u00e9' },
    ],
  },
  'py-openrouter-seed': {
    text: 're-serializes a parsed `1e400` as a bare `Infinity`, which is not JSON; writes `1` as `1.0`; its SSE decoder merges two events at `\\n\\r\\n`',
    evidence: [
      { check: 'Required.Serialize.AlwaysWritesValidJson', outcome: 'failed:invalid-output' },
      { check: 'Informational.Serialize.NonFinite', outcome: 'wrote Infinity (not JSON)' },
      { check: 'Informational.Serialize.NumberSpelling', outcome: 'wrote 1.0' },
      { check: 'Required.Sse.LineEndings', outcome: 'failed:mismatch' },
    ],
  },
  'java-openai': {
    text: 'Jackson into `long`: rejects `0.5`, `1.0`, `-0.0` and values past 2^63; takes trailing bytes after the event and `null`; writes a parsed `1e400` back as the string `"Infinity"`; no `sse` (its decoder is internal)',
    evidence: [
      { check: 'Required.Parse.AcceptsFraction', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.AcceptsNegativeZero', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.RejectsMalformedJson', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Serialize.AlwaysWritesValidJson', outcome: 'failed:invalid-output' },
      { check: 'Informational.Serialize.NonFinite', outcome: 'wrote "Infinity"' },
    ],
  },
  'rust-async-openai': {
    text: 'serde into `u32`/`u64`: rejects fractions and `-0` (a Required failure); takes `null` in the four `partial_image` fields; its SSE decoder (eventsource-stream) panics on a stream that opens with a BOM and holds back a last event ended by CR CR',
    evidence: [
      { check: 'Required.Parse.AcceptsFraction', outcome: 'failed:rejected-valid' },
      { check: 'Required.Parse.AcceptsNegativeZero', outcome: 'failed:rejected-valid' },
      { check: 'Required.Sse.StandardQuirks', outcome: 'failed:exception' },
      { check: 'Informational.ImplDefined.NegativeZero', outcome: 'rejected' },
    ],
  },
  'ts-openai-node': {
    text: 'its SSE decoder and `JSON.parse`, no serializer: validates nothing (`[]`, an event in an array, `null`); its decoder reads a later `\\uFEFFdata:` line as data',
    evidence: [
      { check: 'Required.Parse.RejectsNonObject', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Parse.RejectsWrappedEvent', outcome: 'failed:accepted-invalid' },
      { check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' },
    ],
  },
  'ts-openai-node-latest': {
    text: 'the newest `openai` on npm through the same harness: the same verdicts as the pin',
    evidence: [{ check: 'Required.Parse.RejectsNonObject', outcome: 'failed:accepted-invalid' }],
  },
  'go-openai-latest': {
    text: 'the newest `openai-go/v3` through the same harness: the same verdicts as the pin',
    evidence: [{ check: 'Required.Parse.AcceptsFraction', outcome: 'failed:mismatch' }],
  },
  'py-openresponses': {
    text: "openresponses-py's union, strict mode: models the spec's 24 events (the spec's reasoning spelling) and no image event; ignores an extension event as the spec says; refuses integers past pydantic's size limit; its own SSE parser keeps a leading BOM in the first field name",
    evidence: [{ check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' }],
  },
  'py-openresponses-compat': {
    text: 'the same, in its openai-compatible mode (it fills in a missing `sequence_number`); the same SSE parser',
    evidence: [{ check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' }],
  },
  'py-openresponses-openai': {
    text: "the same, in its openai mode (OpenAI's envelope); the same SSE parser",
    evidence: [{ check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' }],
  },
  'py-openresponses-types': {
    text: "openresponses-types' pydantic class per spec event, picked by `type` (it has no union, so the stream checks are n/a) and no decoder",
    evidence: [],
  },
  'py-litellm': {
    text: "litellm's Responses stream transform, the one its proxy runs: no image event of its own, 17 of the spec's 24 (neither reasoning spelling); rewrites `error.code: null` to `\"unknown_error\"`; its decoder (openai's `SSEDecoder`) keeps a leading BOM",
    evidence: [{ check: 'Required.Sse.StandardQuirks', outcome: 'failed:mismatch' }],
  },
  'rust-openresponses': {
    text: "openresponses-rust's event enum (the spec's 24 events, an `Unknown` fallback that takes an extension event): `i32` integers, a `metadata` map that refuses `null`; its serializer leaves out null members it should write",
    evidence: [],
  },
  'ts-ai-sdk-openai': {
    text: "Vercel's AI SDK, `@ai-sdk/openai`: `doStream` over a recorded stream; its stream parts carry too little of an event to compare (`sse` only); its decoder (eventsource-parser) holds back a last event ended by CR CR",
    evidence: [{ check: 'Required.Sse.LineEndings', outcome: 'failed:mismatch' }],
  },
  'ts-ai-sdk-open-responses': {
    text: 'the same for `@ai-sdk/open-responses`, with the same decoder',
    evidence: [{ check: 'Required.Sse.MultiLineData', outcome: 'failed:mismatch' }],
  },
};

/** The implementation-defined checks whose behaviour labels the README tabulates, adapters grouped by label. */
export const BEHAVIOUR_ROWS: { check: string; title: string }[] = [
  { check: 'Informational.ImplDefined.NegativeZero', title: '`-0`' },
  { check: 'Informational.ImplDefined.LoneSurrogate', title: '`"\\ud800"`' },
  { check: 'Informational.ImplDefined.NumberOverflow', title: '`1e400`' },
  { check: 'Informational.Serialize.NonFinite', title: '`1e400` read, then written' },
  { check: 'Informational.Serialize.Escapes', title: 'what a serializer escapes' },
  { check: 'Informational.Serialize.NumberSpelling', title: 'how `1` is written' },
  { check: 'Informational.Serialize.KeyOrder', title: 'key order written' },
  { check: 'Informational.Sse.MissingFinalBlankLine', title: 'a last event without its blank line' },
  { check: 'Informational.Sse.ReasoningSpelling', title: 'reasoning events its union models' },
  { check: 'Informational.Sse.UnknownEvent', title: 'an event type its union does not know' },
];
