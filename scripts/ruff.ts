// ruff, the formatter of the Python harnesses, pinned and installed once into a venv under .cache/
// from PyPI, so every machine formats them the same way whatever it has installed by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/models.js';

export const RUFF_VERSION = '0.17.5';

const HOME = join(PROJECT_ROOT, '.cache', 'ruff', RUFF_VERSION);
export const ruffBinary = (home = HOME) => join(home, 'bin', 'ruff');

const version = (bin: string) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();

/** What to do by hand when the install cannot: one line. */
export const RUFF_INSTALL_HINT = `python3 -m venv .cache/ruff/${RUFF_VERSION} && .cache/ruff/${RUFF_VERSION}/bin/pip install ruff==${RUFF_VERSION}`;

/** The pinned ruff, installed first when it is not there yet; throws one line saying what is missing. */
export function ensureRuff(home = HOME): string {
  const ruff = ruffBinary(home);
  if (existsSync(ruff) && version(ruff) === `ruff ${RUFF_VERSION}`) return ruff;
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const pipBin = join(home, 'bin', 'pip');
  if (!existsSync(pipBin)) {
    const venv = run('python3', ['-m', 'venv', home]);
    if (venv.error || venv.status !== 0) {
      throw new Error(
        `cannot make a venv for ruff (python3 -m venv: ${venv.error?.message ?? lastLine(venv.stderr)}); install Python 3 with venv (Debian: apt-get install python3-venv)`,
      );
    }
  }
  // into the venv as it is: a ruff of another version is replaced, and a venv made before a failed download is kept for the next try
  const pip = run(pipBin, ['install', '--quiet', '--disable-pip-version-check', '--retries', '2', '--timeout', '30', `ruff==${RUFF_VERSION}`]);
  if (pip.status !== 0 || version(ruff) !== `ruff ${RUFF_VERSION}`) {
    throw new Error(
      `could not install ruff==${RUFF_VERSION} from PyPI (${lastLine(pip.stderr) || pip.error?.message || `pip exited ${pip.status}`}); when PyPI is reachable run: ${RUFF_INSTALL_HINT}`,
    );
  }
  return ruff;
}

function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').pop() ?? '';
}
