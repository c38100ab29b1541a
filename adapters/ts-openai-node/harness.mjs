#!/usr/bin/env node
// Harness for the `openai` npm package. Its event types are TypeScript interfaces only, so what it
// parses is what its stream yields: the payload goes through the SDK's own SSE decoder and JSON.parse
// (Stream.fromSSEResponse), exactly as a streamed event would, and is read through the union
// ResponseStreamEvent as a program narrows it by `type`: the members each interface declares, at every
// depth, as the package's .d.ts declares them (event-types.mjs). The package has no serializer: a program
// writes an event with JSON.stringify, which is not the SDK's code, so serialize is not declared.
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { bodyOf, sseOf, write } from '../_harness-lib/node/replies.mjs';
import { renderDeclared } from '../_harness-lib/node/declared-types.mjs';
import { eventTypes } from './event-types.mjs';

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
// ResponseStreamEvent's members by their `type`, and what each declares at every depth (event-types.mjs)
const graph = await eventTypes(pkg);
const types = Object.keys(graph.members);

async function parse(payload) {
  const response = new Response(sseOf(payload), { headers: { 'content-type': 'text/event-stream' } });
  const stream = Stream.fromSSEResponse(response, new AbortController());
  for await (const event of stream) return event;
  throw new SyntaxError('the stream yielded no event');
}

/** What a program narrowing ResponseStreamEvent by `type` holds: the member of that type, or a value no member is. */
function memberOf(event) {
  if (typeof event?.type === 'string' && Object.hasOwn(graph.members, event.type)) return graph.members[event.type];
  return undefined;
}

const untyped = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

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
  if (req.op !== 'parse' && req.op !== 'union') return { id: req.id, ok: false, error: { kind: 'unsupported', message: `openai (npm) has no ${req.op}` } };
  const wanted = req.op === 'parse' && Object.hasOwn(graph.members, req.event) ? graph.members[req.event] : undefined;
  if (req.op === 'parse' && !wanted)
    return { id: req.id, ok: false, error: { kind: 'unsupported', message: `ResponseStreamEvent has no ${req.event ?? req.model}` } };
  let event;
  try {
    event = await parse(Buffer.from(req.payload, 'base64'));
  } catch (e) {
    return fail(isSdkError(e) ? 'parse_error' : 'exception', e);
  }
  const member = memberOf(event);
  if (req.op === 'union') {
    // an object of no member's type is what JSON.parse made of it: a program's switch on `type` passes it over
    return { id: req.id, ok: true, value: member ? renderDeclared(graph, member.node, event) : event, as: member?.name ?? untyped(event) };
  }
  // a program narrows the union by `type`: an event that names another type is not the model asked for
  if (typeof event?.type === 'string' && event.type !== req.event) {
    return {
      id: req.id,
      ok: false,
      error: { kind: 'parse_error', message: `the union gave ${member?.name ?? 'no member'} (type ${event.type}), not ${wanted.name}` },
    };
  }
  return { id: req.id, ok: true, value: renderDeclared(graph, wanted.node, event) };
}

write({
  type: 'hello',
  protocol: 1,
  implementation: { name: 'openai (npm)', language: 'TypeScript', version },
  operations: { parse: types, sse: types, union: types },
});
createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  if (!line.trim()) return;
  const req = JSON.parse(line);
  handle(req).then(write, (e) => write({ id: req.id, ok: false, error: { kind: 'exception', message: String(e) } }));
});
