import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';
import { packPackage } from '../scripts/pack.js';

/**
 * docs/sdk-conformance.yml, the workflow an SDK maintainer copies, run step by step as GitHub
 * would run it, in a scratch project that installed the packed tarball and has a harness of its own.
 * Only `run:` steps execute; checkout and setup-node are this project and this Node, and an
 * upload-artifact step is checked to find its folder.
 */

const WORKFLOW = readFileSync(join(PROJECT_ROOT, 'docs', 'sdk-conformance.yml'), 'utf8');

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  with?: string;
}

/** The workflow's steps, one line each as the file writes them: enough for this one file, which keeps to that shape. */
function steps(yaml: string): Step[] {
  const out: Step[] = [];
  for (const line of yaml.split('\n')) {
    const start = /^\s+- (run|uses): (.*?)(\s+#.*)?$/.exec(line);
    if (start) out.push({ [start[1]!]: start[2]! });
    const more = /^\s+(if|with): (.*)$/.exec(line);
    if (more && out.length) out.at(-1)![more[1] as 'if' | 'with'] = more[2]!;
    if (/^\s+(- )?run: [|>]/.test(line)) throw new Error('a multi-line run: step; this test reads one-line steps only');
  }
  return out;
}

/** The commands the header tells a maintainer to run once, locally. */
const setupCommands = (yaml: string) => yaml.split('\n').flatMap((l) => /^#\s+\$ (.*)$/.exec(l)?.[1] ?? []);

interface JobRun {
  passed: boolean;
  log: string;
  ran: { step: string; exit: number | null }[];
  summary: string;
  artifact?: string[];
}

const bash = (cmd: string, cwd: string, env: Record<string, string> = {}) =>
  spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', cmd], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env },
    timeout: 300_000,
    maxBuffer: 1 << 28,
  });

/** Runs the job as GitHub does: a step after a failure runs only under `if: always()`. */
function runJob(project: string): JobRun {
  // a fresh checkout has no report from an earlier run
  rmSync(join(project, 'conformance-report'), { recursive: true, force: true });
  const summaryFile = join(project, `step-summary-${process.hrtime.bigint()}.md`);
  writeFileSync(summaryFile, '');
  let passed = true;
  let log = '';
  const ran: JobRun['ran'] = [];
  let artifact: string[] | undefined;
  for (const step of steps(WORKFLOW)) {
    if (!passed && step.if !== 'always()') continue;
    if (step.run) {
      const r = bash(step.run, project, { GITHUB_STEP_SUMMARY: summaryFile });
      log += r.stdout + r.stderr;
      ran.push({ step: step.run, exit: r.status });
      if (r.status !== 0) passed = false;
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      // upload-artifact only warns when the folder is missing
      const path = join(project, /path: ([^ },]+)/.exec(step.with ?? '')![1]!);
      artifact = existsSync(path) ? readdirSync(path) : undefined;
    }
  }
  return { passed, log, ran, summary: readFileSync(summaryFile, 'utf8'), ...(artifact ? { artifact } : {}) };
}

let project: string;
let baseline: { format: string; failures: { check: string; model: string }[] };

