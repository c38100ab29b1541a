import * as fc from 'fast-check';
import type { Adapter } from '../core/contract.js';
import { validValues } from '../arbitraries/index.js';
import { cutAt, encodeSse, framings, PLAIN, sseStreams, type Framing, type SseStream, type StreamOptions } from '../arbitraries/sse/framing.js';
import type { Json } from '../core/json.js';
import { decodeSse } from '../core/sse-decoder.js';
import type { CheckDraft, Shown, Suite, Verdict } from '../core/check.js';
import { fieldsOfType, typicalValue } from './typical.js';
import { refusal } from './behaviours.js';
import { andThen, encodeText, misbehaved, shownPayload } from './verdicts.js';
import { eventsDifference } from './sse-difference.js';
import { dataDifference, renderEvents } from './sse-data.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

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

/** The adapter's decoder against the reference decoder, on the same chunks. */
function expectDecoded(adapter: Adapter, s: SseStream): Verdict | Promise<Verdict> {
  const chunks = cutAt(s.bytes, s.cuts);
  const expected = decodeSse(chunks).events;
  return andThen(adapter.sse!(chunks), (out): Verdict => {
    if (!out.ok)
      return misbehaved(out.error) ?? { status: 'fail', kind: 'rejected-valid', message: `the decoder refused a valid stream: ${out.error.message}` };
    const where = eventsDifference(expected, out.events, (got, want) => dataDifference(adapter, got, want));
    return where === undefined ? { status: 'pass' } : { status: 'fail', kind: 'mismatch', message: where, answer: renderEvents(out.events) };
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
  description: SUITE_DESCRIPTIONS.Sse,
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
    return [
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
              const detail = renderEvents(out.events);
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
