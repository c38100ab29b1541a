import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, difference, textDifference } from '../core/equality.js';
import type { Adapter } from '../core/contract.js';
import type { CheckResult, FailedResult, RunEvent } from '../core/results.js';
import { PROJECT_ROOT } from '../core/models.js';
import { twisted, mapsParsed } from '../mutants/mutant.js';
import { htmlReport } from '../reports/html.js';
import { markdownReport } from '../reports/markdown.js';
import { terminalReport } from '../reports/terminal.js';
import { GENERATING, set } from './helpers/adapters.js';
import { ONE_BUG_DECODERS, plainDecoder } from './helpers/one-bug-decoders.js';
import { byId, runChecks } from './helpers/run.js';
import { eventsDifference } from '../suites/sse-difference.js';

const textData = (got: string, expected: string) => textDifference(expected, got, 'data');

/** Where a mismatch message says it differs, at its very start: an event and its field or character, a path, or a count. */
const WHERE = /^(event \d+( of \d+: missing| event field(\[\d+\])?:| data(\[\d+\]| \/)| \/)|\d+ events? more than expected|\/\S+:|the (value|string))/;

const failures = (results: CheckResult[]) => results.filter((r): r is FailedResult => r.status === 'failed');

describe('a string mismatch: the first differing character, and a window of each string around it', () => {
  it('names the offset, quotes both sides as JSON with invisible characters escaped, and marks what it leaves out', () => {
    expect(textDifference('{"a":0}', '{"a":0}\r', 'data')).toBe('data[7]: expected "{\\"a\\":0}", got "{\\"a\\":0}\\r"');
    const long = (mid: string) => `${'x'.repeat(100)}a${mid}c${'y'.repeat(100)}`;
    expect(textDifference(long('b'), long('X'), 'data')).toBe('data[101]: expected …"xxxxxxxxxabcyyyyyyyyyyyy"…, got …"xxxxxxxxxaXcyyyyyyyyyyyy"…');
    // U+FEFF and U+2028, which JSON leaves raw, escaped too; a surrogate pair never cut
    expect(textDifference('ab', 'ab\ufeff\u2028', 'data')).toBe('data[2]: expected "ab", got "ab\\ufeff\\u2028"');
    expect(textDifference('ab😀cd', 'ab😁cd', 'x')).toBe('x[2]: expected "ab😀cd", got "ab😁cd"');
    expect(textDifference('same', 'same', 'x')).toBeUndefined();
  });

  it('difference() leads with the path at any depth, values cut short, and strings with their offset', () => {
    expect(difference({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } })).toBe('/a/b/1/c: expected 2, got 3');
    expect(difference({ item_id: 'ig_123' }, { item_id: 'ig_124' })).toBe('/item_id[5]: expected "ig_123", got "ig_124"');
    const d = difference({ a: 'x'.repeat(500) }, { a: { k: 'y'.repeat(500) } })!;
    expect(d).toMatch(/^\/a: expected "x+…, got \{"k":"y+…$/);
    expect(d.length).toBeLessThan(100);
    expect(brief('\u0001'.repeat(30), 20)).toBe('"\\u0001\\u0001\\u0001…');
  });
});

/** Each one-bug decoder's Required Sse results, run once for the tests that read them. */
let decoded: Promise<{ adapters: Adapter[]; results: CheckResult[][] }> | undefined;
function oneBugResults() {
  decoded ??= (async () => {
    const adapters = ONE_BUG_DECODERS.map(([, make]) => make());
    const results: CheckResult[][] = [];
    for (const a of adapters) results.push(await runChecks(a, { model: GENERATING, suite: 'Sse,Stream', level: 'Required' }));
    return { adapters, results };
  })();
  return decoded;
}

