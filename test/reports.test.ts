import { describe, expect, it } from 'vitest';
import { markdownReport } from '../reports/markdown.js';
import { terminalReport } from '../reports/terminal.js';
import { jsonReport } from '../reports/json.js';
import { visible } from '../core/visible.js';
import type { CheckResult, RunEvent } from '../core/results.js';

const hostile = '```\n| col | <script>alert(1)</script> \u202e\u0000\ud800';
const events: RunEvent[] = [
  { type: 'run-started', run: { tool: { name: 'orc', version: '0' }, command: 'orc run', seed: 1, runs: 10, startedAt: 'now', models: ['M'], checks: 2 } },
  { type: 'adapter-started', adapter: { name: 'a', language: 'TS', implementation: 'x', version: '1', operations: { parse: ['M'] } } },
  {
    type: 'check-finished',
    result: {
      adapter: 'a',
      model: 'M',
      id: 'Required.Parse.AcceptsValid',
      level: 'Required',
      suite: 'Parse',
      description: 'd',
      status: 'failed',
      casesRun: 3,
      durationMs: 1,
      seed: 1,
      failure: {
        kind: 'mismatch',
        message: hostile,
        counterexample: { payload: { text: hostile, base64: 'AA==' } },
        answer: hostile,
        path: '0',
        shrinks: 2,
        replay: 'orc1.x',
        replayCommand: 'npx orc replay orc1.x',
      },
    },
  },
  {
    type: 'check-finished',
    result: {
      adapter: 'a',
      model: 'M',
      id: 'Informational.ImplDefined.NegativeZero.n',
      level: 'Informational',
      suite: 'ImplementationDefined',
      description: 'd',
      status: 'observed',
      casesRun: 1,
      durationMs: 1,
      seed: 1,
      observations: [{ label: hostile, shown: {}, behaviour: hostile, outcome: hostile }],
    },
  },
];

