#!/usr/bin/env node
// A stdio harness around the compiled reference implementation (dist/) with one bug, chosen by argv[2]:
// robustness mutants reached the way a real harness is, through `cmd:`, the protocol and the time budget.
import { createInterface } from 'node:readline';
import { loadSchemaSet, referenceAdapter } from '../dist/faces/index.js';

const bug = process.argv[2] ?? 'none';
const ref = referenceAdapter(loadSchemaSet());
const models = ['OpenResponsesImageGenCallGenerating'];
const write = (o) => process.stdout.write(JSON.stringify(o) + '\n');
write({
  type: 'hello',
  protocol: 1,
  implementation: { name: `mutant-${bug}`, language: 'JavaScript', version: '0' },
  operations: { parse: models, serialize: models, sse: models },
});

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const reply = (id, o) =>
  o.ok
    ? 'bytes' in o
      ? { id, ok: true, bytes: b64(o.bytes) }
      : 'events' in o
        ? { id, ok: true, events: o.events }
        : { id, ok: true, value: o.value }
    : { id, ok: false, error: o.error };

// a reader that truncates every number toward zero: wrong values in answers, nothing a restart hides
const truncated = (v) =>
  typeof v === 'number'
    ? Math.trunc(v)
    : Array.isArray(v)
      ? v.map(truncated)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, truncated(x)]))
        : v;
const parsed = (model, payload) => {
  const o = ref.parse(model, payload);
  return bug === 'truncates-fractions' && o.ok ? { ...o, value: truncated(o.value) } : o;
};

createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  const req = JSON.parse(line);
  const payload = req.payload === undefined ? undefined : Buffer.from(req.payload, 'base64');
  const text = payload?.toString('utf8') ?? '';
  // a parser that spins on large payloads: a request over 64 KB is never answered
  if (bug === 'hang-on-large' && payload && payload.length > 65536) return;
  // a native parser that aborts on characters outside the BMP
  if (bug === 'crash-on-non-bmp' && /[\u{10000}-\u{10ffff}]/u.test(text)) process.exit(4);
  // a recursive parser without a depth limit: deep nesting overflows its stack
  if (bug === 'crash-on-deep' && /[[{]{64}/.test(text.replace(/\s/g, ''))) process.exit(6);
  if (req.op === 'parse') write(reply(req.id, parsed(req.model, payload)));
  else if (req.op === 'serialize') write(reply(req.id, ref.serialize(req.model, req.value)));
  else if (req.op === 'sse') write(reply(req.id, ref.sse(req.chunks.map((c) => Buffer.from(c, 'base64')))));
  else write({ id: req.id, ok: false, error: { kind: 'unsupported', message: req.op } });
});
