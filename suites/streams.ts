import * as fc from 'fast-check';
import type { Adapter } from '../core/contract.js';
import type { CheckDraft, Shown, Suite, Verdict } from '../core/check.js';
import { brief, difference, show } from '../core/equality.js';
import type { Json } from '../core/json.js';
import { eventTypeOf, modelOfEventType, type SchemaSet } from '../core/models.js';
import { decodeSse } from '../core/sse-decoder.js';
import { StreamValidator } from '../core/stream-rules.js';
import { cutAt, encodeSse, PLAIN } from '../arbitraries/sse/framing.js';
import { validImageStreams } from '../arbitraries/sequences.js';
import { validResponseStreams } from '../arbitraries/response-streams.js';
import { misbehaved, encodeText, shownPayload } from './verdicts.js';
import { eventsDifference } from './sse-difference.js';
import { dataDifference, renderEvents } from './sse-data.js';
import { throughUnion, unionBehaviour } from './union-behaviour.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

/** The event a family's stream starts from: the checks of its whole streams are planned under its model. */
const IMAGE_HOST = 'response.image_generation_call.generating';
const RESPONSE_HOST = 'response.created';

/** One stream's events, its bytes and where the network cut them. */
interface StreamCase {
  events: Record<string, Json>[];
  bytes: Uint8Array;
  cuts: number[];
}

const DONE = 'data: [DONE]\n\n';

/** A stream of these events, `[DONE]` after them when the family ends its streams so, cut at up to 8 random bytes. */
function streamCases(streams: fc.Arbitrary<Record<string, Json>[]>, done: boolean): fc.Arbitrary<StreamCase> {
  return fc.tuple(streams, fc.array(fc.nat(), { maxLength: 8 })).map(([events, raw]) => {
    const bytes = encodeText(encodeSse(events, PLAIN) + (done ? DONE : ''));
    return { events, bytes, cuts: [...new Set(raw.map((r) => 1 + (r % (bytes.length - 1))))].sort((a, b) => a - b) };
  });
}

function shownCase(c: StreamCase): Shown {
  const chunks = cutAt(c.bytes, c.cuts);
  return shownPayload(
    Buffer.from(c.bytes).toString('utf8'),
    `${c.events.length} event(s) in ${chunks.length} chunk(s)${c.cuts.length ? `, cut at bytes ${c.cuts.join(', ')}` : ''}`,
  );
}

/**
 * The adapter's decoder on the case's chunks: the data of each event it
 * yielded, when it yielded as many as the stream holds, else the failing
 * verdict. Their text is the parser's to read (the decoder's own checks
 * judge it byte for byte): a program sees what the parser makes of it.
 */
async function decoded(adapter: Adapter, c: StreamCase): Promise<{ events: string[] } | { verdict: Verdict }> {
  const chunks = cutAt(c.bytes, c.cuts);
  const out = await adapter.sse!(chunks);
  if (!out.ok)
    return {
      verdict: misbehaved(out.error) ?? { status: 'fail', kind: 'rejected-valid', message: `the decoder refused a valid stream: ${out.error.message}` },
    };
  const expected = decodeSse(chunks).events;
  if (out.events.length !== expected.length) {
    const where = eventsDifference(expected, out.events, (got, want) => dataDifference(adapter, got, want))!;
    return { verdict: { status: 'fail', kind: 'mismatch', message: where, answer: renderEvents(out.events) } };
  }
  return { events: out.events.map((e) => e.data) };
}

