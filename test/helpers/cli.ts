import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/models.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `orc` binary, as a user or CI would. */
export function orc(args: string[], env: Record<string, string> = {}, input?: string | Uint8Array, timeout = 120_000): CliResult {
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'orc.js'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout,
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
