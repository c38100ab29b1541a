import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/models.js';
import { compare } from './measure.js';

/**
 * `orc --version` from the compiled dist/ against the start the package had
 * before it was compiled: tsx's loader registered, the TypeScript sources
 * compiled on load (its cache warmed by the first round, as a user's is).
 */
export async function benchStartup() {
  const start = (args: string[]) => () => {
    const r = spawnSync(process.execPath, [...args, '--version'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} --version exited ${r.status}: ${r.stderr.slice(-300)}`);
  };
  const { a, b, ratio } = await compare(1, start([join(PROJECT_ROOT, 'bin', 'orc.js')]), start(['--import', 'tsx', join(PROJECT_ROOT, 'src', 'cli', 'main.ts')]), 9);
  return {
    name: 'start-up: orc --version, compiled (dist/) vs TypeScript compiled on load by tsx (the old bin)',
    startup: { compiledMs: Math.round(a.medianMs), tsxMs: Math.round(b.medianMs) },
    ratio,
    target: 2,
    met: ratio >= 2,
  };
}
