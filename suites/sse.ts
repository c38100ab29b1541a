import * as fc from 'fast-check';
import type { Adapter, DecodedEvent } from '../core/contract.js';
import { validValues } from '../arbitraries/index.js';
import { validImageStreams } from '../arbitraries/sequences.js';
import { cutAt, encodeSse, framings, PLAIN, sseStreams, type Framing, type SseStream, type StreamOptions } from '../arbitraries/sse/framing.js';
import { brief, difference, show, textDifference } from '../core/equality.js';
import { parse as parseLossless } from 'lossless-json';
import { asDoubles, type Answer, type Json } from '../core/json.js';
import { modelOfEventType, type SchemaSet } from '../core/models.js';
import { decodeSse } from '../core/sse-decoder.js';
import { StreamValidator } from '../core/stream-rules.js';
import type { CheckDraft, Shown, Suite, Verdict } from '../core/check.js';
import { fieldsOfType, typicalValue } from './typical.js';
import { refusal } from './behaviours.js';
import { andThen, encodeText, misbehaved, shownPayload } from './verdicts.js';
import { eventsDifference } from './sse-difference.js';

interface SequenceCase {
  events: Record<string, Json>[];
  bytes: Uint8Array;
  cuts: number[];
}

/** A whole valid stream through the adapter's decoder, each event through its parser: what a client of the SDK sees. */
async function expectSequence(set: SchemaSet, adapter: Adapter, c: SequenceCase): Promise<Verdict> {
  const out = await adapter.sse!(cutAt(c.bytes, c.cuts));
  if (!out.ok) return misbehaved(out.error) ?? { status: 'fail', kind: 'rejected-valid', message: `the decoder refused a valid stream: ${out.error.message}` };
  if (out.events.length !== c.events.length) {
    const expected = decodeSse(cutAt(c.bytes, c.cuts)).events;
    const where = eventsDifference(expected, out.events, (got, want) => dataDifference(adapter, got, want));
    return { status: 'fail', kind: 'mismatch', message: where!, answer: render(out.events) };
  }
  const rules = new StreamValidator();
  for (const [i, e] of out.events.entries()) {
    const model = modelOfEventType(set, e.event);
    if (!model)
      return {
        status: 'fail',
        kind: 'mismatch',
        message: `event ${i + 1} event field: ${e.event === null ? 'none' : brief(e.event)} names no model`,
        answer: render(out.events),
      };
    const parsed = await adapter.parse(model.name, encodeText(e.data));
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

/** Non-ASCII in every free string, so that cuts can land inside a UTF-8 character. */
function withMultibyte(v: Json): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && k !== 'type' ? `${x}é€😀` : x]));
}

function shownStream(s: SseStream): Shown {
  const chunks = cutAt(s.bytes, s.cuts);
  const where = s.cuts.length === 0 ? '' : s.cuts.length === s.bytes.length - 1 ? ', one byte a chunk' : `, cut at bytes ${s.cuts.join(', ')}`;
  return shownPayload(Buffer.from(s.bytes).toString('utf8'), `${s.values.length} event(s) in ${chunks.length} chunk(s)${where}`);
}

const render = (events: readonly DecodedEvent[]) => JSON.stringify(events.map((e) => ({ event: e.event, data: e.data })));

/** JSON text read with every number kept as written, or undefined when the text is not JSON. */
function jsonOf(text: string): Answer | undefined {
  try {
    return parseLossless(text) as Answer;
  } catch {
    return undefined;
  }
}

/**
 * Where a decoded event's data differs from what the reference decoded: the
 * text, or, from a decoder that hands data on as JSON it wrote again, the
 * JSON value (no program using that SDK can see the text).
 */
function dataDifference(adapter: Adapter, got: string, expected: string): string | undefined {
  if (got === expected) return undefined;
  if (adapter.info.sseData === 'json') {
    const want = jsonOf(expected);
    const have = jsonOf(got);
    if (want !== undefined && have !== undefined) {
      const d = difference(asDoubles(want), have);
      return d === undefined ? undefined : `data ${d}`;
    }
  }
  return textDifference(expected, got, 'data');
}

/** The adapter's decoder against the reference decoder, on the same chunks. */
function expectDecoded(adapter: Adapter, s: SseStream): Verdict | Promise<Verdict> {
  const chunks = cutAt(s.bytes, s.cuts);
  const expected = decodeSse(chunks).events;
  return andThen(adapter.sse!(chunks), (out): Verdict => {
    if (!out.ok)
      return misbehaved(out.error) ?? { status: 'fail', kind: 'rejected-valid', message: `the decoder refused a valid stream: ${out.error.message}` };
    const where = eventsDifference(expected, out.events, (got, want) => dataDifference(adapter, got, want));
    return where === undefined ? { status: 'pass' } : { status: 'fail', kind: 'mismatch', message: where, answer: render(out.events) };
  });
}

/** A stream of at least `bytes` bytes of the value's events (one event at least), fed one byte a chunk. */
function oneByteChunks(value: Json, framing: Framing, bytes: number): SseStream {
  const one = encodeSse([value], framing).length;
  const values = Array<Json>(Math.max(1, Math.ceil(bytes / one))).fill(value);
  const text = encodeText(encodeSse(values, framing));
  return { values, framing, bytes: text, cuts: [...text.keys()].slice(1) };
}

/** NUL is an ordinary character of a line (the standard ends lines at CR and LF alone): data keeps it. */
const NUL_STREAMS = ['data: a\u0000b\n\n', 'data: \u0000\ndata: x\u0000\r\n\r\nevent: e\rdata: \u0000\u0000\r\r'];

