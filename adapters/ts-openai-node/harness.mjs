#!/usr/bin/env node
// Harness for the `openai` npm package. Its event types are TypeScript interfaces only, so what it
// parses is what its stream yields: the payload goes through the SDK's own SSE decoder and JSON.parse
// (Stream.fromSSEResponse), exactly as a streamed event would. The package has no serializer: a program
// writes an event with JSON.stringify, which is not the SDK's code, so serialize is not declared.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Stream, _iterSSEMessages } from 'openai/core/streaming';

// the package does not export its package.json; read it where npm put it
const version = JSON.parse(readFileSync(new URL('./node_modules/openai/package.json', import.meta.url), 'utf8')).version;
const COMMON = ['type', 'item_id', 'output_index', 'sequence_number'];
// the fields of ResponseImageGenCall*Event as the SDK's .d.ts declares them
const FIELDS = {
  OpenResponsesImageGenCallInProgress: COMMON,
  OpenResponsesImageGenCallGenerating: COMMON,
  OpenResponsesImageGenCallPartialImage: [...COMMON, 'partial_image_b64', 'partial_image_index', 'background', 'output_format', 'quality', 'size'],
  OpenResponsesImageGenCallCompleted: COMMON,
};
const names = Object.keys(FIELDS);
// the `type` each model's interface declares: the union ResponseStreamEvent is told apart by it alone
const TYPES = {
  OpenResponsesImageGenCallInProgress: 'response.image_generation_call.in_progress',
  OpenResponsesImageGenCallGenerating: 'response.image_generation_call.generating',
  OpenResponsesImageGenCallPartialImage: 'response.image_generation_call.partial_image',
  OpenResponsesImageGenCallCompleted: 'response.image_generation_call.completed',
};
/**
 * A reply as JSON text that keeps what the SDK produced: -0 stays -0 (JSON.stringify writes 0), and a
 * non-finite number, which JSON has not, is shown as a string so that it stays visible.
 */
function jsonText(v) {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(String(v));
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  return `{${Object.entries(v)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`)
    .join(',')}}`;
}
const write = (o) => process.stdout.write(jsonText(o) + '\n');

/** The payload as one SSE event: each of its lines a `data:` line, as a server would frame it. */
function sseOf(payload) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < payload.length; i++) {
    if (payload[i] === 0x0a || payload[i] === 0x0d) {
      lines.push(payload.subarray(start, i));
      if (payload[i] === 0x0d && payload[i + 1] === 0x0a) i++;
      start = i + 1;
    }
  }
  lines.push(payload.subarray(start));
  return Buffer.concat([...lines.flatMap((l) => [Buffer.from('data: '), l, Buffer.from('\n')]), Buffer.from('\n')]);
}

async function parse(payload) {
  const response = new Response(sseOf(payload), { headers: { 'content-type': 'text/event-stream' } });
  const stream = Stream.fromSSEResponse(response, new AbortController());
  for await (const event of stream) return event;
  throw new SyntaxError('the stream yielded no event');
}

function render(model, event) {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const out = {};
  for (const f of FIELDS[model]) if (event[f] !== undefined) out[f] = event[f];
  return out;
}

const isSdkError = (e) => e instanceof SyntaxError || /OpenAIError|APIError/.test(e?.constructor?.name ?? '');

/** The SDK's SSE decoder on a body that delivers the chunks one read at a time, as a network would. */
async function sse(chunks) {
  const body = new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(new Uint8Array(Buffer.from(c, 'base64')));
      controller.close();
    },
  });
  const events = [];
  for await (const e of _iterSSEMessages(new Response(body), new AbortController())) events.push({ event: e.event ?? null, data: e.data });
  return events;
}

async function handle(req) {
  const fail = (kind, e) => ({ id: req.id, ok: false, error: { kind, message: `${e?.name ?? 'Error'}: ${String(e?.message ?? e).replace(/\s+/g, ' ')}` } });
  if (req.op === 'sse') {
    try {
      return { id: req.id, ok: true, events: await sse(req.chunks) };
    } catch (e) {
      return fail('exception', e);
    }
  }
  if (!FIELDS[req.model]) return { id: req.id, ok: false, error: { kind: 'unsupported', message: req.model } };
  if (req.op !== 'parse') return { id: req.id, ok: false, error: { kind: 'unsupported', message: `openai (npm) has no ${req.op}` } };
  let event;
  try {
    event = await parse(Buffer.from(req.payload, 'base64'));
  } catch (e) {
    return fail(isSdkError(e) ? 'parse_error' : 'exception', e);
  }
  // a program narrows the union by `type`: an event that names another type is not the model asked for
  if (typeof event?.type === 'string' && event.type !== TYPES[req.model]) {
    return { id: req.id, ok: false, error: { kind: 'parse_error', message: `the stream gave a ${event.type} event, not ${TYPES[req.model]}` } };
  }
  return { id: req.id, ok: true, value: render(req.model, event) };
}

write({ type: 'hello', protocol: 1, implementation: { name: 'openai (npm)', language: 'TypeScript', version }, operations: { parse: names, sse: names } });
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  if (!line.trim()) return;
  const req = JSON.parse(line);
  handle(req).then(write, (e) => write({ id: req.id, ok: false, error: { kind: 'exception', message: String(e) } }));
});
