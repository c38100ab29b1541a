import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/models.js';
import { compare, MIN_ROUNDS } from './measure.js';

const COMPILED = [join(PROJECT_ROOT, 'bin', 'orc.js')];
/** The start orc had before: tsx's loader compiling the sources on load (its cache warmed by the first round, as a user's is). */
const TSX = ['--import', 'tsx', join(PROJECT_ROOT, 'faces', 'cli', 'main.ts')];

function starter(args: string[], command: string[]) {
  return () => {
    const r = spawnSync(process.execPath, [...args, ...command], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${[...args, ...command].join(' ')} exited ${r.status}: ${r.stderr.slice(-300)}`);
  };
}

/** `orc --version` from the compiled dist/ against the same sources compiled on load by tsx. */
export async function benchStartup() {
  const { a, b, ratio, roundRatios } = await compare(1, starter(COMPILED, ['--version']), starter(TSX, ['--version']), 9);
  return {
    name: 'start-up: orc --version, compiled (dist/) vs TypeScript compiled on load by tsx (the old bin)',
    startup: { compiledMs: Math.round(a.medianMs), tsxMs: Math.round(b.medianMs) },
    lines: [`compiled:    ${Math.round(a.medianMs)} ms`, `tsx on load: ${Math.round(b.medianMs)} ms`],
    ratio,
    roundRatios,
    target: 2,
    met: ratio >= 2,
  };
}

/**
 * A one-check run (the reference, the seed model, Required.Parse.AcceptsValid,
 * 100 cases) as orc starts now, against the start it had: tsx compiling on
 * load and fast-check's full-Unicode table built (bench/old-unicode-table.mjs).
 * The figure is time now over time then; the target is at most 0.35.
 */
export async function benchOneCheck() {
  const out = mkdtempSync(join(tmpdir(), 'orc-bench-one-'));
  const run = [
    'run',
    '--adapter',
    'reference',
    '--model',
    'generating',
    '--suite',
    'Required.Parse.AcceptsValid',
    '--runs',
    '100',
    '--seed',
    '1',
    '--quiet',
    '--out',
    out,
  ];
  const before = ['--import', join(PROJECT_ROOT, 'bench', 'old-unicode-table.mjs'), ...TSX];
  const { a, b, roundRatios } = await compare(1, starter(COMPILED, run), starter(before, run), 7);
  const share = a.medianMs / b.medianMs;
  return {
    name: 'one-check run: wall time now (compiled, binaryUnit) over the old start (tsx on load, full-Unicode table)',
    oneCheck: { nowMs: Math.round(a.medianMs), beforeMs: Math.round(b.medianMs) },
    lines: [`now:    ${Math.round(a.medianMs)} ms`, `before: ${Math.round(b.medianMs)} ms`],
    ratio: share,
    // a share of the old time: each round's time now over time then
    roundRatios: roundRatios.map((r) => 1 / r),
    target: 0.35,
    atMost: true,
    met: share <= 0.35,
  };
}

/** The CPU a whole `orc` process took (user and system, its start included), as it says itself at exit. */
function cpuOf(command: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'orc-bench-cpu-'));
  const file = join(dir, 'cpu');
  const atExit = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(${JSON.stringify(file)}, String(u.user + u.system)); });`,
  )}`;
  try {
    starter(['--import', atExit, ...COMPILED], command)();
    return Number(readFileSync(file, 'utf8')) / 1000;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `orc list` over `orc --version`, in CPU: listing the models, suites and
 * adapters must cost little more than starting, so it may not load what
 * runs a check (ajv, fast-check, a suite, an adapter's code).
 */
export async function benchListStart() {
  const rounds = Math.max(MIN_ROUNDS, 9);
  const list: number[] = [];
  const version: number[] = [];
  cpuOf(['list']);
  cpuOf(['--version']);
  for (let i = 0; i < rounds; i++) {
    list.push(cpuOf(['list']));
    version.push(cpuOf(['--version']));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const ratio = median(list) / median(version);
  return {
    name: 'orc list over orc --version, CPU of the whole process (compiled)',
    lines: [`orc list:      ${Math.round(median(list))} ms CPU`, `orc --version: ${Math.round(median(version))} ms CPU`],
    ratio,
    roundRatios: list.map((l, i) => l / version[i]!),
    target: 1.5,
    atMost: true,
    met: ratio <= 1.5,
  };
}
