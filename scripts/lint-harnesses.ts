// `npm run lint:harnesses`: the harnesses' Go code is as gofmt writes it, their Python as the pinned
// ruff formats it (ruff.toml). It checks and rewrites nothing; with --write it formats them.
// Without Go, or without a ruff it could install, it says in one line what to install and skips that
// language; with CI=true that fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../core/models.js';
import { ensureRuff } from './ruff.js';

/** Where harness code lives, per language. */
export const GO_ROOTS = ['adapters', 'bench/harnesses'];
export const PYTHON_ROOTS = ['adapters', 'bench', 'mutants', 'test/harnesses'];

/** What builds and installs leave in those folders: SDK sources, venvs, binaries, not the project's code. */
const SKIP = new Set(['build', 'node_modules', '__pycache__', 'venv', '.venv']);

/** Every file under the roots whose name ends in ext, as paths relative to root, sorted. */
export function sources(root: string, roots: string[], ext: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory() && !SKIP.has(d.name) && !d.name.startsWith('.')) walk(join(dir, d.name));
      else if (d.isFile() && d.name.endsWith(ext)) out.push(relative(root, join(dir, d.name)));
    }
  };
  for (const r of roots) if (existsSync(join(root, r))) walk(join(root, r));
  return [...new Set(out)].sort();
}

/** The outcome of one formatter: the files it would change, or why it could not run. */
export type Verdict = { files: string[] } | { missing: string };

const oneLine = (text: string) => text.trim().split('\n').join('; ');

function run(cmd: string, args: string[], cwd: string) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The Go files gofmt would rewrite (with write, rewrites them). */
export function gofmt(cwd: string, files: string[], write = false): Verdict {
  if (files.length === 0) return { files: [] };
  const r = run('gofmt', [write ? '-w' : '-l', ...files], cwd);
  if (r.error) return { missing: 'gofmt not found; install Go 1.22 or newer (Debian: apt-get install golang; elsewhere https://go.dev/dl/)' };
  if (r.status !== 0) throw new Error(`gofmt failed: ${oneLine(r.stderr)}`);
  return { files: r.stdout.split('\n').filter(Boolean).sort() };
}

/** The Python files ruff format would rewrite (with write, rewrites them). */
export function ruffFormat(cwd: string, files: string[], write: boolean, ruff: string | { missing: string }): Verdict {
  if (typeof ruff !== 'string') return ruff;
  if (files.length === 0) return { files: [] };
  const config = join(PROJECT_ROOT, 'ruff.toml');
  const r = run(ruff, ['format', '--no-cache', '--config', config, ...(write ? [] : ['--check', '--output-format', 'concise']), ...files], cwd);
  // --check exits 1 when a file would change, 2 when ruff itself failed (a syntax error, a bad config)
  if (r.status !== 0 && !(r.status === 1 && !write)) throw new Error(`ruff format failed: ${oneLine(r.stderr || r.stdout)}`);
  const unformatted = [...r.stdout.matchAll(/^(.+):\d+:\d+: unformatted: /gm)].map((m) => m[1]!).sort();
  if (r.status === 1 && unformatted.length === 0) throw new Error(`ruff format --check refused files it did not name: ${oneLine(r.stdout)}`);
  return { files: write ? [] : unformatted };
}

function ensureRuffOrMissing(): string | { missing: string } {
  try {
    return ensureRuff();
  } catch (e) {
    return { missing: (e as Error).message };
  }
}

/** Checks (or with write, formats) the harness code under root: a line per language, and whether that fails. */
export function lint(root: string, options: { write?: boolean; ci?: boolean; ruff?: string | { missing: string } } = {}): { lines: string[]; failed: boolean } {
  const { write = false, ci = false } = options;
  const lines: string[] = [];
  let failed = false;
  for (const [language, verdict] of [
    ['Go', () => gofmt(root, sources(root, GO_ROOTS, '.go'), write)],
    ['Python', () => ruffFormat(root, sources(root, PYTHON_ROOTS, '.py'), write, options.ruff ?? ensureRuffOrMissing())],
  ] as const) {
    const v = verdict();
    if ('missing' in v) {
      lines.push(`lint:harnesses: ${language} ${ci ? 'FAILED' : 'skipped'}: ${v.missing}`);
      failed ||= ci;
    } else if (v.files.length > 0) {
      lines.push(`lint:harnesses: ${language} not formatted: ${v.files.join(', ')}; run "npm run lint:harnesses -- --write"`);
      failed = true;
    } else {
      lines.push(`lint:harnesses: ${language} ${write ? 'formatted' : 'formatted as its formatter writes it'}`);
    }
  }
  return { lines, failed };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { lines, failed } = lint(PROJECT_ROOT, { write: process.argv.includes('--write'), ci: process.env.CI === 'true' || process.env.CI === '1' });
    process.stdout.write(lines.map((l) => `${l}\n`).join(''));
    process.exitCode = failed ? 1 : 0;
  } catch (e) {
    process.stderr.write(`lint:harnesses: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
