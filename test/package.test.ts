import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../adapters/index.js';
import { PROJECT_ROOT } from '../core/models.js';
import type { CheckResult } from '../core/results.js';
import { decodeReplay } from '../runner/replay-token.js';
import { NODE_VERSIONS, nodeBinary } from '../scripts/node-versions.js';
import { packPackage, type Packed } from '../scripts/pack.js';

/**
 * The package as a user gets it: `npm run package`, the tarball installed by npm
 * into a fresh project (its dependencies from the registry, nothing linked
 * from this repository), then used there from TypeScript, from the SDK's
 * own vitest and from the command line, on every supported Node.
 */

const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');
const NODES = [{ version: process.versions.node, bin: process.execPath }, ...NODE_VERSIONS.map((version) => ({ version, bin: nodeBinary(version) }))];
const devVersion = (name: string) => (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).devDependencies as Record<string, string>)[name]!;

interface VitestJson {
  numTotalTests: number;
  testResults: { assertionResults: { ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }[] }[];
}

let packed: Packed;
let dir: string;

function sh(cmd: string, args: string[], opts: { node?: string; env?: Record<string, string>; cwd?: string } = {}): SpawnSyncReturns<string> {
  // the Node under test comes first on PATH, so that npx and every #!/usr/bin/env node script run on it
  const PATH = opts.node ? `${dirname(opts.node)}:${process.env.PATH}` : process.env.PATH!;
  return spawnSync(cmd, args, {
    cwd: opts.cwd ?? dir,
    encoding: 'utf8',
    env: { ...process.env, PATH, NO_COLOR: '1', CI: 'true', ...opts.env },
    timeout: 300_000,
    maxBuffer: 1 << 28,
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orc-consumer-'));
  packed = packPackage(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'some-sdk',
        private: true,
        type: 'module',
        devDependencies: {
          'openresponses-conformance': `file:./${packed.filename}`,
          vitest: devVersion('vitest'),
          typescript: devVersion('typescript'),
          '@types/node': devVersion('@types/node'),
        },
      },
      null,
      2,
    ),
  );
  const install = sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
  expect(install.status, install.stderr).toBe(0);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
          noPropertyAccessFromIndexSignature: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
        },
        include: ['api-usage.ts', 'sdk.test.ts'],
      },
      null,
      2,
    ),
  );
  copyFileSync(join(PROJECT_ROOT, 'test/fixtures/consumer/api-usage.ts'), join(dir, 'api-usage.ts'));
  copyFileSync(join(PROJECT_ROOT, 'test/fixtures/consumer/sdk-test.ts'), join(dir, 'sdk.test.ts'));
}, 600_000);