/** Like expectDecoded, for data that is not JSON: a decoder that hands data on as JSON says nothing here. */
function expectDecodedText(adapter: Adapter, s: SseStream): Verdict | Promise<Verdict> {
  if (adapter.info.sseData === 'json') return { status: 'vacuous', reason: 'the decoder hands data on as JSON, and this data is not JSON' };
  return expectDecoded(adapter, s);
}

export const sseSuite: Suite = {
  name: 'Sse',
  once: true,
  description: "the implementation's text/event-stream decoder yields the events the reference decoder does, however the stream is framed and cut",
  checks(ctx) {
    const { set, model } = ctx;
    const values = validValues(set, model.id, { tame: true });
    const property = (name: string, description: string, o: StreamOptions, arb = values): CheckDraft => ({
      name,
      level: 'Required',
      mode: 'property',
      needs: ['sse'],
      description,
      arbitrary: sseStreams(arb, o),
      show: shownStream,
      evaluate: expectDecoded,
    });
    const fixed = (
      name: string,
      description: string,
      streams: SseStream[],
      evaluate: (a: Adapter, s: SseStream) => Verdict | Promise<Verdict>,
    ): CheckDraft<SseStream> => ({
      name,
      level: 'Required',
      mode: 'property',
      needs: ['sse'],
      description,
      arbitrary: fc.constantFrom(...streams),
      cases: () => streams,
      show: shownStream,
      evaluate,
    });
    const typical = typicalValue(ctx);
    const text = fieldsOfType(ctx, 'string').find((k) => typeof typical[k] === 'string');
    const candidate = text ? { ...typical, [text]: 'aé€😀'.repeat(100) } : undefined;
    const long = candidate && set.ajv.getSchema(model.id)!(candidate) ? candidate : undefined;
    const unterminatedText = encodeSse([typical, typical], { ...PLAIN, missingFinalBlankLine: true });
    const unterminated = encodeText(unterminatedText);
    const sequence: CheckDraft[] = [
      {
        // the stream holds all four events, whichever model the suite is planned under
        name: 'EventSequence',
        level: 'Required',
        mode: 'property',
        needs: ['sse', 'parse'],
        description: 'a valid stream of the four events, several items interleaved, decoded and parsed event by event, keeps every value and rule',
        arbitrary: fc.tuple(validImageStreams(), fc.array(fc.nat(), { maxLength: 8 })).map(([events, raw]): SequenceCase => {
          const bytes = encodeText(encodeSse(events, PLAIN));
          return { events, bytes, cuts: [...new Set(raw.map((r) => 1 + (r % (bytes.length - 1))))].sort((a, b) => a - b) };
        }),
        show: (c: SequenceCase) => shownStream({ values: c.events, framing: PLAIN, bytes: c.bytes, cuts: c.cuts }),
        evaluate: (adapter, c: SequenceCase) => expectSequence(set, adapter, c),
      },
    ];
    return [
      ...sequence,
      property('ChunkedAnywhere', 'events cut into network chunks at arbitrary bytes', { cuts: 'anywhere' }),
      property('ChunkedInsideUtf8', 'chunks cut inside multi-byte UTF-8 characters', { cuts: 'awkward' }, values.map(withMultibyte)),
      property('ChunkedInsideCrLf', 'CRLF line endings with chunks cut between CR and LF', { cuts: 'awkward', framing: framings.crlf }),
      property('LineEndings', 'LF, CRLF, CR and mixed line endings', { cuts: 'anywhere', framing: framings.lineEndings }),
      property('Comments', 'comment lines, id and retry fields, no space after the colon', { cuts: 'anywhere', framing: framings.comments }),
      property(
        'StandardQuirks',
        'a leading BOM, events without event: after events with it, empty data: and bare data lines, lines without a colon, id with a NUL, retry with non-digits, Data: (not data), U+FEFF before a later field name (an unknown field), a lone CR ending a line, a block of unknown fields alone (no event)',
        { cuts: 'anywhere', framing: framings.quirks },
      ),
      property('MultiLineData', 'data over several data: lines, joined with LF', { cuts: 'anywhere', framing: framings.multiLineData }),
      // small enough that no decoder's time nears a request timeout: several SDKs rescan their whole buffer at
      // every read (quadratic), so one event of 64 KB takes them a minute, and a verdict would measure the machine
      fixed(
        'OneByteChunks',
        'fed one byte a chunk: 4 KB of events (LF), and one event of 1 KB with multi-byte characters (CRLF)',
        [oneByteChunks(typical, PLAIN, 4096), ...(long ? [oneByteChunks(long, { ...PLAIN, lineEndings: '\r\n' }, 0)] : [])],
        expectDecoded,
      ),
      fixed(
        'NulInData',
        'NUL in data is kept: only CR and LF end a line',
        NUL_STREAMS.map((t) => ({ values: decodeSse([encodeText(t)]).events.map((e) => e.data), framing: PLAIN, bytes: encodeText(t), cuts: [] })),
        expectDecodedText,
      ),
      {
        name: 'MissingFinalBlankLine',
        level: 'Informational',
        mode: 'observe',
        needs: ['sse'],
        description: 'a stream that ends without the blank line closing its last event (the standard discards that event)',
        cases: [
          {
            label: 'two events, the second never closed',
            shown: shownPayload(unterminatedText),
            observe: async (adapter: Adapter) => {
              const out = await adapter.sse!([unterminated]);
              if (!out.ok) return { behaviour: refusal(out.error, 'refused'), detail: `${out.error.kind}: ${out.error.message}` };
              const detail = render(out.events);
              if (out.events.length === 2) return { behaviour: 'dispatched', detail: `dispatched the unterminated event: ${detail}` };
              if (out.events.length === 1) return { behaviour: 'discarded', detail: `discarded it, as the standard says: ${detail}` };
              return { behaviour: `${out.events.length} events`, detail };
            },
          },
        ],
      },
    ];
  },
};
