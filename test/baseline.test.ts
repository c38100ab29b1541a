import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeBaseline, updatedBaseline, type Baseline, type BaselineEntry } from '../runner/baseline.js';
import type { CheckResult } from '../core/results.js';
import { orc } from './helpers/cli.js';

const result = (id: string, status: CheckResult['status'], adapter = 'a'): CheckResult =>
  ({
    adapter,
    model: 'M',
    id,
    level: 'Required',
    suite: 'Parse',
    description: '',
    status,
    casesRun: 1,
    durationMs: 0,
    seed: 1,
    ...(status === 'failed'
      ? { failure: { kind: 'mismatch', message: 'boom', counterexample: {}, path: '0', shrinks: 0, replay: 'orc1.x', replayCommand: 'x' } }
      : {}),
  }) as CheckResult;
const entry = (check: string, adapter = 'a'): BaselineEntry => ({ adapter, model: 'M', check, reason: 'known' });
const baseline = (...failures: ReturnType<typeof entry>[]): Baseline => ({ format: 'openresponses-conformance/baseline@1', failures });
const everything = () => true;

describe('the known-failure baseline', () => {
  it('passes when the failures are exactly the listed ones', () => {
    const v = judgeBaseline(baseline(entry('X')), [result('X', 'failed'), result('Y', 'passed')], everything);
    expect(v).toMatchObject({ ok: true, known: [entry('X')] });
  });

  it('fails on a new failure', () => {
    const v = judgeBaseline(baseline(), [result('X', 'failed')], everything);
    expect(v.ok).toBe(false);
    expect(v.newFailures.map((r) => r.id)).toEqual(['X']);
  });

  it('fails on a listed check that now passes: the list only shrinks', () => {
    const v = judgeBaseline(baseline(entry('X')), [result('X', 'passed')], everything);
    expect(v.ok).toBe(false);
    expect(v.unexpectedPasses).toEqual([entry('X')]);
  });

  it('fails on a listed check that no longer exists', () => {
    const v = judgeBaseline(baseline(entry('Gone')), [], (e) => e.check !== 'Gone');
    expect(v.ok).toBe(false);
    expect(v.stale).toEqual([entry('Gone')]);
  });

  it('says nothing of entries the run did not cover (another adapter, a filter, another shard)', () => {
    expect(judgeBaseline(baseline(entry('X', 'other')), [result('Y', 'passed')], everything).ok).toBe(true);
  });

  it('a listed check that now fails another way is a new failure: a clean rejection that became a crash is not "known"', () => {
    const crashed = { ...result('X', 'failed'), failure: { ...result('X', 'failed').failure!, kind: 'crash' as const } } as CheckResult;
    const v = judgeBaseline(baseline({ ...entry('X'), kind: 'mismatch' }), [crashed], everything);
    expect(v.ok).toBe(false);
    expect(v.newFailures.map((r) => [r.id, r.was, r.failure!.kind])).toEqual([['X', 'mismatch', 'crash']]);
    expect(judgeBaseline(baseline({ ...entry('X'), kind: 'mismatch' }), [result('X', 'failed')], everything).ok).toBe(true);
    // an entry written before kinds were recorded keeps matching any failure
    expect(judgeBaseline(baseline(entry('X')), [crashed], everything).ok).toBe(true);
  });

  it('update keeps written reasons, drops what passes, keeps what the run did not cover', () => {
    const prev = baseline({ ...entry('X'), reason: 'int64 SDK' }, entry('Fixed'), entry('Elsewhere', 'b'));
    const next = updatedBaseline(prev, [result('X', 'failed'), result('Fixed', 'passed'), result('New', 'failed')]);
    expect(next.failures.filter((e) => e.adapter === 'a').every((e) => e.kind === 'mismatch')).toBe(true);
    expect(next.failures.map((e) => [e.adapter, e.check, e.reason])).toEqual([
      ['a', 'New', 'mismatch: boom'],
      ['a', 'X', 'int64 SDK'],
      ['b', 'Elsewhere', 'known'],
    ]);
  });
});

