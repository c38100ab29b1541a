/**
 * The lint step (`npm run lint`, part of `npm test`) checks that the harnesses' Go is as gofmt
 * writes it and their Python as the pinned ruff formats it: it fails on a file either would change,
 * says in one line what to install when a formatter is missing, and fails then only under CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';
import { GO_ROOTS, lint, PYTHON_ROOTS, sources } from '../scripts/lint-harnesses.js';
import { ensureRuff, RUFF_VERSION, ruffBinary } from '../scripts/ruff.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const hasGo = !spawnSync('gofmt', ['-l'], { input: '' }).error;
const ruff = (() => {
  try {
    // npm test runs the lint step, which installs it, before vitest; a bare vitest run installs it here
    return ensureRuff();
  } catch (e) {
    if (CI) throw e;
    return undefined;
  }
})();

const scratch = mkdtempSync(join(tmpdir(), 'orc-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A project tree of the given files, as the lint step walks one. */
function tree(files: Record<string, string>): string {
  const root = join(scratch, String(n++));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const goodGo = 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n';
const badGo = 'package main\nfunc main() {\n    println("hi")\n}\n';
const goodPy = 'import sys\n\nsys.stdout.write("hi\\n")\n';
const badPy = "import sys\nsys.stdout.write( 'hi\\n' )\n";

describe('lint:harnesses', () => {
  it('walks the harness sources, and not what builds leave beside them', () => {
    const go = sources(PROJECT_ROOT, GO_ROOTS, '.go');
    const py = sources(PROJECT_ROOT, PYTHON_ROOTS, '.py');
    expect(go).toEqual(expect.arrayContaining(['adapters/go-openai/main.go', 'adapters/_harness-lib/go/harness.go', 'bench/harnesses/echo-go/main.go']));
    expect(py).toEqual(
      expect.arrayContaining([
        'adapters/_harness-lib/python/orc_harness.py',
        'adapters/py-openai/harness.py',
        'bench/harnesses/echo.py',
        'test/harnesses/echo_harness.py',
      ]),
    );
    for (const f of [...go, ...py]) expect(f).not.toMatch(/(^|\/)(build|node_modules|__pycache__|\.cache)\//);
    const root = tree({
      'adapters/x/main.go': goodGo,
      'adapters/x/build/venv/lib/site.py': badPy,
      'adapters/y/node_modules/z/z.go': badGo,
      'test/other.py': badPy,
    });
    expect(sources(root, GO_ROOTS, '.go')).toEqual(['adapters/x/main.go']);
    expect(sources(root, PYTHON_ROOTS, '.py')).toEqual([]);
  });

  it.skipIf(!hasGo || !ruff)('passes formatted code and fails on a file gofmt or ruff would change, naming it', () => {
    expect(lint(tree({ 'adapters/x/main.go': goodGo, 'adapters/x/harness.py': goodPy }), { ruff: ruff! })).toEqual({
      failed: false,
      lines: ['lint:harnesses: Go formatted as its formatter writes it', 'lint:harnesses: Python formatted as its formatter writes it'],
    });
    const bad = lint(tree({ 'adapters/x/main.go': goodGo, 'bench/harnesses/y/main.go': badGo, 'bench/b.py': badPy, 'test/harnesses/ok.py': goodPy }), {
      ruff: ruff!,
    });
    expect(bad.failed).toBe(true);
    expect(bad.lines[0]).toMatch(/^lint:harnesses: Go not formatted: bench\/harnesses\/y\/main\.go; run /);
    expect(bad.lines[1]).toMatch(/^lint:harnesses: Python not formatted: bench\/b\.py; run /);
  });

  it.skipIf(!hasGo || !ruff)('checks and rewrites nothing; with write it formats', () => {
    const root = tree({ 'adapters/x/main.go': badGo, 'adapters/x/harness.py': badPy });
    lint(root, { ruff: ruff! });
    expect(readFileSync(join(root, 'adapters/x/main.go'), 'utf8')).toBe(badGo);
    expect(readFileSync(join(root, 'adapters/x/harness.py'), 'utf8')).toBe(badPy);
    expect(lint(root, { write: true, ruff: ruff! }).failed).toBe(false);
    expect(readFileSync(join(root, 'adapters/x/main.go'), 'utf8')).toBe(goodGo);
    expect(readFileSync(join(root, 'adapters/x/harness.py'), 'utf8')).toBe(goodPy);
    expect(lint(root, { ruff: ruff! }).failed).toBe(false);
  });

  it.skipIf(!hasGo || !ruff)("the project's own harness code is formatted", () => {
    expect(lint(PROJECT_ROOT, { ruff: ruff! })).toMatchObject({ failed: false });
  });

  it('a formatter it cannot get is one line saying what to install: skipped, and a failure under CI', () => {
    const root = tree({ 'adapters/x/harness.py': goodPy });
    const missing = { missing: 'could not install ruff' };
    expect(lint(root, { ruff: missing }).lines[1]).toBe('lint:harnesses: Python skipped: could not install ruff');
    expect(lint(root, { ruff: missing }).failed).toBe(false);
    expect(lint(root, { ruff: missing, ci: true })).toMatchObject({
      failed: true,
      lines: [expect.any(String), 'lint:harnesses: Python FAILED: could not install ruff'],
    });
  });

  it('a download that fails is one line saying what to install', () => {
    // pip as it answers without PyPI, in the venv ensureRuff would install into
    const home = join(scratch, 'ruff-home');
    mkdirSync(join(home, 'bin'), { recursive: true });
    writeFileSync(
      join(home, 'bin', 'pip'),
      '#!/bin/sh\necho "ERROR: Could not find a version"\necho "ERROR: No matching distribution found for ruff" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    let message = '';
    try {
      ensureRuff(home);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      `could not install ruff==${RUFF_VERSION} from PyPI (ERROR: No matching distribution found for ruff); when PyPI is reachable run: python3 -m venv .cache/ruff/${RUFF_VERSION} && .cache/ruff/${RUFF_VERSION}/bin/pip install ruff==${RUFF_VERSION}`,
    );
    expect(spawnSync(ruffBinary(home), ['--version']).error).toBeDefined();
  });

  it('npm test runs the lint step, and the lint step runs lint:harnesses', () => {
    const scripts = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.test).toMatch(/&& npm run lint &&/);
    expect(scripts.lint).toMatch(/npm run lint:harnesses/);
    expect(scripts['lint:harnesses']).toBe('tsx scripts/lint-harnesses.ts');
  });
});