describe('the packed tarball', () => {
  it('holds compiled JavaScript with declarations and source maps, the schemas, docs and LICENSE; no TypeScript sources, tests or harness code', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'dist/faces/index.js',
      'dist/faces/index.d.ts',
      'dist/faces/index.js.map',
      'dist/faces/vitest/conformance-suite.js',
      'dist/faces/cli/main.js',
      'bin/orc.js',
      'schema/report.schema.json',
      'docs/ARCHITECTURE.md',
      'LICENSE',
      'README.md',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // the harness helper libraries ship, for users writing a harness of their own; the bundled harnesses do not
    expect(files.filter((f) => /^(test|bench|scratch|reports)\//.test(f) || (/\.(go|py|mjs)$/.test(f) && !f.startsWith('adapters/_harness-lib/')))).toEqual([]);
    expect(packed.size).toBeLessThan(1024 * 1024);
  });

  it('publishes a manifest with no scripts (nothing runs on install), caret ranges for its libraries, and where the project lives', () => {
    const manifest = JSON.parse(sh('tar', ['-xzOf', packed.filename, 'package/package.json']).stdout);
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    // an exact pin would install a second fast-check beside the user's own
    expect(Object.values(manifest.dependencies).filter((range) => !/^\^\d+\.\d+\.\d+$/.test(range as string))).toEqual([]);
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(manifest.bugs.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    // the repository itself keeps them: npm ci builds by prepare, and the lock file pins exact versions
    const own = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8'));
    expect(own.scripts.prepare).toBeDefined();
    for (const name of Object.keys(manifest.dependencies)) {
      expect(lock.packages[''].dependencies[name]).toBe(own.dependencies[name]);
      expect(lock.packages[`node_modules/${name}`].version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('refuses a plain npm pack or publish of the repository, which would ship the development scripts', () => {
    const r = sh('npm', ['pack', '--dry-run'], { cwd: PROJECT_ROOT });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/orc: do not pack or publish the repository itself; run "npm run package"/);
  });

  it("installs no OpenRouter SDK and no tsx: the SDKs under test are the repository's development dependencies", () => {
    const tree = sh('npm', ['ls', '--all', '--json']);
    const names = new Set<string>();
    // an unmet optional peer (vite's tsx, esbuild) is listed with no version: it is not installed
    const walk = (deps: Record<string, { version?: string; dependencies?: Record<string, unknown> }> = {}) => {
      for (const [name, d] of Object.entries(deps)) {
        if (d.version) names.add(name);
        walk(d.dependencies as never);
      }
    };
    walk(JSON.parse(tree.stdout).dependencies);
    expect(names.has('openresponses-conformance')).toBe(true);
    expect([...names].filter((n) => n.startsWith('@openrouter/') || n === 'tsx' || n === 'esbuild' || n === 'openai')).toEqual([]);
  });
});

const tests = (j: VitestJson) => j.testResults.flatMap((f) => f.assertionResults);

function vitest(node: string, args: string[], env: Record<string, string> = {}): VitestJson {
  const out = join(dir, `results-${process.hrtime.bigint()}.json`);
  const r = sh(node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', `--outputFile=${out}`, ...args], {
    node,
    env: { ORC_TEST_HARNESS: HARNESS, ...env },
  });
  if (!existsSync(out)) throw new Error(`vitest wrote no results (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

for (const { version, bin } of NODES) {
  describe(`installed, on Node ${version}`, () => {
    it("type-checks a consumer's code with a strict NodeNext config and no special flags: 0 errors", () => {
      const tsc = sh(bin, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { node: bin });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    });

    it.each(['threads', 'forks', 'vmThreads', 'vmForks'])("runs a conformanceSuite under vitest's %s pool", (pool) => {
      const results = tests(vitest(bin, [`--pool=${pool}`, '-t', 'Required.Parse.Rejects(Null|MissingField.item_id)$|Required.Parse.AcceptsValid$']));
      const status = (adapter: string, id: string) => results.find((t) => t.ancestorTitles[0]!.endsWith(adapter) && t.title === id)?.status;
      expect(status('naive-sdk', 'Required.Parse.AcceptsValid')).toBe('passed');
      expect(status('naive-sdk', 'Required.Parse.RejectsNull')).toBe('failed');
      expect(status('lenient-harness', 'Required.Parse.RejectsMissingField.item_id')).toBe('failed');
    });

    it("npx orc run writes its reports into the project's own reports/out, and exits as CI expects", () => {
      const r = sh('npx', ['orc', 'run', '--adapter', 'reference', '--model', 'generating', '--runs', '5', '--seed', '1', '--quiet'], { node: bin });
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'reports/out/report.json'), 'utf8'));
      expect(report.passed).toBe(true);
      expect(report.run.tool.version).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);
      expect(existsSync(join(dir, 'reports/out/summary.md'))).toBe(true);
      expect(existsSync(join(dir, 'node_modules/openresponses-conformance/reports'))).toBe(false);
      expect(sh('npx', ['orc', '--version'], { node: bin }).stdout.trim()).toBe(report.run.tool.version);
    });

    it('lists the bundled SDK adapters as available from a clone, and naming one says so in one line', () => {
      const list = sh('npx', ['orc', 'list'], { node: bin }).stdout;
      expect(list).toMatch(/ts-openrouter-latest .*\(available from a clone of the repository\)/);
      expect(list).toMatch(/go-openai .*\(available from a clone of the repository\)/);
      expect(list).not.toMatch(/^ {2}reference .*available from a clone/m);
      const named = sh('npx', ['orc', 'run', '--adapter', 'ts-openrouter-latest'], { node: bin });
      expect(named.status).toBe(2);
      expect(named.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^orc: ts-openrouter-latest runs from a clone of the openresponses-conformance repository .*reference and NAME=cmd:<your harness>$/,
        ),
      ]);
      const all = sh(
        'npx',
        ['orc', 'run', '--adapter', 'all', '--model', 'generating', '--runs', '3', '--quiet', '--suite', 'Required.Parse.AcceptsValid', '--out', 'all-out'],
        { node: bin },
      );
      expect(all.status, all.stderr).toBe(0);
      // every bundled adapter but the reference is a harness or an SDK the package does not carry
      expect(all.stderr).toMatch(new RegExp(`${BUNDLED.length - 1} bundled adapters run from a clone of the repository only .*; running reference`));
    });
  });
}

describe("openresponses-conformance/vitest in an SDK's own vitest run, installed", () => {
  let results: ReturnType<typeof tests>;
  let orcResults: CheckResult[];
  beforeAll(() => {
    results = tests(vitest(process.execPath, []));
    const r = sh('npx', [
      'orc',
      'run',
      '--adapter',
      `lenient-harness=cmd:${process.execPath} ${HARNESS}`,
      '--model',
      'OpenResponsesImageGenCallGenerating',
      '--seed',
      '7',
      '--runs',
      '25',
      '--json',
      '--quiet',
      '--out',
      'orc-out',
    ]);
    orcResults = JSON.parse(r.stdout).results;
  }, 600_000);

  it('registers one test per check, named by its stable id, and maps statuses as orc run reports them', () => {
    const mine = results.filter((t) => t.ancestorTitles[0] === 'openresponses-conformance: lenient-harness');
    expect(mine.map((t) => t.title)).toEqual(orcResults.map((r) => r.id));
    const expected = { passed: 'passed', observed: 'passed', failed: 'failed', unsupported: 'skipped' } as const;
    expect(mine.map((t) => t.status)).toEqual(orcResults.map((r) => expected[r.status]));
    expect(mine.some((t) => t.status === 'failed')).toBe(true);
  });

  it('gives each failure the seeds, shrunk counterexample and replay token orc run gives', () => {
    for (const r of orcResults.filter((x) => x.status === 'failed')) {
      const t = results.find((x) => x.ancestorTitles[0]!.includes('lenient-harness') && x.title === r.id)!;
      const message = t.failureMessages.join('\n');
      expect(message).toContain(`(seed 7, check seed ${r.seed}, shrunk ${r.failure!.shrinks} times)`);
      expect(message).toContain(`token ${r.failure!.replay})`);
      expect(message).toContain(`bytes (base64): ${r.failure!.counterexample.payload!.base64}`);
    }
  });

  it("catches what an SDK's own in-process parser gets wrong", () => {
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
    const again = tests(vitest(process.execPath, ['-t', 'Required.Parse.RejectsMissingField.item_id'], { ORC_REPLAY: token }));
    const ran = again.filter((t) => t.status !== 'skipped' && t.status !== 'pending');
    expect(ran.map((t) => `${t.ancestorTitles[0]} ${t.title} ${t.status}`)).toEqual([
      'openresponses-conformance: naive-sdk Required.Parse.RejectsMissingField.item_id failed',
    ]);
    expect(ran[0]!.failureMessages.join('')).toMatch(/\(replayed\): accepted-invalid/);
  });
});
