import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';
import type { CheckResult } from '../core/results.js';
import { decodeReplay } from '../src/runner/replay-token.js';
import { orc } from './helpers/cli.js';

interface VitestJson {
  numTotalTests: number;
  testResults: { assertionResults: { ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }[] }[];
}

/**
 * A scratch SDK project with openresponses-conformance installed the way npm
 * installs it (the packed tarball, unpacked in node_modules; its dependencies
 * beside it), so the import goes through package.json "exports" as a user's does.
 */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orc-sdk-'));
  const modules = join(dir, 'node_modules');
  const pkg = join(modules, 'openresponses-conformance');
  mkdirSync(pkg, { recursive: true });
  const packed = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(dir, packed.stdout.trim().split('\n').pop()!);
  expect(spawnSync('tar', ['xzf', tarball, '--strip-components=1', '-C', pkg]).status).toBe(0);
  for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (name !== '.bin' && name !== '.package-lock.json') symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(modules, name));
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'some-sdk', type: 'module', private: true }));
  copyFileSync(join(PROJECT_ROOT, 'test/fixtures/vitest-sdk/sdk-conformance.ts'), join(dir, 'sdk.test.ts'));
  return dir;
}

function vitest(dir: string, env: Record<string, string> = {}, args: string[] = []): VitestJson {
  const out = join(dir, `results-${Date.now()}.json`);
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', `--outputFile=${out}`, ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env }, timeout: 180_000,
  });
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    throw new Error(`vitest wrote no results (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

const tests = (j: VitestJson) => j.testResults.flatMap((f) => f.assertionResults);

describe('openresponses-conformance/vitest in an SDK\'s own vitest run', () => {
  let dir: string;
  let results: ReturnType<typeof tests>;
  let orcResults: CheckResult[];
  beforeAll(() => {
    dir = scratchProject();
    results = tests(vitest(dir));
    const r = orc(['run', '--adapter', 'ts-openrouter-latest', '--model', 'OpenResponsesImageGenCallGenerating', '--seed', '7', '--runs', '25', '--json', '--quiet', '--out', join(dir, 'orc-out')]);
    orcResults = JSON.parse(r.stdout).results;
  });

  it('registers one test per check, named by its stable id, and maps statuses as orc run reports them', () => {
    const mine = results.filter((t) => t.ancestorTitles[0] === 'openresponses-conformance: ts-openrouter-latest');
    expect(mine.map((t) => t.title)).toEqual(orcResults.map((r) => r.id));
    const expected = { passed: 'passed', observed: 'passed', failed: 'failed', unsupported: 'skipped' } as const;
    expect(mine.map((t) => t.status)).toEqual(orcResults.map((r) => expected[r.status]));
    expect(mine.some((t) => t.status === 'failed')).toBe(true);
  });

  it('gives each failure the seeds, shrunk counterexample and replay token orc run gives', () => {
    for (const r of orcResults.filter((x) => x.status === 'failed')) {
      const t = results.find((x) => x.ancestorTitles[0]!.endsWith('ts-openrouter-latest') && x.title === r.id)!;
      const message = t.failureMessages.join('\n');
      expect(message).toContain(`(seed 7, check seed ${r.seed}, shrunk ${r.failure!.shrinks} times)`);
      expect(message).toContain(`token ${r.failure!.replay})`);
      expect(message).toContain(`bytes (base64): ${r.failure!.counterexample.payload!.base64}`);
    }
  });

  it('catches what an SDK\'s own in-process parser gets wrong', () => {
    const naive = results.filter((t) => t.ancestorTitles[0] === 'openresponses-conformance: naive-sdk');
    const status = (id: string) => naive.find((t) => t.title === id)?.status;
    expect(status('Required.Parse.AcceptsValid')).toBe('passed');
    expect(status('Required.Parse.RejectsMissingField.item_id')).toBe('failed');
    expect(naive.find((t) => t.title === 'Required.Parse.RejectsNull')!.failureMessages.join('')).toMatch(/accepted-invalid[\s\S]*payload: null/);
  });

  it('reruns exactly one reported case with ORC_REPLAY', () => {
    const failure = results.find((t) => t.ancestorTitles[0]!.endsWith('naive-sdk') && t.title === 'Required.Parse.RejectsMissingField.item_id')!;
    const token = /token (orc1\.[\w-]+)\)/.exec(failure.failureMessages.join('\n'))![1]!;
    expect(decodeReplay(token)).toMatchObject({ adapter: 'naive-sdk', check: 'Required.Parse.RejectsMissingField.item_id', seed: expect.any(Number) });
    const again = tests(vitest(dir, { ORC_REPLAY: token }, ['-t', 'Required.Parse.RejectsMissingField.item_id']));
    const ran = again.filter((t) => t.status !== 'skipped' && t.status !== 'pending');
    expect(ran.map((t) => `${t.ancestorTitles[0]} ${t.title} ${t.status}`)).toEqual(['openresponses-conformance: naive-sdk Required.Parse.RejectsMissingField.item_id failed']);
    expect(ran[0]!.failureMessages.join('')).toMatch(/\(replayed\): accepted-invalid/);
  });
});