describe("the SDK maintainer's workflow (docs/sdk-conformance.yml)", () => {
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'orc-sdk-project-'));
    const packed = packPackage(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-sdk', version: '1.0.0', private: true, type: 'module' }, null, 2));
    mkdirSync(join(project, 'conformance'));
    copyFileSync(join(PROJECT_ROOT, 'test/fixtures/sdk-project/harness.mjs'), join(project, 'conformance/harness.mjs'));
    // the header's `npm i -D openresponses-conformance`, from the tarball instead of the registry
    const commands = setupCommands(WORKFLOW).map((c) =>
      c.replace(/^npm i -D openresponses-conformance$/, `npm i -D --no-audit --no-fund ./${packed.filename}`),
    );
    expect(commands[0]).toMatch(/^npm i -D .*\.tgz$/);
    for (const c of commands) {
      const r = bash(c, project);
      // the first run fails: the harness has failures, which the baseline is then written from
      expect(r.status, `${c}\n${r.stderr}`).toBe(c.startsWith('npx orc run') ? 1 : 0);
    }
    baseline = JSON.parse(readFileSync(join(project, 'orc-baseline.json'), 'utf8'));
    expect(baseline.failures.length).toBeGreaterThan(1);
  }, 900_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("keeps to what a gate needs: the package's own bin, a fixed seed, the baseline, no exit hidden, and the summary and artifact after a failure", () => {
    const s = steps(WORKFLOW);
    const gate = s.find((x) => x.run?.startsWith('npx orc run'))!;
    expect(gate.run).toMatch(/--adapter "[\w-]+=cmd:[^"]+" --seed \d+ --baseline orc-baseline\.json/);
    expect(s.filter((x) => x.run && /\|\|\s*true|\$\{\{/.test(x.run))).toEqual([]);
    expect(s.filter((x) => x.run?.includes('GITHUB_STEP_SUMMARY') || x.uses?.startsWith('actions/upload-artifact')).map((x) => x.if)).toEqual([
      'always()',
      'always()',
    ]);
    expect(s.slice(0, 3).map((x) => x.uses ?? x.run)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci']);
  });

  it("passes with the baseline that lists the harness's failures; the step summary says the gate passed", () => {
    const job = runJob(project);
    expect(
      job.ran.map((r) => r.exit),
      job.log,
    ).toEqual([0, 0, 0]);
    expect(job.passed).toBe(true);
    expect(job.summary).toMatch(new RegExp(`Gate passed: 0 new failures, ${baseline.failures.length} known, 0 now passing, 0 gone`));
    // the un-gated report would say "Required checks failed." and mark every known failure ❌
    expect(job.summary).not.toMatch(/Required checks failed|\| ❌/);
    expect(job.summary).toMatch(/\| Required Parse \| ⚠️ \d+ \|/);
    expect(job.artifact).toEqual(expect.arrayContaining(['report.html', 'junit.xml', 'report.json', 'summary.md']));
  }, 600_000);

  it('fails on a failure the baseline does not list, names it in the log, and still writes the gated summary and artifact', () => {
    const dropped = baseline.failures.find((f) => f.check.startsWith('Required.'))!;
    const file = join(project, 'orc-baseline.json');
    const full = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ ...baseline, failures: baseline.failures.filter((f) => f !== dropped) }, null, 2));
    try {
      const job = runJob(project);
      expect(job.passed).toBe(false);
      expect(
        job.ran.map((r) => r.exit),
        job.log,
      ).toEqual([0, 1, 0]);
      expect(job.artifact).toContain('report.html');
      expect(job.log).toMatch(/Gate FAILED: 1 new failure, /);
      expect(job.log).toMatch(new RegExp(`New failures:[\\s\\S]*✗ A my-sdk · ${dropped.check.replace(/\./g, '\\.')} `));
      expect(job.summary).toMatch(/Gate FAILED: 1 new failure, /);
      expect(job.summary).toContain(`new failure: my-sdk · `);
      expect(job.summary).toContain(dropped.check);
    } finally {
      writeFileSync(file, full);
    }
  }, 600_000);

  it('fails on bad usage (exit 2) rather than passing it off as a known failure', () => {
    const file = join(project, 'orc-baseline.json');
    const full = readFileSync(file, 'utf8');
    rmSync(file);
    try {
      const job = runJob(project);
      expect(job.passed).toBe(false);
      expect(
        job.ran.map((r) => r.exit),
        job.log,
      ).toEqual([0, 2, 0]);
      expect(job.log).toMatch(/^orc: .*orc-baseline\.json/m);
    } finally {
      writeFileSync(file, full);
    }
  }, 600_000);
});

describe("this repository's own workflow (docs/github-actions.yml)", () => {
  const s = steps(readFileSync(join(PROJECT_ROOT, 'docs', 'github-actions.yml'), 'utf8'));

  it('lets a shard exit 1 (the merge gates it) and nothing else: bad usage and internal errors fail the job', () => {
    const shard = s.filter((x) => x.run?.includes(' run --adapter'));
    expect(shard.map((x) => x.run!.replace(/^.* (\|\|.*)$/, '$1'))).toEqual(['|| [ $? -eq 1 ]']);
    expect(s.filter((x) => x.run && /\|\|\s*true/.test(x.run))).toEqual([]);
  });

  it('merges once, gated by the baseline, and shows that merge in the log, the step summary and the artifact', () => {
    const merges = s.filter((x) => x.run?.includes('report merge'));
    expect(merges).toHaveLength(1);
    // --quiet on a merge would print nothing, so a failing gate would not say which failures are new
    expect(merges[0]!.run).toMatch(/--out conformance --baseline orc-baseline\.json$/);
    const after = s.slice(s.indexOf(merges[0]!) + 1);
    expect(after.map((x) => [x.run ?? x.uses, x.if])).toEqual([
      [expect.stringContaining('cat conformance/summary.md >> "$GITHUB_STEP_SUMMARY"'), 'always()'],
      ['actions/upload-artifact@v4', 'always()'],
    ]);
    expect(after[1]!.with).toContain('path: conformance }');
  });
});

describe('the Go in the workflows', () => {
  it("is the newest go directive of the go.mod files: the repository's own workflow builds every Go harness with it", () => {
    const goMods = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*go.mod'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
    expect(goMods.length).toBeGreaterThan(3);
    const minor = (v: string) => v.split('.').slice(0, 2).map(Number) as [number, number];
    const newest = goMods
      .map((f) => minor(/^go (\d+\.\d+(\.\d+)?)$/m.exec(readFileSync(join(PROJECT_ROOT, f), 'utf8'))![1]!))
      .sort((a, b) => b[0] - a[0] || b[1] - a[1])[0]!;
    const workflow = readFileSync(join(PROJECT_ROOT, 'docs', 'github-actions.yml'), 'utf8');
    expect([...workflow.matchAll(/go-version: '([\d.]+)'/g)].map((m) => m[1])).toEqual([newest.join('.')]);
  });
});