describe('five SSE decoders with one bug each: five messages that say where', () => {
  it('the plain decoder they are made from passes every Sse check', async () => {
    const results = await runChecks(plainDecoder(), { model: GENERATING, suite: 'Sse', level: 'Required' });
    expect(results.map((r) => r.status)).toEqual(results.map(() => 'passed'));
  });

  it('no event field and the type "message" are one type, as the standard dispatches it; another name is not', async () => {
    const named = await runChecks(plainDecoder({ defaultType: 'message' }), { model: GENERATING, suite: 'Sse', level: 'Required' });
    expect(named.map((r) => r.status)).toEqual(named.map(() => 'passed'));
    const other = await runChecks(plainDecoder({ defaultType: 'default' }), { model: GENERATING, suite: 'Sse', level: 'Required' });
    expect(other.filter((r) => r.status === 'failed').length).toBeGreaterThan(0);
  });

  it('each fails; its first failure names the event and field, character or count within 120 columns; no two are alike there', async () => {
    const first: string[] = [];
    const { results } = await oneBugResults();
    for (const [k, [bug]] of ONE_BUG_DECODERS.entries()) {
      const failed = failures(results[k]!);
      expect(failed.length, bug).toBeGreaterThan(0);
      for (const r of failed) {
        expect(r.failure.kind, `${bug}: ${r.id}`).toBe('mismatch');
        const line = r.failure.message.split('\n')[0]!;
        expect(line.length, `${bug}: ${r.id}: ${line}`).toBeLessThanOrEqual(120);
        expect(line, `${bug}: ${r.id}`).toMatch(WHERE);
        // the reference decoder's bookkeeping is never shown as what was expected
        expect(r.failure.message, `${bug}: ${r.id}`).not.toMatch(/"line"/);
      }
      first.push(failed[0]!.failure.message.slice(0, 120));
    }
    expect(new Set(first).size, first.join('\n')).toBe(5);
    const [keepsCr, keepsSpace, joins, losesLast, idAsData] = first;
    expect(keepsCr).toMatch(/^event 1 event field\[41\]: expected …"generating", got …"generating\\r"/);
    expect(keepsSpace).toMatch(/^event 1 event field\[0\]: expected "response\.image"…, got " response\.imag"…/);
    expect(joins).toMatch(/^event 1 data\[1\]: expected "\{\\n/);
    expect(losesLast).toMatch(/^event 1 of 1: missing \(decoded 0\); it began on line 1: data "\{/);
    expect(idAsData).toMatch(/^event 1 data\[0\]: expected "\{\\"type/);
  });

  it('on one check all five would fail alike before, each now says its own difference', async () => {
    const id = 'Required.Sse.NulInData';
    const messages = await Promise.all(
      ONE_BUG_DECODERS.filter(([bug]) => bug !== 'reads id: as data:').map(async ([, make]) =>
        byId(await runChecks(make(), { model: GENERATING, suite: id }), id),
      ),
    );
    expect(messages.map((r) => (r as FailedResult).failure.message)).toEqual([
      'event 1 data[4]: expected …"\\nx\\u0000", got …"\\nx\\u0000\\r"; decoded 1 event, the reference 2',
      'event 1 data[0]: expected "a\\u0000b", got " a\\u0000b" (the event that began on line 1)',
      'event 1 data[1]: expected "\\u0000\\nx\\u0000", got "\\u0000x\\u0000" (the event that began on line 1)',
      'event 1 of 1: missing (decoded 0); it began on line 1: data "a\\u0000b"',
    ]);
  });

  it('a decoder that dispatches an event too many says how many and what it holds', async () => {
    const extra: Adapter = twisted(set, 'adds-an-event', (ref) => ({
      sse: (chunks) => {
        const out = ref.sse!(chunks);
        return 'then' in out || !out.ok ? out : { ok: true, events: [...out.events, { event: null, data: '' }] };
      },
    }));
    const r = byId(await runChecks(extra, { model: GENERATING, suite: 'Required.Sse.ChunkedAnywhere' }), 'Required.Sse.ChunkedAnywhere') as FailedResult;
    expect(r.failure.message).toBe('1 event more than expected (1); event 2: data ""');
  });
});

describe('an event list against the reference decoder', () => {
  const ev = (event: string | null, data: string, line?: number) => ({ event, data, ...(line ? { line } : {}) });

  it('names the event and field, says the line in words, and keeps to one terminal line however long the events', () => {
    const name = 'response.image_generation_call.generating';
    expect(eventsDifference([ev('done', '{}', 3)], [ev(null, '{}')], textData)).toBe(
      'event 1 event field: expected "done", got none (the event that began on line 3)',
    );
    // the line said only where it fits after the difference
    expect(eventsDifference([ev(name, '{}', 3)], [ev(null, '{}')], textData)).toBe(`event 1 event field: expected "${name}", got none`);
    const big = `{"a":"${'x'.repeat(100_000)}"}`;
    const merged = eventsDifference([ev(null, big, 1), ev(null, big, 4)], [ev(null, `${big}\n${big}`)], textData)!;
    expect(merged).toMatch(/^event 1 data\[100008\]: expected …"x+\\"}", got …"x+\\"}\\n\{\\"a\\":\\"x+"…/);
    const missing = eventsDifference([ev(null, big, 1), ev(name, big, 4)], [ev(null, big)], textData)!;
    expect(missing).toMatch(/^event 2 of 2: missing \(decoded 1\); it began on line 4: data "\{\\"a\\":\\"x+…$/);
    for (const m of [merged, missing]) expect(m.length).toBeLessThanOrEqual(108);
  });
});

describe('a parse, serialize or stream mismatch names the path of the field', () => {
  const shifts = (x: unknown, key: string) => (key === 'output_index' && typeof x === 'number' ? x + 1 : x);

  it('a parser that reads output_index one too high: the path, expected and got, in the Parse check and in the event stream', async () => {
    const parser = mapsParsed(set, 'shifts-output-index', (x, key) => shifts(x, key) as never);
    const parse = byId(await runChecks(parser, { model: GENERATING, suite: 'Required.Parse.AcceptsValid' }), 'Required.Parse.AcceptsValid') as FailedResult;
    expect(parse.failure.message).toMatch(/^\/output_index: expected -?[\d.e+-]+, got -?[\d.e+-]+$/);
    const stream = byId(await runChecks(parser, { model: GENERATING, suite: 'Required.Sse.EventSequence' }), 'Required.Sse.EventSequence') as FailedResult;
    expect(stream.failure.message).toMatch(/^event \d+ \/output_index: expected -?[\d.e+-]+, got -?[\d.e+-]+$/);
  });

  it('a serializer that writes output_index one too high: the path, expected and got', async () => {
    const writer = twisted(set, 'writes-output-index-shifted', (ref) => ({
      serialize: (m, v) => ref.serialize(m, Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, shifts(x, k)])) as never),
    }));
    const results = await runChecks(writer, { model: GENERATING, suite: 'Serialize', level: 'Required' });
    for (const id of ['Required.Serialize.PreservesValue', 'Required.Serialize.WritesField.output_index'])
      expect((byId(results, id) as FailedResult).failure.message, id).toMatch(/^\/output_index: expected -?[\d.e+-]+, got -?[\d.e+-]+$/);
  });
});

