#!/usr/bin/env node
// Harness for Vercel's AI SDK Responses providers (`node harness.mjs openai|open-responses`), at the level its
// users see: the payload, framed as the one event of a server's stream, is the body of the Response a custom
// `fetch` returns to the provider's language model; its `doStream` reads it with the SDK's own SSE parser and
// chunk schema and emits stream parts, which parts.mjs reads back into the event's members. See README.md.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { bodyOf, sseOf, write } from '../_harness-lib/node/replies.mjs';
import { comparable, eventFromParts, eventTypeOf } from './parts.mjs';
import { loadProvider, partsOf, PROVIDERS } from './stream-parts.mjs';

const provider = process.argv[2];
if (!PROVIDERS[provider]) {
  process.stderr.write(`usage: node harness.mjs ${Object.keys(PROVIDERS).join('|')}\n`);
  process.exit(2);
}
const p = await loadProvider(provider);

/** The run's models that the parts can answer for (parts.mjs, `comparable`), and every model, for the decoder. */
function runModels() {
  const path = process.env.ORC_SCHEMAS;
  if (!path) return { parse: new Map(), all: [] };
  const { schemas, models } = JSON.parse(readFileSync(path, 'utf8'));
  const parse = new Map();
  for (const m of models) if (comparable(provider, schemas[m.id])) parse.set(m.name, eventTypeOf(schemas[m.id]));
  return { parse, all: models.map((m) => m.name) };
}
const models = runModels();

const oneLine = (e) => `${e?.name ?? 'Error'}: ${String(e?.message ?? e).replace(/\s+/g, ' ')}`.slice(0, 400);
// the SDK's own errors are named AI_…; anything else (a TypeError from reading `null`) is not a refusal it documents
const isSdkError = (e) => typeof e?.name === 'string' && e.name.startsWith('AI_');

async function parse(req) {
  const type = models.parse.get(req.model);
  let parts;
  try {
    parts = await partsOf(p, sseOf(Buffer.from(req.payload, 'base64'), 'data: [DONE]\n\n'));
  } catch (e) {
    return { ok: false, error: { kind: isSdkError(e) ? 'parse_error' : 'exception', message: oneLine(e) } };
  }
  const error = parts.find((x) => x.type === 'error');
  if (error) return { ok: false, error: { kind: 'parse_error', message: `an error part: ${oneLine(error.error)}` } };
  const event = eventFromParts(provider, type, parts);
  if (event) return { ok: true, value: event };
  const kinds = parts.map((x) => x.type).join(', ');
  return { ok: false, error: { kind: 'parse_error', message: `no part carries it (the stream gave ${kinds}): dropped` } };
}

/** The decoder parseJsonEventStream runs each body through, before its JSON step, over chunks read one at a time. */
async function sse(chunks) {
  const body = bodyOf(chunks);
  const events = [];
  for await (const e of body.pipeThrough(new TextDecoderStream()).pipeThrough(new p.EventSourceParserStream()))
    events.push({ event: e.event ?? null, data: e.data });
  return events;
}

async function handle(req) {
  if (req.op === 'sse') {
    try {
      return { id: req.id, ok: true, events: await sse(req.chunks) };
    } catch (e) {
      return { id: req.id, ok: false, error: { kind: 'exception', message: oneLine(e) } };
    }
  }
  if (req.op !== 'parse' || !models.parse.has(req.model)) return { id: req.id, ok: false, error: { kind: 'unsupported', message: `${req.op} ${req.model}` } };
  return { id: req.id, ...(await parse(req)) };
}

write({
  type: 'hello',
  protocol: 1,
  implementation: { name: p.pkg, language: 'TypeScript', version: p.version },
  operations: { parse: [...models.parse.keys()], sse: models.all },
});
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  if (!line.trim()) return;
  const req = JSON.parse(line);
  handle(req).then(write, (e) => write({ id: req.id, ok: false, error: { kind: 'exception', message: oneLine(e) } }));
});
