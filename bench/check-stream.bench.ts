import * as fc from 'fast-check';
import { createParser } from 'eventsource-parser';
import { eventTypeOf, PROJECT_ROOT, type SchemaSet } from '../core/models.js';
import { validResponseStreams } from '../arbitraries/response-streams.js';
import { encodeSse, PLAIN } from '../arbitraries/sse/framing.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compare } from './measure.js';

const STREAMS = 300;
const CHUNK = 16 * 1024;

/** A log of whole response streams one after another, as a capture that appends streams holds them, in network-sized chunks. */
function capture(set: SchemaSet): { chunks: Uint8Array[]; events: number } {
  const streams = fc.sample(validResponseStreams(set), { seed: 26, numRuns: STREAMS });
  // sequence_number goes on from one stream to the next, as one log's numbering does
  let next = 0;
  const numbered = streams.map((events) => events.map((e) => ({ ...e, sequence_number: next++ })));
  const bytes = new TextEncoder().encode(numbered.map((events) => `${encodeSse(events, PLAIN)}data: [DONE]\n\n`).join(''));
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
  return { chunks, events: streams.reduce((n, s) => n + s.length, 0) };
}

/**
 * `orc check-stream` (its reading, every model and every stream rule) over
 * what a skilled person would write to validate a capture: eventsource-parser
 * and the ajv validator of each event's model, nothing else.
 */
export async function benchCheckStream(set: SchemaSet) {
  // the build orc check-stream runs (npm run bench builds it first): tsx's on-load compile names every closure it makes, a cost eventsource-parser, plain JavaScript, does not pay
  const { checkStream } = (await import(
    pathToFileURL(join(PROJECT_ROOT, 'dist', 'stream', 'check-stream.js')).href
  )) as typeof import('../stream/check-stream.js');
  const { chunks, events } = capture(set);
  const validators = new Map(set.models.flatMap((m) => (eventTypeOf(m) ? [[eventTypeOf(m)!, set.ajv.getSchema(m.id)!] as const] : [])));
  const orc = async () => {
    const r = await checkStream(
      set,
      (async function* () {
        yield* chunks;
      })(),
    );
    if (r.problemCount !== 0 || r.events !== events) throw new Error(`check-stream: ${r.problemCount} problems in ${r.events} events of a valid capture`);
  };
  const baseline = () => {
    let seen = 0;
    let invalid = 0;
    const parser = createParser({
      onEvent(e) {
        if (e.data === '[DONE]') return;
        seen++;
        const value = JSON.parse(e.data);
        if (!validators.get(value.type)?.(value)) invalid++;
      },
    });
    const decoder = new TextDecoder();
    for (const c of chunks) parser.feed(decoder.decode(c, { stream: true }));
    if (invalid !== 0 || seen !== events) throw new Error(`baseline: ${invalid} invalid of ${seen} events`);
  };
  const { a, b, ratio, roundRatios } = await compare(events, orc, baseline, 5);
  const megabytes = chunks.reduce((n, c) => n + c.length, 0) / 1e6;
  return {
    name: `check-stream: every model and stream rule vs eventsource-parser + ajv, ${STREAMS} whole response streams (${events.toLocaleString('en')} events, ${megabytes.toFixed(1)} MB)`,
    lines: [
      `check-stream:            ${Math.round(a.perSecond).toLocaleString('en')} events/s`,
      `eventsource-parser+ajv:  ${Math.round(b.perSecond).toLocaleString('en')} events/s`,
    ],
    ratio,
    roundRatios,
    target: 0.8,
    met: ratio >= 0.8,
  };
}