/** The run's events for these results, as the runner emits them: what every report is rendered from. */
function runEvents(adapters: Adapter[], results: CheckResult[]): RunEvent[] {
  return [
    {
      type: 'run-started',
      run: { tool: { name: 'orc', version: '0' }, command: 'orc run', seed: 1, runs: 100, startedAt: 'now', models: [GENERATING], checks: 11 },
    },
    ...adapters.map((a): RunEvent => ({ type: 'adapter-started', adapter: a.info })),
    ...results.map((result): RunEvent => ({ type: 'check-finished', result })),
    { type: 'run-finished', finishedAt: 'then', complete: true },
  ];
}

const unMarkdown = (s: string) =>
  s
    .replace(/\\([\\`*_[\]()!|#~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const unHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the messages reach every place a person reads a failure', () => {
  it('the terminal (whole, within 120 columns), the Markdown summary and the HTML report', async () => {
    const { adapters, results: each } = await oneBugResults();
    const results = each.flat();
    const failed = failures(results);
    const events = runEvents(adapters, results);
    const terminal = terminalReport(events, { color: false, maxFailures: 100 }).split('\n');
    const md = unMarkdown(markdownReport(events));
    const html = unHtml(htmlReport(events));
    for (const r of failed) {
      const m = r.failure.message;
      expect(terminal, `${r.adapter} ${r.id}`).toContain(`  mismatch: ${m}`);
      expect(md, `${r.adapter} ${r.id}`).toContain(`**mismatch**: ${m}`);
      expect(html, `${r.adapter} ${r.id}`).toContain(`<b>mismatch</b>: ${m} <span`);
    }
    // whole: never cut by the terminal's 120 columns
    expect(Math.max(...terminal.filter((l) => l.startsWith('  mismatch: ')).map((l) => l.length))).toBeLessThanOrEqual(120);
  });

  it("the vitest entry's thrown error, read from a vitest of its own", () => {
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'vitest-mismatch');
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir, '--reporter=json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    const [test] = report.testResults[0].assertionResults;
    expect(test.fullName).toMatch(/Required\.Sse\.ChunkedInsideCrLf$/);
    const lines = (test.failureMessages[0] as string).split('\n');
    expect(lines[0]).toMatch(/^Required\.Sse\.ChunkedInsideCrLf failed for keeps-cr /);
    expect(lines[1]).toMatch(/^mismatch: event 1 event field\[41\]: expected …"generating", got …"generating\\r"/);
  }, 300_000);
});