/** The image family, as before the union: each decoded event parsed as the model of its type, values and rules kept. */
async function imageSequence(set: SchemaSet, adapter: Adapter, c: StreamCase): Promise<Verdict> {
  const got = await decoded(adapter, c);
  if ('verdict' in got) return got.verdict;
  const rules = new StreamValidator();
  for (const [i, data] of got.events.entries()) {
    const model = modelOfEventType(set, c.events[i]!.type)!;
    const parsed = await adapter.parse(model.name, encodeText(data));
    if (!parsed.ok)
      return (
        misbehaved(parsed.error) ?? { status: 'fail', kind: 'rejected-valid', message: `event ${i + 1} (${model.name}) was refused: ${parsed.error.message}` }
      );
    const d = difference(c.events[i]!, parsed.value);
    if (d) return { status: 'fail', kind: 'mismatch', message: `event ${i + 1} ${d}`, answer: show(parsed.value) };
    const v = rules.push(c.events[i]!);
    if (v) return { status: 'fail', kind: 'mismatch', message: `event ${i + 1}: ${v.rule}: ${v.message}` };
  }
  return { status: 'pass' };
}

/**
 * Each decoded event of a response stream through the SDK's union, as its
 * stream hands events to a program: an event of a type the union models must
 * come out as it went in; the others are what Informational.Parse.Unmodelled
 * records. `[DONE]` ends the stream.
 */
async function throughTheUnion(adapter: Adapter, c: StreamCase, data: string[]): Promise<Verdict> {
  const modelled = new Set(adapter.info.unionTypes ?? []);
  let compared = 0;
  for (const [i, text] of data.entries()) {
    const event = c.events[i];
    if (event === undefined) break; // [DONE]: the SDK's stream ends; no union reads it
    const type = String(event.type);
    if (!modelled.has(type)) continue;
    const out = await adapter.union!(encodeText(text));
    if (!out.ok)
      return (
        misbehaved(out.error) ?? { status: 'fail', kind: 'rejected-valid', message: `event ${i + 1} (${type}) was refused by the union: ${out.error.message}` }
      );
    compared++;
    const d = difference(event, out.value);
    if (d) return { status: 'fail', kind: 'mismatch', message: `event ${i + 1} (${type}, typed as ${out.as}) ${d}`, answer: show(out.value) };
  }
  return compared === 0 ? { status: 'vacuous', reason: "the union models none of the stream's event types" } : { status: 'pass' };
}

/** The valid stream with an extension event (a provider-prefixed type, `type` and `sequence_number`) put in at `at`. */
function withExtension(
  events: Record<string, Json>[],
  at: number,
  name: string,
  extra: Record<string, Json>,
): { events: Record<string, Json>[]; index: number } {
  const index = 1 + (at % Math.max(1, events.length - 1));
  const seq = Number(events[index - 1]!.sequence_number);
  const ext = { type: name, sequence_number: seq, ...extra };
  return { events: [...events.slice(0, index), ext, ...events.slice(index)], index };
}

/** An event type no SDK models, spelled as the spec's own are. */
const UNKNOWN_EVENT = { type: 'response.acme_unknown_event', sequence_number: 7, item_id: 'item_1', output_index: 0 };

function observeUnion(label: string, event: Record<string, Json>, observe: (adapter: Adapter) => Promise<{ behaviour: string; detail: string }>) {
  return { label, shown: shownPayload(JSON.stringify(event)), observe };
}

