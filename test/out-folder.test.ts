import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';
import { orc } from './helpers/cli.js';

const quick = ['run', '--suite', 'Required.Parse.AcceptsValid', '--model', 'generating', '--runs', '1', '--quiet'];
const report = (out: string) => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

async function until(cond: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the --out folder: a lock that is not a live orc is taken over', () => {
  it.each([
    ['a folder', (lock: string) => mkdirSync(lock)],
    ['a dangling symbolic link', (lock: string) => symlinkSync('/nonexistent/orc-lock-target', lock)],
    ['a live process that is not orc (pid 1)', (lock: string) => writeFileSync(lock, '1\n')],
    ['garbage', (lock: string) => writeFileSync(lock, 'not a pid')],
  ])('%s in place of the lock', (_what, make) => {
    const out = mkdtempSync(join(tmpdir(), 'orc-lock-'));
    make(join(out, '.orc.lock'));
    const r = orc([...quick, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, '.orc.lock'))).toBe(false);
  });
});

describe('the --out folder never shows what an earlier run produced', () => {
  it("killed before its first result: every report says incomplete, none is the earlier run's, and its badges are gone", async () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-early-kill-'));
    expect(orc([...quick, '--seed', '11', '--out', out]).status).toBe(0);
    expect(report(out)).toMatchObject({ complete: true, run: { seed: 11 } });
    expect(readdirSync(join(out, 'badges'))).toEqual(['reference.json']);
    // a harness that takes its time to say hello: orc holds the folder, and has no result yet
    const slow = join(out, 'slow-hello.mjs');
    writeFileSync(slow, 'setTimeout(() => {}, 60_000);');
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/orc.js'), ...quick, '--seed', '12', '--adapter', `slow=cmd:${process.execPath} ${slow}`, '--out', out],
      { cwd: PROJECT_ROOT, stdio: 'ignore' },
    );
    const exited = new Promise((res) => child.on('exit', res));
    await until(() => existsSync(join(out, '.orc.lock')) && report(out).complete === false, 'the new run to hold the folder');
    child.kill('SIGKILL');
    await exited;
    const left = report(out);
    expect(left.complete).toBe(false);
    expect(left.passed).toBe(false);
    expect(left.run?.seed).not.toBe(11);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('Incomplete run');
    expect(existsSync(join(out, 'badges', 'reference.json'))).toBe(false);
  });

  it('a finished run leaves the badges of its own adapters only', () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-badges-'));
    mkdirSync(join(out, 'badges'));
    writeFileSync(join(out, 'badges', 'someone-else.json'), '{"schemaVersion":1,"label":"x","message":"100%"}');
    expect(orc([...quick, '--out', out]).status).toBe(0);
    expect(readdirSync(join(out, 'badges'))).toEqual(['reference.json']);
  });
});

describe('writing a report where a file stands in the way', () => {
  it('is a usage error naming the path and the cause, never an internal error from the clean-up', async () => {
    const { writeAtomic } = await import('../core/files.js');
    const { UsageError } = await import('../core/errors.js');
    const dir = mkdtempSync(join(tmpdir(), 'orc-in-the-way-'));
    writeFileSync(join(dir, 'file'), 'x');
    const attempt = () => writeAtomic(join(dir, 'file', 'report.json'), '{}');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/cannot write .*report\.json: ENOTDIR/);
  });
});
