import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adapter, SseOutcome } from '../core/contract.js';
import { validValues } from '../arbitraries/index.js';
import { cutAt, encodeSse, expectedData, expectedEvent, framings, PLAIN, sseStreams, type Framing } from '../arbitraries/sse/framing.js';
import { decodeSse, SseDecoder } from '../core/sse-decoder.js';
import { GENERATING, reference, set } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';
import { createParser } from 'eventsource-parser';
import { planChecks } from '../runner/plan.js';
import { MUTANTS } from '../mutants/index.js';
import type { SseStream } from '../arbitraries/sse/framing.js';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';

const enc = (s: string) => new TextEncoder().encode(s);
const model = set.models.find((m) => m.name === GENERATING)!;
const values = validValues(set, model.id);

describe('the reference SSE decoder', () => {
  it('gives back exactly the events the encoder framed, however framed and wherever cut', () => {
    const anyFraming = fc.oneof(framings.lineEndings, framings.comments, framings.multiLineData, framings.crlf, framings.quirks);
    fc.assert(
      fc.property(sseStreams(values, { framing: anyFraming, cuts: 'anywhere' }), (s) => {
        const { events, unterminated } = decodeSse(cutAt(s.bytes, s.cuts));
        expect(unterminated).toBe(false);
        expect(events.map((e) => [e.event, e.data])).toEqual(s.values.map((v, i) => [expectedEvent(v, i, s.framing), expectedData(v, s.framing)]));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('follows the standard on the awkward cases', () => {
    const one = (...chunks: string[]) => decodeSse(chunks.map(enc)).events.map((e) => [e.event, e.data]);
    expect(one('data: a\r', '\n\r', '\n')).toEqual([[null, 'a']]);
    expect(one('\ufeffdata: bom\n\n')).toEqual([[null, 'bom']]);
    expect(one('data\n\n')).toEqual([[null, '']]);
    expect(one('data:  two spaces\n\n')).toEqual([[null, ' two spaces']]);
    expect(one('event: e\n\n', 'data: x\n\n')).toEqual([[null, 'x']]);
    expect(one('data: a\ndata: b\r\rdata: c\n')).toEqual([[null, 'a\nb']]);
    const d = new SseDecoder();
    const bytes = enc('data: é\n\n');
    expect([...bytes.subarray(0, 7)].flatMap((_, i) => d.push(bytes.subarray(i, i + 1)))).toEqual([]);
    expect(d.push(bytes.subarray(7)).map((e) => e.data)).toEqual(['é']);
    expect(decodeSse([enc('data: a\n\ndata: cut')]).unterminated).toBe(true);
  });

  it('the encoder never merges a CR and the LF of the next blank line into one CRLF', () => {
    const f: Framing = { ...PLAIN, lineEndings: 'mixed' };
    const text = encodeSse([{ type: 't' }, { type: 't' }], f, (i) => (i % 3 === 1 ? '\r' : '\n'));
    expect(decodeSse([enc(text)]).events).toHaveLength(2);
  });
});

/** The reference adapter with a decoder of its own, broken one way. */
function withDecoder(name: string, sse: (chunks: Uint8Array[]) => SseOutcome): Adapter {
  const base = reference();
  return { ...base, info: { ...base.info, name }, sse };
}
const ok = (events: { event: string | null; data: string }[]): SseOutcome => ({ ok: true, events });

/** A line splitter after a naive decoder: only LF ends a line, each chunk decoded alone. */
function naiveLines(
  text: string,
  state: { buf: string; event: string | null; data: string[] },
  out: { event: string | null; data: string }[],
  opts: { crAware?: boolean; joinWith?: string } = {},
) {
  state.buf += text;
  const parts = state.buf.split(opts.crAware ? /\r\n|\r|\n/ : '\n');
  state.buf = parts.pop()!;
  for (const raw of parts) {
    const line = raw.replace(/\r$/, '');
    if (line === '') {
      if (state.data.length) out.push({ event: state.event, data: state.data.join(opts.joinWith ?? '\n') });
      state.data = [];
      state.event = null;
    } else if (line.startsWith('data: ')) state.data.push(line.slice(6));
    else if (line.startsWith('event: ')) state.event = line.slice(7);
  }
}

/** The reference decoder after a rewrite of the whole stream's text: one framing defect each. */
const rewritten =
  (rewrite: (text: string) => string) =>
  (chunks: Uint8Array[]): SseOutcome => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));
    return ok(decodeSse([enc(rewrite(text))]).events.map((e) => ({ event: e.event, data: e.data })));
  };
const QUIRKS = 'Required.Sse.StandardQuirks';

const BROKEN: [string, string, (chunks: Uint8Array[]) => SseOutcome][] = [
  ['keeps a leading BOM as part of the first line', QUIRKS, rewritten((t) => t.replace(/^\uFEFF/, 'X'))],
  ['drops empty data: lines from a value', QUIRKS, rewritten((t) => t.replace(/^data: ?(\r\n|\r|\n)/gm, ''))],
  ['ignores a line without a colon (bare data is an empty value)', QUIRKS, rewritten((t) => t.replace(/^[^:\r\n]+(\r\n|\r|\n)/gm, ''))],
  ['reads Data: as data', QUIRKS, rewritten((t) => t.replace(/^Data:/gm, 'data:'))],
  [
    'keeps the previous event type for an event without one',
    QUIRKS,
    (chunks) => {
      let last: string | null = null;
      return ok(decodeSse(chunks).events.map((e) => ({ event: (last = e.event ?? last), data: e.data })));
    },
  ],
  [
    'resets its buffer at every network chunk',
    'Required.Sse.ChunkedAnywhere',
    (chunks) => {
      const out: { event: string | null; data: string }[] = [];
      for (const c of chunks) naiveLines(new TextDecoder().decode(c), { buf: '', event: null, data: [] }, out, { crAware: true });
      return ok(out);
    },
  ],
  [
    'decodes UTF-8 chunk by chunk',
    'Required.Sse.ChunkedInsideUtf8',
    (chunks) => {
      const out: { event: string | null; data: string }[] = [];
      const st = { buf: '', event: null, data: [] };
      for (const c of chunks) naiveLines(new TextDecoder().decode(c), st, out, { crAware: true });
      return ok(out);
    },
  ],
  [
    'takes a CR at the end of a chunk and the LF after it for two line endings',
    'Required.Sse.ChunkedInsideCrLf',
    (chunks) => {
      const out: { event: string | null; data: string }[] = [];
      const st = { buf: '', event: null, data: [] };
      const td = new TextDecoder();
      for (const c of chunks) naiveLines(td.decode(c, { stream: true }).replace(/\r$/, '\r\n').replace(/^\n/, '\n'), st, out, { crAware: true });
      return ok(out);
    },
  ],
  [
    'knows only LF line endings',
    'Required.Sse.LineEndings',
    (chunks) => {
      const out: { event: string | null; data: string }[] = [];
      const st = { buf: '', event: null, data: [] };
      const td = new TextDecoder();
      for (const c of chunks) naiveLines(td.decode(c, { stream: true }), st, out);
      return ok(out);
    },
  ],
  [
    'needs a space after the colon',
    'Required.Sse.Comments',
    (chunks) => {
      const out: { event: string | null; data: string }[] = [];
      const st = { buf: '', event: null, data: [] };
      const td = new TextDecoder();
      for (const c of chunks) naiveLines(td.decode(c, { stream: true }), st, out, { crAware: true });
      return ok(out);
    },
  ],
  [
    'joins data lines without LF',
    'Required.Sse.MultiLineData',
    (chunks) => {
      const out: { event: string | null; data: string }[] = [];
      const st = { buf: '', event: null, data: [] };
      const td = new TextDecoder();
      for (const c of chunks) naiveLines(td.decode(c, { stream: true }), st, out, { crAware: true, joinWith: '' });
      return ok(out);
    },
  ],
];

describe('each SSE check catches a decoder broken for the purpose', () => {
  it('the reference decoder passes every one', async () => {
    const results = await runChecks(reference(), { model: GENERATING, suite: 'Sse' });
    expect(results.filter((r) => r.level === 'Required').map((r) => [r.id, r.status])).toEqual(
      results.filter((r) => r.level === 'Required').map((r) => [r.id, 'passed']),
    );
    const seen = byId(results, 'Informational.Sse.MissingFinalBlankLine').observations![0]!;
    expect(seen.behaviour).toBe('discarded');
    expect(seen.outcome).toMatch(/^discarded it, as the standard says: \[\{"event":"response\.image_generation_call\.generating"/);
  });

  it.each(BROKEN)('a decoder that %s fails %s, with the chunks in the counterexample', async (name, id, sse) => {
    const results = await runChecks(withDecoder(name, sse), { model: GENERATING, suite: 'Sse' });
    const r = byId(results, id);
    expect(r.status, JSON.stringify(results.map((x) => [x.id, x.status]))).toBe('failed');
    expect(r.failure!.kind).toBe('mismatch');
    expect(r.failure!.counterexample.note).toMatch(/event\(s\) in \d+ chunk\(s\)/);
    expect(r.failure!.replayCommand).toMatch(/^npx orc replay orc1\./);
  });

  it('a decoder that hands data on as JSON it wrote again is compared by JSON value, and only when it says so', async () => {
    // a Speakeasy Go stream: the reference's events, data re-marshalled compact with <, >, & escaped
    const remarshal = (chunks: Uint8Array[]): SseOutcome =>
      ok(
        decodeSse(chunks).events.map((e) => {
          try {
            return { event: e.event, data: JSON.stringify(JSON.parse(e.data)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) };
          } catch {
            return e;
          }
        }),
      );
    const checks = { model: GENERATING, suite: 'Required.Sse.Comments,Required.Sse.ChunkedAnywhere' };
    const silent = await runChecks(withDecoder('remarshals', remarshal), checks);
    expect(silent.map((r) => r.status)).toEqual(['failed', 'failed']);
    const json = (name: string, sse: (chunks: Uint8Array[]) => SseOutcome): Adapter => ({
      ...withDecoder(name, sse),
      info: { ...reference().info, name, sseData: 'json' },
    });
    expect((await runChecks(json('remarshals-and-says-so', remarshal), checks)).map((r) => r.status)).toEqual(['passed', 'passed']);
    // the JSON comparison forgives the text, never the events: a decoder that drops the second of two still fails
    const dropsSecond = (chunks: Uint8Array[]): SseOutcome => ok(decodeSse(chunks).events.slice(0, 1));
    expect(byId(await runChecks(json('drops-second', dropsSecond), checks), 'Required.Sse.Comments').status).toBe('failed');
  });

  it('Required.Sse.EventSequence catches a decoder that drops an event split across chunks', async () => {
    const results = await runChecks(withDecoder('resets', BROKEN.find(([name]) => name === 'resets its buffer at every network chunk')![2]), {
      model: GENERATING,
      suite: 'Required.Sse.EventSequence',
    });
    expect(byId(results, 'Required.Sse.EventSequence').status).toBe('failed');
  });
});

/** eventsource-parser, an oracle this project did not write, fed text decoded as the standard says (the BOM left for it to strip). */
function oracle(chunks: Uint8Array[]): [string | null, string][] {
  const out: [string | null, string][] = [];
  const parser = createParser({ onEvent: (e) => out.push([e.event ?? null, e.data]) });
  const text = new TextDecoder('utf-8', { ignoreBOM: true });
  for (const c of chunks) parser.feed(text.decode(c, { stream: true }));
  parser.feed(text.decode());
  return out;
}
const ours = (chunks: Uint8Array[]) => decodeSse(chunks).events.map((e) => [e.event, e.data]);
const NEW_CASES = 'Required.Sse.OneByteChunks,Required.Sse.NulInData';

describe('the cases the standard gives and StandardQuirks once never sent', () => {
  it('the reference decoder agrees with eventsource-parser on each: quirky streams, NUL in data, 4 KB a byte at a time', () => {
    fc.assert(
      fc.property(sseStreams(values, { framing: framings.quirks, cuts: 'anywhere' }), (s) => {
        const chunks = cutAt(s.bytes, s.cuts);
        expect(ours(chunks)).toEqual(oracle(chunks));
      }),
      { seed: 9, numRuns: 300 },
    );
    const checks = planChecks({ set, models: [model], suite: NEW_CASES });
    expect(checks.map((c) => c.id)).toEqual(['Required.Sse.OneByteChunks', 'Required.Sse.NulInData']);
    for (const c of checks) {
      if (c.mode !== 'property' || !c.cases) throw new Error(`${c.id}: a list of cases`);
      for (const s of c.cases() as SseStream[]) {
        const chunks = cutAt(s.bytes, s.cuts);
        expect(ours(chunks), c.id).toEqual(oracle(chunks));
        if (c.id.endsWith('OneByteChunks')) expect(chunks.every((x) => x.length === 1)).toBe(true);
      }
      if (c.id.endsWith('OneByteChunks')) expect((c.cases() as SseStream[])[0]!.bytes.length).toBeGreaterThanOrEqual(4096);
    }
  });

  it("the standard's words, case by case", () => {
    const one = (text: string) => ours([enc(text)]);
    // a BOM is stripped at the start of the stream only: later, U+FEFF is part of the field name
    expect(one('\ufeffdata: a\n\n\ufeffdata: b\n\ndata: c\n\n')).toEqual([
      [null, 'a'],
      [null, 'c'],
    ]);
    // a block of unknown fields alone has empty data and dispatches nothing
    expect(one('foo: bar\nData: x\n\ndata: d\n\n')).toEqual([[null, 'd']]);
    // CR, LF and CRLF each end a line, one stream mixing them
    expect(one('data: a\rdata: b\n\r\n')).toEqual([[null, 'a\nb']]);
    expect(one('data: a\u0000b\n\n')).toEqual([[null, 'a\u0000b']]);
  });

  it('the reference passes the new checks', async () => {
    const results = await runChecks(reference(), { model: GENERATING, suite: `${QUIRKS},${NEW_CASES}` });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [QUIRKS, 'passed'],
      ['Required.Sse.OneByteChunks', 'passed'],
      ['Required.Sse.NulInData', 'passed'],
    ]);
  });

  it.each([
    ['sse-strips-bom-every-line', QUIRKS, /\ufeffdata/],
    ['sse-dispatches-empty', QUIRKS, /foo: ?bar/],
    ['sse-no-lone-cr', QUIRKS, /\r(?!\n)/],
    ['sse-drops-nul', 'Required.Sse.NulInData', /\u0000/],
    ['sse-read-limit', 'Required.Sse.OneByteChunks', /one byte a chunk/],
  ])('the one-bug decoder %s fails %s', async (name, id, shown) => {
    const adapter = MUTANTS.find((m) => m.name === name)!.make(set) as Adapter;
    const r = byId(await runChecks(adapter, { model: GENERATING, suite: id }), id);
    expect(r.status).toBe('failed');
    expect(`${r.failure!.counterexample.payload!.text}${r.failure!.counterexample.note}`).toMatch(shown);
  });

  it('a decoder that hands data on as JSON says nothing on data that is not JSON: NulInData does not fail it', async () => {
    const json: Adapter = { ...reference(), info: { ...reference().info, name: 'json-data', sseData: 'json' } };
    expect(byId(await runChecks(json, { model: GENERATING, suite: 'Required.Sse.NulInData' }), 'Required.Sse.NulInData').status).not.toBe('failed');
  });
});

describe("the real SDKs on the standard's cases", () => {
  const built = (name: string) => isBuilt(loadManifests().find((m) => m.adapters.some((a) => a.name === name))!);
  // openai's Node decoder strips U+FEFF from every line, not only the stream's first: "\ufeffdata:" becomes data
  it('ts-openai-node reads "\\ufeffdata:" on a later line as data: StandardQuirks fails it', async () => {
    if (!built('ts-openai-node')) {
      if (process.env.CI === 'true' || process.env.CI === '1') throw new Error('ts-openai-node is not built in CI');
      return;
    }
    const a = await bundledHarnesses()
      .find((f) => f.name === 'ts-openai-node')!
      .create({ set });
    try {
      const r = byId(await runChecks(a, { model: GENERATING, suite: `${QUIRKS},${NEW_CASES}` }), QUIRKS);
      expect(r.failure?.kind).toBe('mismatch');
      expect(JSON.parse(r.failure!.answer!)[0].data).toMatch(/^\{"not":"data"\}\n/);
    } finally {
      await a.close?.();
    }
  }, 120_000);
});
