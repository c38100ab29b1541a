/**
 * A run always ends and leaves nothing running: a harness runs in its own
 * process group, the whole group goes when it is killed or leaves, and orc
 * never waits on pipes a leftover child holds.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { PROJECT_ROOT, SCHEMA_DIR } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import { GENERATING, set } from './helpers/adapters.js';
import { planChecks } from '../runner/plan.js';
import { runCheck } from '../runner/run-check.js';
import { findModel } from '../core/models.js';
import { orc } from './helpers/cli.js';

const validateReport = createAjv().compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8')));

const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

/** Running, not a zombie: a killed orphan waits for init to reap it, and init here may never do. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The pids the harness (and its children) wrote down, once the harness has started. */
function pidsOf(file: string): number[] {
  return readFileSync(file, 'utf8').trim().split('\n').map(Number);
}

const parentOf = (pid: number) =>
  Number(
    readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')[1],
  );

async function settled(pids: number[]): Promise<number[]> {
  for (let i = 0; i < 50 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 20));
  return pids.filter(alive);
}

let pidFile = '';
function tracked(): string {
  pidFile = join(mkdtempSync(join(tmpdir(), 'orc-pids-')), 'pids');
  process.env.ORC_TEST_PIDFILE = pidFile;
  return pidFile;
}
afterEach(() => {
  delete process.env.ORC_TEST_PIDFILE;
});

describe('no harness process outlives its adapter', () => {
  it('a cmd: line whose shell does not exec the harness: a harness stuck in a loop is killed with its shell', async () => {
    const file = tracked();
    // "; true" keeps sh from exec'ing node, as dash does with any line it cannot hand over whole
    const a = await StdioAdapter.start({ name: 'shell', command: `${process.execPath} ${HARNESS} spin; true`, timeoutMs: 300, maxRestarts: 0 });
    const [harness] = pidsOf(file);
    expect(alive(harness!)).toBe(true);
    const o = await a.parse(GENERATING, bytes({ m: 'HANG' }));
    expect(o.ok).toBe(false);
    expect(!o.ok && o.error.kind).toBe('timeout');
    expect(await settled([harness!])).toEqual([]);
    await a.close();
  });

  it('a harness whose child keeps the pipes: when it exits, orc does not wait on them and the child goes too', async () => {
    const file = tracked();
    const a = await StdioAdapter.start({ name: 'grandchild', command: [process.execPath, HARNESS, 'grandchild'], timeoutMs: 2000, maxRestarts: 0 });
    const o = await a.parse(GENERATING, bytes({ m: 'EXIT' }));
    expect(!o.ok && o.error.kind).toBe('crash');
    expect(await settled(pidsOf(file))).toEqual([]);
    await a.close();
  });

  it('a harness that closes its stdout and runs on is a crash at once, not a wait for every timeout, and is ended', async () => {
    const file = tracked();
    const a = await StdioAdapter.start({ name: 'closer', command: [process.execPath, HARNESS, 'close-stdout'], timeoutMs: 60_000, maxRestarts: 0 });
    const sent = Date.now();
    const o = await a.parse(GENERATING, bytes({ m: 'CLOSE' }));
    expect(!o.ok && o.error).toMatchObject({ kind: 'crash', message: 'the harness closed its standard output but kept running' });
    expect(Date.now() - sent).toBeLessThan(30_000);
    expect(await settled(pidsOf(file))).toEqual([]);
    await a.close();
  });

  it("a cmd: line of plain words runs without a shell: the harness is orc's own child, and closing its stdout is a crash at once", async () => {
    const file = tracked();
    const a = await StdioAdapter.start({ name: 'closer', command: `"${process.execPath}" ${HARNESS} close-stdout-fd`, timeoutMs: 60_000, maxRestarts: 0 });
    const [harness] = pidsOf(file);
    expect(parentOf(harness!)).toBe(process.pid);
    const o = await a.parse(GENERATING, bytes({ m: 'CLOSE' }));
    expect(!o.ok && o.error).toMatchObject({ kind: 'crash', message: 'the harness closed its standard output but kept running' });
    expect(await settled([harness!])).toEqual([]);
    await a.close();
  });

  it('a cmd: line only a shell can run: a harness that closes its stdout behind the waiting shell is still a crash, not a timeout', async () => {
    const file = tracked();
    const a = await StdioAdapter.start({ name: 'closer', command: `${process.execPath} ${HARNESS} close-stdout-fd; true`, timeoutMs: 60_000, maxRestarts: 0 });
    const [harness] = pidsOf(file);
    const shell = parentOf(harness!);
    expect(shell).not.toBe(process.pid);
    const o = await a.parse(GENERATING, bytes({ m: 'CLOSE' }));
    expect(!o.ok && o.error).toMatchObject({ kind: 'crash', message: 'the harness closed its standard output but kept running' });
    expect(await settled([harness!, shell])).toEqual([]);
    await a.close();
  });

  it('a cmd: line only a shell can run, whose harness answers slowly: never taken for a closed stdout', async () => {
    const a = await StdioAdapter.start({
      name: 'slow',
      command: `sleep 3; ${process.execPath} ${HARNESS} none`,
      timeoutMs: 60_000,
      maxRestarts: 0,
      helloTimeoutMs: 60_000,
    });
    try {
      await new Promise((r) => setTimeout(r, 3000));
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
    } finally {
      await a.close();
    }
  });

  it('close() at the end of a run ends the harness and every child it started', async () => {
    const file = tracked();
    const a = await StdioAdapter.start({ name: 'grandchild', command: [process.execPath, HARNESS, 'grandchild'] });
    expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
    await a.close();
    expect(await settled(pidsOf(file))).toEqual([]);
  });
});

