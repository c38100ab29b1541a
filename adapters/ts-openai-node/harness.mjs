#!/usr/bin/env node
// Harness for the `openai` npm package. Its event types are TypeScript interfaces only, so what it
// parses is what its stream yields: the payload goes through the SDK's own SSE decoder and JSON.parse
// (Stream.fromSSEResponse), exactly as a streamed event would. The package has no serializer: a program
// writes an event with JSON.stringify, which is not the SDK's code, so serialize is not declared.
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { bodyOf, sseOf, write } from '../_harness-lib/node/replies.mjs';

// which install of the package: `openai` (the pin) or an npm alias of another release beside it
// (`openai-latest`), so that two releases run through this one file
const pkg = process.argv[2] ?? 'openai';
const manifest = new URL(`./node_modules/${pkg}/package.json`, import.meta.url);
if (!/^openai(-[a-z0-9.-]+)?$/.test(pkg) || !existsSync(manifest)) {
  process.stderr.write(`harness.mjs: no package "${pkg}" installed here; give openai or an alias in package.json, and run npm run adapters:setup\n`);
  process.exit(2);
}
const { Stream, _iterSSEMessages } = await import(`${pkg}/core/streaming`);
// the package does not export its package.json; read it where npm put it
const version = JSON.parse(readFileSync(manifest, 'utf8')).version;
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
  const body = bodyOf(chunks);
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
