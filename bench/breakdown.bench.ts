import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/models.js';
import { BUNDLED } from '../adapters/index.js';

const TICK_MS = 10; // the kernel's clock tick (USER_HZ 100), in which /proc counts CPU time
const SAMPLE_MS = 100;

/** utime + stime of one process, in ms; undefined once it is gone. */
function cpuOf(pid: number): { own: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the name, counted from state at 0: ppid 1, utime 11, stime 12
    return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

/** Every process below `root`, with its CPU so far. */
function descendants(root: number): Map<number, number> {
  const parent = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const c = cpuOf(Number(name));
    // its own time only: a shell's reaped children are sampled themselves
    if (c) parent.set(Number(name), { ppid: c.ppid, cpu: c.own });
  }
  const out = new Map<number, number>();
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid)?.ppid; p !== undefined && p > 1; p = parent.get(p)?.ppid) if (p === root) return true;
    return false;
  };
  for (const [pid, { cpu }] of parent) if (under(pid)) out.set(pid, cpu);
  return out;
}

interface Row {
  adapter: string;
  wallMs: number;
  orcCpuMs: number;
  harnessCpuMs: number;
  cases: number;
}

/**
 * One adapter's share of the main job: `orc run --adapter A --model M`
 * (runs 20, seed 1) as a child, its CPU split between orc and the harness it
 * starts by sampling /proc (Linux), the harness's last sample at most a
 * tenth of a second old.
 */
async function oneAdapter(adapter: string, model: string, out: string): Promise<Row> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'orc.js'), 'run', '--adapter', adapter, '--model', model, '--runs', '20', '--seed', '1', '--quiet', '--jobs', '1', '--out', out],
    { cwd: PROJECT_ROOT, stdio: 'ignore' },
  );
  const pid = child.pid!;
  const harness = new Map<number, number>();
  let orc = 0;
  const sample = () => {
    const me = cpuOf(pid);
    if (me) orc = me.own;
    for (const [p, cpu] of descendants(pid)) harness.set(p, Math.max(harness.get(p) ?? 0, cpu));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  clearInterval(timer);
  if (code !== 0 && code !== 1) throw new Error(`orc run --adapter ${adapter} exited ${code}`);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const cases = report.results.reduce((n: number, r: { casesRun?: number }) => n + (r.casesRun ?? 0), 0);
  return { adapter, wallMs: performance.now() - started, orcCpuMs: orc, harnessCpuMs: [...harness.values()].reduce((a, b) => a + b, 0), cases };
}

/**
 * Where the main job's time goes, adapter by adapter, on one flat and one
 * nested model: wall time, orc's CPU and the harness's, cases run. No ratio:
 * the breakdown the speed targets are read against.
 */
export async function benchBreakdown(models = ['OpenResponsesImageGenCallGenerating', 'ResponseOutputTextDeltaStreamingEvent']) {
  if (!existsSync('/proc/self/stat')) return { name: 'main job breakdown', lines: ['skipped: no /proc on this machine to read CPU times from'], rows: [] };
  const out = mkdtempSync(join(tmpdir(), 'orc-bench-breakdown-'));
  const rows: Row[] = [];
  for (const a of BUNDLED.filter((a) => !a.missing?.())) {
    const sum: Row = { adapter: a.name, wallMs: 0, orcCpuMs: 0, harnessCpuMs: 0, cases: 0 };
    for (const m of models) {
      const r = await oneAdapter(a.name, m, join(out, `${a.name}-${m}`));
      sum.wallMs += r.wallMs;
      sum.orcCpuMs += r.orcCpuMs;
      sum.harnessCpuMs += r.harnessCpuMs;
      sum.cases += r.cases;
    }
    rows.push(sum);
  }
  const total = rows.reduce((t, r) => t + r.orcCpuMs + r.harnessCpuMs, 0);
  const s = (ms: number) => (ms / 1000).toFixed(1).padStart(6);
  const lines = [
    `${'adapter'.padEnd(28)} ${'wall s'.padStart(6)} ${'orc s'.padStart(6)} ${'harness s'.padStart(9)} ${'share'.padStart(6)} ${'cases/s'.padStart(8)}`,
    ...rows.map(
      (r) =>
        `${r.adapter.padEnd(28)} ${s(r.wallMs)} ${s(r.orcCpuMs)} ${s(r.harnessCpuMs).padStart(9)} ${(((r.orcCpuMs + r.harnessCpuMs) / total) * 100).toFixed(1).padStart(5)}% ${Math.round(
          r.cases / (r.wallMs / 1000),
        )
          .toLocaleString('en')
          .padStart(8)}`,
    ),
    `all: orc ${s(rows.reduce((t, r) => t + r.orcCpuMs, 0)).trim()} s CPU, harnesses ${s(rows.reduce((t, r) => t + r.harnessCpuMs, 0)).trim()} s, wall ${s(rows.reduce((t, r) => t + r.wallMs, 0)).trim()} s one adapter at a time (${models.join(', ')}; runs 20, seed 1)`,
  ];
  return { name: `main job breakdown: each bundled adapter alone on ${models.length} models, orc's CPU and its harness's`, lines, rows };
}
