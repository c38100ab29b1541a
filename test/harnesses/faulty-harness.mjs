#!/usr/bin/env node
// A harness with one deliberate fault, chosen by argv[2], for the stdio client's tests.
// It parses like a lenient SDK: any JSON object is accepted and echoed back.
// Faults fire on payloads whose text contains the marker, so a test can aim them.
import { appendFileSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';

// the tests that check no process outlives orc read the pids here
const pidFile = process.env.ORC_TEST_PIDFILE;
if (pidFile) appendFileSync(pidFile, `${process.pid}\n`);

const fault = process.argv[2] ?? 'none';
const MODELS = ['OpenResponsesImageGenCallGenerating'];
const write = (o) => process.stdout.write(JSON.stringify(o) + '\n');
if (fault === 'hello-bad-operations') {
  /* written below */
} else if (fault === 'bad-hello') write({ type: 'hello', protocol: 1, implementation: { name: 'x' } });
else if (fault === 'old-protocol') write({ type: 'hello', protocol: 0, implementation: { name: 'x', language: 'JS', version: '0' }, operations: {} });
else
  write({
    type: 'hello',
    protocol: 1,
    implementation: { name: `faulty-${fault}`, language: 'JavaScript', version: '0.0.0' },
    operations: { parse: MODELS, serialize: MODELS },
  });

// a child that inherits the pipes and outlives the harness unless its process group is killed
if (fault === 'grandchild') {
  const { spawn } = await import('node:child_process');
  const kid = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' });
  if (pidFile) appendFileSync(pidFile, `${kid.pid}\n`);
}
if (fault === 'hello-bad-operations') write({ type: 'hello', protocol: 1, implementation: { name: 'x', language: 'JS', version: '0' }, operations: 42 });

const held = [];
function answer(req) {
  if (req.op === 'serialize' && fault === 'bad-base64') return { id: req.id, ok: true, bytes: '{not base64!}' };
  if (req.op === 'serialize') return { id: req.id, ok: true, bytes: Buffer.from(JSON.stringify(req.value)).toString('base64') };
  const text = Buffer.from(req.payload, 'base64').toString('utf8');
  if (text.includes('CRASH') && fault === 'crash') {
    process.stderr.write(`fatal: cannot handle ${text.slice(0, 40)}\n`);
    process.exit(3);
  }
  if (fault === 'crash-on-non-bmp' && /[\u{10000}-\u{10ffff}]/u.test(text)) {
    process.stderr.write('fatal: astral plane not supported\n');
    process.exit(4);
  }
  if (fault === 'crash-always') process.exit(5);
  // a recursive parser without a depth limit, and one that spins on it
  if (fault === 'crash-on-deep' && text.includes('[[[[[[[[[[')) process.exit(6);
  if (fault === 'hang-on-deep' && text.includes('[[[[[[[[[[')) return undefined;
  if (text.includes('HANG') && fault === 'hang') return undefined;
  if (fault === 'hang-on-all') return undefined;
  // stuck in a loop on its first request: it never sees stdin close, so only a kill ends it
  if (fault === 'spin-on-all') for (;;);
  // a parser that spins on large payloads: every one of them hangs (by characters, or by bytes)
  if (fault === 'hang-on-large' && text.length > 2000) return undefined;
  if (fault === 'hang-on-large-bytes' && Buffer.from(req.payload, 'base64').length > 2000) return undefined;
  // closes the descriptor itself, as a native program's close(1) does: no end of stream reaches orc while a shell holds a copy
  if (fault === 'close-stdout-fd' && text.includes('CLOSE')) {
    closeSync(1);
    setInterval(() => {}, 1000);
    return undefined;
  }
  // closes its stdout and runs on, reading requests it can never answer
  if (fault === 'close-stdout' && text.includes('CLOSE')) {
    process.stdout.end();
    setInterval(() => {}, 1000);
    return undefined;
  }
  // a parser stuck in a loop: it never reads stdin again, so only a kill ends it
  if (text.includes('HANG') && fault === 'spin') for (;;);
  if (text.includes('HUGE') && fault === 'huge-line')
    return `{"id":${req.id},"ok":true,"value":{"s":"${'x'.repeat(Number(process.env.ORC_TEST_LINE ?? 50_000_000))}"}}`;
  if (fault === 'grandchild' && text.includes('EXIT')) process.exit(7);
  if (text.includes('GARBAGE') && fault === 'garbage') return 'GARBAGE';
  if (text.includes('WRONGID') && fault === 'unknown-id') return { id: req.id + 100000, ok: true, value: {} };
  if (text.includes('BIGINT')) return '{"id":' + req.id + ',"ok":true,"value":{"n":9007199254740993}}';
  try {
    const v = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { id: req.id, ok: false, error: { kind: 'parse_error', message: 'not an object' } };
    return { id: req.id, ok: true, value: v };
  } catch (e) {
    return { id: req.id, ok: false, error: { kind: 'parse_error', message: String(e.message) } };
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const req = JSON.parse(line);
  if (fault === 'stderr') process.stderr.write(`debug: request ${req.id}\n`);
  const reply = answer(req);
  if (reply === undefined) return;
  if (fault === 'out-of-order') {
    // answers in reverse, in batches, whenever three are held or the request was the last of a burst
    held.push(reply);
    if (held.length >= 3) while (held.length) write(held.pop());
    else
      setTimeout(() => {
        while (held.length) write(held.pop());
      }, 20);
    return;
  }
  if (typeof reply === 'string') process.stdout.write(reply + '\n');
  else write(reply);
});