function responseStreamChecks(set: SchemaSet): CheckDraft[] {
  const streams = validResponseStreams(set);
  const reasoning = {
    spec: { type: 'response.reasoning.delta', sequence_number: 4, item_id: 'rs_1', output_index: 0, content_index: 0, delta: 'Thinking' },
    openai: { type: 'response.reasoning_text.delta', sequence_number: 4, item_id: 'rs_1', output_index: 0, content_index: 0, delta: 'Thinking' },
  };
  return [
    {
      name: 'EventSequence',
      level: 'Required',
      mode: 'property',
      needs: ['sse'],
      needsOp: ['union'],
      description:
        "a valid response stream (text, refusals, tool-call arguments and reasoning in several items, interleaved, then [DONE]) through the SDK's decoder and its event union keeps every event it models",
      arbitrary: streamCases(streams, true),
      show: shownCase,
      evaluate: async (adapter, c: StreamCase) => {
        const got = await decoded(adapter, c);
        return 'verdict' in got ? got.verdict : throughTheUnion(adapter, c, got.events);
      },
    },
    {
      name: 'ExtensionEvent',
      level: 'Required',
      mode: 'property',
      needs: ['sse'],
      needsOp: ['union'],
      description:
        'an extension event (a provider-prefixed type such as acme:trace_event, with type and sequence_number) amid a valid response stream is ignored: the union does not refuse it and the events around it come through (the spec: clients MUST ignore it)',
      arbitrary: fc
        .tuple(
          streams,
          fc.nat(),
          fc.constantFrom('acme:trace_event', 'openrouter:processing', 'x-acme:audit.note'),
          fc.constantFrom<Record<string, Json>>({}, { trace: { span: 'a1', ms: 12 } }, { note: 'é' }),
        )
        .chain(([events, at, name, extra]) => {
          const { events: all } = withExtension(events, at, name, extra);
          return streamCases(fc.constant(all), true);
        }),
      show: shownCase,
      // this rule only: every event decoded (decoded() counts them) and the extension event not refused; what the
      // union makes of the spec's events is EventSequence's to judge
      evaluate: async (adapter, c: StreamCase) => {
        const got = await decoded(adapter, c);
        if ('verdict' in got) return got.verdict;
        const i = c.events.findIndex((e) => String(e.type).includes(':'));
        const out = await adapter.union!(encodeText(got.events[i]!));
        if (out.ok) return { status: 'pass' };
        return (
          misbehaved(out.error) ?? {
            status: 'fail',
            kind: 'rejected-valid',
            message: `the union refused the extension event ${brief(String(c.events[i]!.type))} (event ${i + 1}): a program iterating the SDK's stream gets an error there: ${out.error.message}`,
          }
        );
      },
    },
    {
      name: 'UnknownEvent',
      level: 'Informational',
      mode: 'observe',
      needs: [],
      needsOp: ['union'],
      description: "what the SDK's stream-event union does with an event type it does not know (response.acme_unknown_event)",
      cases: [observeUnion('an unknown response.* event', UNKNOWN_EVENT, async (adapter) => unionBehaviour(await throughUnion(adapter, UNKNOWN_EVENT)))],
    },
    {
      name: 'ReasoningSpelling',
      level: 'Informational',
      mode: 'observe',
      needs: [],
      needsOp: ['union'],
      description:
        "which spelling of the reasoning text events the SDK's union models: response.reasoning.delta (the spec's), response.reasoning_text.delta (OpenAI's SDKs'), both or neither",
      cases: [
        observeUnion('response.reasoning.delta and response.reasoning_text.delta', reasoning.spec, async (adapter) => {
          const types = new Set(adapter.info.unionTypes);
          const spec = types.has(reasoning.spec.type);
          const openai = types.has(reasoning.openai.type);
          const behaviour = spec && openai ? 'both' : spec ? "the spec's" : openai ? "OpenAI's" : 'neither';
          const a = unionBehaviour(await throughUnion(adapter, reasoning.spec)).detail;
          const b = unionBehaviour(await throughUnion(adapter, reasoning.openai)).detail;
          return { behaviour, detail: `response.reasoning.delta ${a}; response.reasoning_text.delta ${b}` };
        }),
      ],
    },
  ];
}

export const streamSuite: Suite = {
  name: 'Stream',
  idSegment: 'Sse',
  hosts: [IMAGE_HOST, RESPONSE_HOST],
  description: SUITE_DESCRIPTIONS.Stream,
  checks({ set, model }) {
    if (eventTypeOf(model) === RESPONSE_HOST) return responseStreamChecks(set);
    if (eventTypeOf(model) !== IMAGE_HOST) return [];
    return [
      {
        // the stream holds all four events, whichever of them the check is planned under
        name: 'EventSequence',
        level: 'Required',
        mode: 'property',
        needs: ['sse', 'parse'],
        description: 'a valid stream of the four events, several items interleaved, decoded and parsed event by event, keeps every value and rule',
        arbitrary: streamCases(validImageStreams(), false),
        show: shownCase,
        evaluate: (adapter, c: StreamCase) => imageSequence(set, adapter, c),
      },
    ];
  },
};