describe('orc run --baseline and orc baseline update', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orc-baseline-'));
  const file = join(dir, 'baseline.json');
  const run = (...extra: string[]) =>
    orc([
      'run',
      '--adapter',
      'ts-openrouter-latest,reference',
      '--model',
      'generating',
      '--suite',
      'Required.Parse.Accepts*',
      '--runs',
      '30',
      '--seed',
      '4',
      '--quiet',
      '--out',
      join(dir, 'out'),
      ...extra,
    ]);

  it('writes a baseline from a report, then gates on it with exit codes CI can trust', () => {
    expect(run().status).toBe(1);
    const u = orc(['baseline', 'update', '--baseline', file, '--report', join(dir, 'out', 'report.json')]);
    expect(u.status).toBe(0);
    expect(u.stdout).toMatch(/known failures \(\d+ added, 0 removed\)/);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.failures.every((e: any) => e.adapter === 'ts-openrouter-latest' && e.reason.length > 0)).toBe(true);

    const ok = run('--baseline', file);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Gate passed: 0 new failures, \d+ known, 0 now passing, 0 gone\.$/m);
    expect(ok.stdout).toMatch(/^CONFORMANCE SUITE PASSED: \d+ successes, 0 skipped, [1-9]\d* expected failures, 0 unexpected failures/m);
    // known failures are not printed in full under a gate
    expect(ok.stdout).not.toContain('replay:');
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(report).toMatchObject({ requiredFailed: true, passed: true, gate: { passed: true, newFailures: 0, nowPassing: 0, gone: 0 } });
    expect(report.headline).toMatch(/^Gate passed: 0 new failures, \d+ known, 0 now passing, 0 gone\.$/);
    const md = readFileSync(join(dir, 'out', 'summary.md'), 'utf8');
    expect(md).toContain(`**${report.headline}**`);
    expect(md).toMatch(/\| ⚠️ \d+ \|/);
    expect(md).not.toContain('## Failures');
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain(`<p class="headline"><b>${report.headline}</b></p>`);
    expect(html).toMatch(/<td class="st-known"/);
    expect(html).not.toMatch(/<td class="st-failed"/);
    expect(readFileSync(join(dir, 'out', 'junit.xml'), 'utf8')).toMatch(/<skipped message="/);

    const b = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(
      file,
      JSON.stringify({
        ...b,
        failures: [
          ...b.failures.slice(1),
          { adapter: 'reference', model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.AcceptsValid', reason: 'was broken' },
          { adapter: 'reference', model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.Renamed', reason: 'old id' },
        ],
      }),
    );
    const bad = run('--baseline', file);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`new failure: ts-openrouter-latest · Generating · ${b.failures[0].check}`);
    expect(bad.stdout).toContain('now passes, take it off the list: reference · Generating · Required.Parse.AcceptsValid');
    expect(bad.stdout).toContain('no longer exists, take it off the list: reference · Generating · Required.Parse.Renamed');
  });

  it('update drops entries for checks that no longer exist, and a named cmd: adapter gates like a bundled one', () => {
    const own = [
      '--adapter',
      `mine=cmd:${process.execPath} test/harnesses/faulty-harness.mjs none`,
      '--model',
      'generating',
      '--suite',
      'Required.Parse.RejectsNull.item_id,Required.Parse.AcceptsValid',
      '--runs',
      '10',
      '--seed',
      '2',
      '--quiet',
      '--out',
      join(dir, 'own'),
    ];
    expect(orc(['run', ...own]).status).toBe(1); // the lenient harness accepts null
    const f = join(dir, 'own.json');
    writeFileSync(
      f,
      JSON.stringify({
        format: 'openresponses-conformance/baseline@1',
        failures: [{ adapter: 'mine', model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.Renamed', reason: 'an id that is gone' }],
      }),
    );
    expect(orc(['baseline', 'update', '--baseline', f, '--report', join(dir, 'own', 'report.json')]).status).toBe(0);
    const written = JSON.parse(readFileSync(f, 'utf8')).failures;
    expect(written.map((e: { check: string }) => e.check)).toEqual(['Required.Parse.RejectsNull.item_id']);
    expect(written[0]).toMatchObject({ adapter: 'mine', kind: 'accepted-invalid' });
    const gated = orc(['run', ...own, '--baseline', f]);
    expect(gated.status, gated.stdout).toBe(0);
    expect(gated.stdout).toMatch(/^Gate passed: 0 new failures, 1 known, 0 now passing, 0 gone\.$/m);
  });

  it('a --baseline path inside a regular file is one line and exit 2, not an internal error', () => {
    const out = join(dir, 'tiny');
    expect(
      orc(['run', '--adapter', 'reference', '--model', 'generating', '--suite', 'Required.Parse.AcceptsValid', '--runs', '2', '--quiet', '--out', out]).status,
    ).toBe(0);
    const notAFolder = join(dir, 'a-file');
    writeFileSync(notAFolder, 'x');
    const r = orc(['baseline', 'update', '--baseline', join(notAFolder, 'inside.json'), '--report', join(out, 'report.json')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `orc: cannot write ${join(notAFolder, 'inside.json')}: ${notAFolder} is not a folder; give --baseline a path in a folder that exists`,
    ]);
  });

  it('a malformed baseline is bad usage', () => {
    writeFileSync(join(dir, 'bad.json'), '{"format":"x"}');
    const r = orc(['run', '--baseline', join(dir, 'bad.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a openresponses-conformance\/baseline@1 file/);
  });
});
