import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SCHEMA_DIR } from '../src/models.ts';
import { createAjv } from '../src/oracle.ts';

const validateReport = createAjv().compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8')));

/** A run long enough to stop in the middle: the reference adapter, thousands of cases per check. */
function longRun(out: string) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/orc.js'), 'run', '--adapter', 'reference', '--runs', '5000', '--seed', '3', '--quiet', '--out', out], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
    await until(() => existsSync(join(out, 'report.json')), 'the first periodic report');
    await new Promise((r) => setTimeout(r, 2500));
    run.child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    const json = report(out);
    expect(json).toMatchObject({ complete: false, incompleteReason: 'the run did not finish' });
    expect(json.results.length).toBeGreaterThan(0);
  });
});
