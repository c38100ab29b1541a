/**
 * No harness outlives orc, however orc ends: SIGTERM and SIGHUP stop the run
 * as Ctrl-C does (reports marked incomplete); SIGKILL, and a kill of orc's
 * whole process group (a CI cancel, `timeout`, `docker stop`), leave the
 * watchdog to kill every harness group, and the watchdog then goes too.
 * Each harness here hangs (never answers) behind a shell that does not exec
 * it, and every pid is checked by number, orphans included.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WATCHDOG_MARK } from '../adapters/stdio/watchdog.js';
import { PROJECT_ROOT } from '../core/models.js';

const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');

/** Running, not a zombie: a killed orphan waits for init to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const parentOf = (pid: number) =>
  Number(
    readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')[1],
  );

/** orc's watchdog, found by its mark and orc's pid in its command line. */
function watchdogOf(orcPid: number): number[] {
  const found: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (argv.includes(WATCHDOG_MARK) && argv.includes(String(orcPid))) found.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until<T>(get: () => T | undefined, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function settled(pids: number[]): Promise<number[]> {
  for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(alive);
}

/** orc in a process group of its own (as a CI job's shell starts it), against a harness that hangs on every request. */
async function hungRun() {
  const dir = mkdtempSync(join(tmpdir(), 'orc-killed-'));
  const pidFile = join(dir, 'pids');
  const out = join(dir, 'out');
  // "; true": a shell that cannot exec the harness stays, holding its pipes
  const line = `${process.execPath} ${HARNESS} spin-on-all; true`;
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/orc.js'), 'run', '--adapter', `hung=cmd:${line}`, '--model', 'generating', '--quiet', '--out', out],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, ORC_TEST_PIDFILE: pidFile, NO_COLOR: '1' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  const harness = await until(() => {
    try {
      return Number(readFileSync(pidFile, 'utf8').trim().split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  }, 'the harness to start');
  const shell = parentOf(harness);
  const [dog] = await until(() => {
    const w = watchdogOf(child.pid!);
    return w.length ? w : undefined;
  }, 'the watchdog');
  // the harness has a request it will never answer
  await new Promise((r) => setTimeout(r, 300));
  expect(alive(harness) && alive(shell) && alive(dog!)).toBe(true);
  expect(shell).not.toBe(child.pid);
  return { child, exited, harness, shell, dog: dog!, out, stderr: () => stderr };
}

describe('no harness outlives orc, whatever ends it', () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: the run stops as on Ctrl-C, reports marked incomplete, exit 130, and the harness, its shell and the watchdog are gone`, async () => {
      const run = await hungRun();
      process.kill(run.child.pid!, signal);
      const { code } = await run.exited;
      expect(code, run.stderr()).toBe(130);
      expect(run.stderr()).toContain(`${signal}: orc: stopping after the current check`);
      expect(JSON.parse(readFileSync(join(run.out, 'report.json'), 'utf8'))).toMatchObject({ complete: false });
      expect(await settled([run.harness, run.shell, run.dog])).toEqual([]);
    });
  }

  it('SIGKILL: the watchdog kills the harness group, then goes', async () => {
    const run = await hungRun();
    process.kill(run.child.pid!, 'SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    expect(await settled([run.harness, run.shell, run.dog])).toEqual([]);
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${signal} to orc's whole process group: the harness, its shell and the watchdog are gone`, async () => {
      const run = await hungRun();
      process.kill(-run.child.pid!, signal);
      await run.exited;
      expect(await settled([run.harness, run.shell, run.dog])).toEqual([]);
    });
  }
});
