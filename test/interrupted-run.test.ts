import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SCHEMA_DIR } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import { orc } from './helpers/cli.js';

const validateReport = createAjv().compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8')));

/** A run long enough to stop in the middle: the reference adapter, thousands of cases per check. */
function longRun(out: string) {
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/orc.js'), 'run', '--adapter', 'reference', '--runs', '5000', '--seed', '3', '--quiet', '--out', out],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

async function until(cond: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function report(out: string) {
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
  return json;
}

describe('a run that does not finish still leaves a valid report, marked incomplete', () => {
  it('on Ctrl-C: stops after the current check, writes every report, exits 130', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-int-'));
    const run = longRun(out);
    await until(() => run.stderr().includes('checks ×'), 'the run to start');
    await new Promise((r) => setTimeout(r, 1500));
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(130);
    expect(run.stderr()).toContain('reports will be marked incomplete');
    const json = report(out);
    expect(json.complete).toBe(false);
    expect(json.passed).toBe(false);
    expect(json.headline).toMatch(/^Not passed: the run is incomplete \(interrupted\)/);
    expect(json.results.length).toBeGreaterThan(0);
    expect(json.results.length).toBeLessThan(json.run.checks);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('**Incomplete run**');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Incomplete run');
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testsuites');
  });

  it('on a crash of the runner (killed outright): the last report written is whole and says it is incomplete', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-kill-'));
    const run = longRun(out);
    // reports are rewritten every two seconds while checks finish
    await until(
      () => existsSync(join(out, 'report.json')) && readFileSync(join(out, 'report.json'), 'utf8').includes('"status"'),
      'the first periodic report with results',
    );
    await new Promise((r) => setTimeout(r, 2500));
    run.child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    const json = report(out);
    expect(json).toMatchObject({ complete: false, incompleteReason: 'the run did not finish' });
    expect(json.results.length).toBeGreaterThan(0);
  });
});

describe("the output folder is the run's from its start", () => {
  it("a run killed before its first check leaves a report marked incomplete, never the previous run's", async () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-early-'));
    writeFileSync(join(out, 'report.json'), JSON.stringify({ complete: true, note: 'an earlier, green run' }));
    const run = longRun(out);
    await until(() => run.stderr().includes('checks ×'), 'the run to start');
    await until(() => readFileSync(join(out, 'report.json'), 'utf8').includes('"incompleteReason"'), 'the first report');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(report(out)).toMatchObject({ complete: false, incompleteReason: 'the run did not finish' });
  });

  it('a second orc on the same folder is refused with one line while the first runs, and the first finishes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-lock-'));
    const first = longRun(out);
    await until(() => underWay(out), 'the first run to hold the folder');
    const second = orc(['run', '--suite', 'Required.Parse.AcceptsValid', '--runs', '1', '--out', out]);
    expect(second.status).toBe(2);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(/another orc \(pid \d+\) is writing its reports to .*; wait for it to end, or give this one another --out/);
    first.child.kill('SIGINT');
    expect((await first.exited).code).toBe(130);
    expect(existsSync(join(out, '.orc.lock'))).toBe(false);
    // a lock its process left behind is taken over
    writeFileSync(join(out, '.orc.lock'), '999999999\n');
    expect(orc(['run', '--suite', 'Required.Parse.AcceptsValid', '--model', 'generating', '--runs', '1', '--out', out]).status).toBe(0);
  });

  it('Ctrl-C while a harness never answers: the check in progress is dropped, the reports are written, exit 130 at once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-hung-'));
    const harness = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');
    // every payload hangs: the harness answers nothing, and the per-request limit is an hour
    const child = spawn(
      process.execPath,
      [
        join(PROJECT_ROOT, 'bin/orc.js'),
        'run',
        '--adapter',
        `hung=cmd:${process.execPath} ${harness} hang-on-all`,
        '--model',
        'generating',
        '--timeout',
        '3600000',
        '--quiet',
        '--out',
        out,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    await until(() => underWay(out), 'the run to start');
    await new Promise((r) => setTimeout(r, 500));
    const sent = Date.now();
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(Date.now() - sent).toBeLessThan(10_000);
    const json = report(out);
    expect(json.complete).toBe(false);
    expect(json.results).toEqual([]);
  });
});

describe('bad output folders are one line, exit 2', () => {
  it.each([
    [
      'under a regular file',
      (d: string) => {
        writeFileSync(join(d, 'file'), 'x');
        return join(d, 'file', 'out');
      },
      /cannot make the folder .*ENOTDIR \(a file stands in the way\); give --out a folder you can write to/,
    ],
    [
      'a regular file itself',
      (d: string) => {
        writeFileSync(join(d, 'file'), 'x');
        return join(d, 'file');
      },
      /cannot make the folder .*EEXIST \(a file stands in the way\); give --out a folder you can write to/,
    ],
  ])('--out %s', (_what, make, message) => {
    const out = make(mkdtempSync(join(tmpdir(), 'orc-badout-')));
    const r = orc(['run', '--suite', 'Required.Parse.AcceptsValid', '--runs', '1', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

/** The folder's lock exists and its report says the run is under way. */
function underWay(out: string): boolean {
  return existsSync(join(out, '.orc.lock')) && existsSync(join(out, 'report.json'));
}