describe('what a harness writes is blamed on the right party', () => {
  it('a hello whose operations are not a map does not start, with or without --check-protocol', async () => {
    await expect(StdioAdapter.start({ name: 'h', command: [process.execPath, HARNESS, 'hello-bad-operations'], checkProtocol: false })).rejects.toThrow(
      /hello breaks schema\/protocol\/hello.schema.json: \/operations must be object/,
    );
    await expect(StdioAdapter.start({ name: 'h', command: [process.execPath, HARNESS, 'bad-hello'], checkProtocol: false })).rejects.toThrow(
      /must have required property 'language'|must have required property 'operations'/,
    );
  });

  it("bytes that are not base64 are a protocol fault of the harness, not the SDK's output", async () => {
    const a = await StdioAdapter.start({ name: 'b64', command: [process.execPath, HARNESS, 'bad-base64'] });
    try {
      const o = await a.serialize(GENERATING, { a: 1 });
      expect(!o.ok && o.error.kind).toBe('protocol');
      expect(!o.ok && o.error.message).toMatch(/"bytes" is not base64/);
    } finally {
      await a.close();
    }
  });

  it('a 50 MB reply line is read whole, once', async () => {
    const a = await StdioAdapter.start({ name: 'huge', command: [process.execPath, HARNESS, 'huge-line'], timeoutMs: 60_000 });
    try {
      const o = await a.parse(GENERATING, bytes({ m: 'HUGE' }));
      expect(o.ok).toBe(true);
      expect(o.ok && (o.value as { s: string }).s.length).toBe(50_000_000);
    } finally {
      await a.close();
    }
  });

  it('a line past the limit is its own kind of fault, and the run goes on', async () => {
    const a = await StdioAdapter.start({ name: 'huge', command: [process.execPath, HARNESS, 'huge-line'], maxLineChars: 1_000_000 });
    try {
      const o = await a.parse(GENERATING, bytes({ m: 'HUGE' }));
      expect(!o.ok && o.error.kind).toBe('oversized');
      expect(!o.ok && o.error.message).toMatch(/more than 1000000 characters/);
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
    } finally {
      await a.close();
    }
  });
});

describe('a hang costs a check its budget, not a timeout per case', () => {
  it('a harness that hangs on every large payload: the check fails as a timeout within its budget, with a large payload', async () => {
    const a = await StdioAdapter.start({ name: 'hangs-on-large', command: [process.execPath, HARNESS, 'hang-on-large'], timeoutMs: 500 });
    try {
      const check = planChecks({ set, models: [findModel(set, 'generating')], suite: 'Required.Parse.AcceptsLongString.item_id' })[0]!;
      const budgetMs = 4000;
      const r = await runCheck(check, a, { seed: 3, runs: 100, concurrency: 64, budgetMs });
      expect(r.status).toBe('failed');
      expect(r.failure!.kind).toBe('timeout');
      expect(JSON.parse(r.failure!.counterexample.payload!.text).item_id.length).toBeGreaterThan(2000);
      // the bound this guarantees: the budget, and one request timeout for what was in flight when it ran out
      expect(r.durationMs).toBeLessThan(budgetMs + 3000);
      // the harness is usable again for the next check
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
    } finally {
      await a.close();
    }
  });
});

describe('--check-time from the command line', () => {
  it('bounds a check against a harness that hangs on large payloads, and the run goes on', () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-budget-'));
    const r = orc([
      'run',
      '--adapter',
      `slow=cmd:${process.execPath} ${HARNESS} hang-on-large`,
      '--model',
      'generating',
      '--suite',
      'Required.Parse.AcceptsLongString.item_id,Required.Parse.AcceptsValid',
      '--timeout',
      '500',
      '--check-time',
      '3000',
      '--seed',
      '3',
      '--quiet',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const long = report.results.find((x: { id: string }) => x.id === 'Required.Parse.AcceptsLongString.item_id');
    expect(long.failure.kind).toBe('timeout');
    expect(long.durationMs).toBeLessThan(6000);
    expect(report.results.find((x: { id: string }) => x.id === 'Required.Parse.AcceptsValid').status).not.toBe('unsupported');
  });
});

describe('every restart is recorded', () => {
  it('a harness that crashes on some payloads: the report says how often it was restarted and why', () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-restarts-'));
    const r = orc([
      'run',
      '--adapter',
      `crashy=cmd:${process.execPath} ${HARNESS} crash-on-non-bmp`,
      '--model',
      'generating',
      '--suite',
      'Required.Parse.AcceptsNonBmp.item_id,Required.Parse.AcceptsValid',
      '--runs',
      '30',
      '--seed',
      '4',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    const [entry] = report.adapterRestarts;
    expect(entry.adapter).toBe('crashy');
    expect(entry.restarts).toEqual([{ kind: 'crash', message: 'the harness exited with code 4', count: expect.any(Number) }]);
    expect(entry.restarts[0].count).toBeGreaterThan(1);
    expect(r.stdout).toMatch(/crashy: the harness was restarted \d+ times: \d+× crash \(the harness exited with code 4\)/);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/↻ crashy: the harness was restarted \d+ times/);
  });
});
