import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import type { RunEvent } from '../core/results.js';
import { runVerdict } from '../core/run-verdict.js';
import { planChecks } from '../runner/plan.js';
import { run } from '../runner/runner.js';
import { runConformance } from '../runner/conformance.js';
import { jsonReport } from '../reports/json.js';
import { markdownReport } from '../reports/markdown.js';
import { terminalReport } from '../reports/terminal.js';
import { TOOL } from '../core/tool.js';
import { findModel } from '../core/models.js';
import { GENERATING, reference, set } from './helpers/adapters.js';
import { orc } from './helpers/cli.js';

/** The reference, declaring its operations for `models` only. */
function declaring(models: string[]): Adapter {
  const r = reference();
  const operations = Object.fromEntries(Object.keys(r.info.operations).map((op) => [op, models]));
  return Object.create(r, { info: { value: { ...r.info, name: 'declares-little', operations } } });
}

describe('nothing checked is not a pass', () => {
  it('an adapter that takes no Required check of the run does not pass, and the headline says nothing was checked for it', async () => {
    const r = await runConformance(declaring(['OpenResponsesImageGenCallCompleted']), { models: [GENERATING], runs: 5, seed: 1 });
    expect(r.results.filter((x) => x.level === 'Required').every((x) => x.status === 'unsupported')).toBe(true);
    expect(r.passed).toBe(false);
    expect(r.verdict.nothingChecked).toEqual(['declares-little']);
    expect(r.verdict.headline).toMatch(/^Nothing was checked for declares-little/);
    expect(r.verdict.exitCode).toBe(1);
    const json = jsonReport(r.events);
    expect(json.passed).toBe(false);
    expect(json.nothingChecked).toEqual(['declares-little']);
    expect(terminalReport(r.events, { color: false })).toContain('Nothing was checked for declares-little');
    expect(markdownReport(r.events)).toContain('Nothing was checked for declares-little');
  });

  it('the same adapter passes where its model is selected', async () => {
    const r = await runConformance(declaring([GENERATING]), { models: [GENERATING], suite: 'Required.Parse.AcceptsValid', runs: 5, seed: 1 });
    expect(r.verdict.nothingChecked).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('orc run: a cmd: harness whose declared operations fit no selected model exits 1, never "Every Required check passed"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-nothing-'));
    const harness = join(dir, 'h.mjs');
    // speaks the protocol, but declares parse for a model the run does not select
    writeFileSync(
      harness,
      `
      import { createInterface } from 'node:readline';
      process.stdout.write(JSON.stringify({ type: 'hello', protocol: 1, implementation: { name: 'narrow', language: 'JavaScript', version: '0' }, operations: { parse: ['OpenResponsesImageGenCallCompleted'] } }) + '\\n');
      createInterface({ input: process.stdin }).on('line', (l) => {
        const r = JSON.parse(l);
        process.stdout.write(JSON.stringify({ id: r.id, ok: false, error: { kind: 'parse_error', message: 'no' } }) + '\\n');
      });`,
    );
    const r = orc([
      'run',
      '--adapter',
      `narrow=cmd:${process.execPath} ${harness}`,
      '--model',
      'generating',
      '--runs',
      '3',
      '--seed',
      '1',
      '--out',
      join(dir, 'out'),
    ]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('Nothing was checked for narrow');
    expect(r.stdout).not.toContain('Every Required check passed');
    expect(r.stdout).toMatch(/CONFORMANCE SUITE FAILED/);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).passed).toBe(false);
  });
});

describe('an incomplete run never says passed', () => {
  /** Answers every parse correctly, a little later: an in-process adapter with no hang, only slower than a budget of 1 ms. */
  function unhurried(): Adapter {
    const r = reference();
    return Object.create(r, { parse: { value: (m: string, p: Uint8Array) => new Promise((res) => setTimeout(() => res(r.parse(m, p)), 5)) } });
  }

  it('a check cut short by its time budget is not passed: cutShort, the cases it ran, and the run is incomplete', async () => {
    const events: RunEvent[] = [];
    const checks = planChecks({ set, models: [findModel(set, GENERATING)], suite: 'Required.Parse.AcceptsValid' });
    await run({
      set,
      checks,
      runs: 100,
      seed: 1,
      concurrency: 1,
      checkBudgetMs: 1,
      adapters: [{ name: 'unhurried', summary: '', create: async () => unhurried() }],
      info: { tool: TOOL, command: 'test', models: [GENERATING] },
      emit: (e) => events.push(e),
    });
    const result = events.find((e) => e.type === 'check-finished')!;
    if (result.type !== 'check-finished' || result.result.status !== 'unsupported')
      throw new Error(`expected a cut-short check, got ${JSON.stringify(result)}`);
    expect(result.result.cutShort).toBe(true);
    expect(result.result.casesRun).toBeLessThan(100);
    expect(result.result.reason).toMatch(/^cut short: the check's time budget/);
    const v = runVerdict(events);
    expect(v.complete).toBe(false);
    expect(v.passed).toBe(false);
    expect(v.exitCode).toBe(1);
    expect(v.headline).toMatch(/^Not passed: the run is incomplete \(1 check was cut short/);
    const json = jsonReport(events);
    expect(json.passed).toBe(false);
    expect(json.complete).toBe(false);
  });

  it('an interrupted run with a baseline that would hold never says "Gate passed"', () => {
    const events: RunEvent[] = [
      { type: 'run-started', run: { tool: TOOL, command: 'test', seed: 1, runs: 1, startedAt: '', models: [], checks: 2 } },
      { type: 'run-finished', finishedAt: '', complete: false, reason: 'interrupted' },
      { type: 'baseline', file: 'b.json', known: [], newFailures: [], unexpectedPasses: [], stale: [], ok: true },
    ];
    const v = runVerdict(events);
    expect(v).toMatchObject({ passed: false, gate: undefined, exitCode: 130 });
    expect(v.headline).toBe('Gate not passed: the run is incomplete (interrupted).');
    const json = jsonReport(events) as { passed: boolean; gate: { passed: boolean } };
    expect(json.passed).toBe(false);
    expect(json.gate.passed).toBe(false);
    expect(terminalReport(events, { color: false })).not.toMatch(/Gate passed|: passed/);
  });
});

describe('a programmatic run asks for no more than a replay replays', () => {
  it('runConformance refuses more cases per property than orc run takes, in one line', async () => {
    const { UsageError } = await import('../core/errors.js');
    await expect(runConformance(reference(), { runs: 100_001 })).rejects.toThrow(UsageError);
    await expect(runConformance(reference(), { runs: 100_001 })).rejects.toThrow(/runs \(or ORC_RUNS\) takes a whole number from 1 to 100000, not 100001/);
  });
});