describe('reports', () => {
  it('make invisible and direction-changing characters visible', () => {
    expect(visible('a\u0000b\u202e\ud800😀')).toBe('a\\u0000b\\u202e\\ud800😀');
  });

  it('markdown: a payload can neither close its code fence nor break a table', () => {
    const md = markdownReport([...events, { type: 'run-finished', finishedAt: 'then', complete: true }]);
    expect(md).toContain('````\n```\\u000a| col |');
    // the behaviours row (check, case, behaviours) and the suite row (suite, one adapter), each cell whole
    const tableLines = md.split('\n').filter((l) => l.startsWith('| Informational') || l.startsWith('| Required Parse'));
    expect(tableLines.map((l) => l.split(/(?<!\\)\|/).length)).toEqual([4, 5]);
    expect(md).toContain('npx orc replay orc1.x');
  });

  it('markdown: harness strings and schema titles render as text, never as HTML, links or images', () => {
    const evil = '<img src=x onerror=alert(1)> ![t](http://x/t.png) [l](javascript:alert(1)) **b** \u0007';
    const md = markdownReport([
      { type: 'adapter-started', adapter: { name: 'a', language: 'TS', implementation: evil, version: evil, operations: {} } },
      { type: 'adapter-error', adapter: 'a', message: evil },
      { ...events[2]!, result: { ...(events[2] as any).result, model: evil, id: `Required.${evil}` } } as RunEvent,
      { type: 'run-finished', finishedAt: 'then', complete: true },
    ]);
    expect(md).not.toMatch(/<img|!\[t\]\(|\[l\]\(|\*\*b\*\*|\u0007/);
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(md).toContain('\\u0007');
  });

  it('a run that did not finish is marked incomplete everywhere', () => {
    expect(jsonReport(events)).toMatchObject({ complete: false, incompleteReason: 'the run did not finish' });
    expect(markdownReport(events)).toContain('**Incomplete run**');
    expect(terminalReport(events, { color: false })).toContain('Incomplete run');
  });

  it('terminal: the matrix, the tallies and each failure with its replay command', () => {
    const t = terminalReport([...events, { type: 'run-finished', finishedAt: 'then', complete: true }], { color: false });
    expect(t).toMatch(/^Req Parse +1✗/m);
    expect(t).toContain('Required 0/1');
    expect(terminalReport([...events, { type: 'run-finished', finishedAt: 'then', complete: true }], { color: false, verbose: true })).toMatch(
      /Required\.Parse\.AcceptsValid +FAIL/,
    );
    expect(t).toContain('replay:  npx orc replay orc1.x');
    expect(t).toContain('Required checks failed.');
  });

  it("summary.md stays far under GitHub's 1 MiB step-summary limit: 15 adapters, 300 checks × 4 models, a third failing", () => {
    const many: RunEvent[] = [events[0]!];
    for (let a = 0; a < 15; a++) {
      for (let m = 0; m < 4; m++) {
        for (let c = 0; c < 300; c++) {
          const failed = (a + c) % 3 === 0;
          const id = c < 250 ? `Required.Parse.Check${c}` : `Informational.ImplDefined.Case${c}`;
          many.push({
            type: 'check-finished',
            result: {
              adapter: `adapter-number-${a}`,
              model: `Model${m}`,
              id,
              level: c < 250 ? 'Required' : 'Informational',
              suite: c < 250 ? 'Parse' : 'ImplementationDefined',
              description: 'd',
              status: c >= 250 ? 'observed' : failed ? 'failed' : 'passed',
              casesRun: 100,
              durationMs: 1,
              seed: 1,
              ...(c < 250 && failed
                ? {
                    failure: {
                      kind: 'mismatch',
                      message: 'x'.repeat(300),
                      counterexample: { payload: { text: 'p'.repeat(400), base64: 'AA==' } },
                      answer: 'a'.repeat(400),
                      path: '0',
                      shrinks: 1,
                      replay: 'orc1.x',
                      replayCommand: `npx orc replay orc1.${'t'.repeat(150)}`,
                    },
                  }
                : {}),
              ...(c >= 250 ? { observations: [{ label: `case ${c}`, shown: {}, behaviour: `b${a % 4}`, outcome: 'o'.repeat(200) }] } : {}),
            } as CheckResult,
          });
        }
      }
    }
    many.push({ type: 'run-finished', finishedAt: 'then', complete: true });
    const md = markdownReport(many);
    expect(Buffer.byteLength(md)).toBeLessThan(100 * 1024);
    expect(md).toContain('more adapter × check failures: report.html and report.json');
    const t = terminalReport(many, { color: false });
    expect(t.split('\n').length).toBeLessThan(70);
    expect(Math.max(...t.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});

describe('one fold of the events serves every writer', () => {
  it('the same events fold once; an event appended folds again', async () => {
    const { collect } = await import('../reports/collect.js');
    const { TOOL } = await import('../core/tool.js');
    const events: RunEvent[] = [{ type: 'run-started', run: { tool: TOOL, command: 'test', seed: 1, runs: 1, startedAt: '', models: [], checks: 0 } }];
    const first = collect(events);
    expect(collect(events)).toBe(first);
    events.push({ type: 'run-finished', finishedAt: '', complete: true });
    const second = collect(events);
    expect(second).not.toBe(first);
    expect(second.complete).toBe(true);
    expect(collect([...events])).not.toBe(second);
  });
});

describe('gated output', () => {
  it('groups new failures only with new ones: one new failure on one model is not "4 models", three of them known', async () => {
    const { runConformance, gateOnBaseline, loadSchemaSet, isFailed } = await import('../faces/index.js');
    const { truncatesFractions } = await import('./helpers/adapters.js');
    const run = await runConformance(truncatesFractions(), { seed: 3, runs: 10, suite: 'Required.Parse.AcceptsFraction.output_index' });
    const failed = run.results.filter(isFailed);
    expect(failed.length).toBe(4);
    const [fresh, ...known] = failed;
    const baseline = {
      format: 'openresponses-conformance/baseline@1' as const,
      failures: known.map((r) => ({ adapter: r.adapter, model: r.model, check: r.id, reason: 'known', kind: r.failure.kind })),
    };
    const events = [...run.events, gateOnBaseline('b.json', baseline, run.events, loadSchemaSet())];
    const short = fresh!.model.replace('OpenResponsesImageGenCall', '');
    const text = terminalReport(events, { color: false });
    expect(text).toMatch(new RegExp(`✗ A truncates-fractions · Required\\.Parse\\.AcceptsFraction\\.output_index · ${short}\\n`));
    // a group names its models "4 models (Completed, …)"
    expect(text).not.toMatch(/4 models \(/);
    expect(markdownReport(events)).not.toMatch(/4 models \(/);
    expect(text).toMatch(/^Gate FAILED: 1 new failure, 3 known/m);
  });
});
