import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/models.js';
import { compare, MIN_ROUNDS } from './measure.js';

/**
 * The main job cut down (every bundled adapter, one model, 10 cases per
 * property, so that five rounds of each take minutes) with the default
 * --jobs against --jobs 1: what running adapters at once buys while
 * out-of-process harnesses work.
 */
export async function benchJobs() {
  const out = mkdtempSync(join(tmpdir(), 'orc-bench-jobs-'));
  const jobs = availableParallelism();
  const job = (n: number) => () => {
    const r = spawnSync(
      process.execPath,
      [
        join(PROJECT_ROOT, 'bin', 'orc.js'),
        'run',
        '--adapter',
        'all',
        '--model',
        'generating',
        '--runs',
        '10',
        '--seed',
        '1',
        '--quiet',
        '--json',
        '--jobs',
        String(n),
        '--out',
        join(out, String(n)),
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`orc run --jobs ${n} exited ${r.status}: ${r.stderr.slice(-300)}`);
  };
  const { a, b, ratio, roundRatios } = await compare(1, job(jobs), job(1), MIN_ROUNDS);
  return {
    name: `main job, cut down: --jobs ${jobs} (the default here) vs --jobs 1`,
    jobs,
    parallel: { medianMs: Math.round(a.medianMs) },
    oneAtATime: { medianMs: Math.round(b.medianMs) },
    lines: [`--jobs ${jobs}: ${Math.round(a.medianMs).toLocaleString('en')} ms`, `--jobs 1: ${Math.round(b.medianMs).toLocaleString('en')} ms`],
    ratio,
    roundRatios,
    target: 1.3,
    met: ratio >= 1.3,
  };
}
