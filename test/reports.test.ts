import { describe, expect, it } from 'vitest';
import { markdownReport } from '../reports/markdown.ts';
import { terminalReport } from '../reports/terminal.ts';
import { jsonReport } from '../reports/json.ts';
import { visible } from '../reports/_internals/visible.ts';
import type { RunEvent } from '../src/runner/results.ts';

const hostile = '```\n| col | <script>alert(1)</script> \u202e\u0000\ud800';
const events: RunEvent[] = [
  { type: 'run-started', run: { tool: { name: 'orc', version: '0' }, command: 'orc run', seed: 1, runs: 10, startedAt: 'now', models: ['M'], checks: 2 } },
  { type: 'adapter-started', adapter: { name: 'a', language: 'TS', implementation: 'x', version: '1', operations: { parse: ['M'] } } },
  { type: 'check-finished', result: { adapter: 'a', model: 'M', id: 'Required.Parse.AcceptsValid', level: 'Required', suite: 'Parse', description: 'd', status: 'failed', casesRun: 3, durationMs: 1, seed: 1,
    failure: { kind: 'mismatch', message: hostile, counterexample: { payload: { text: hostile, base64: 'AA==' } }, answer: hostile, path: '0', shrinks: 2, replay: 'orc1.x', replayCommand: 'npx orc replay orc1.x' } } },
  { type: 'check-finished', result: { adapter: 'a', model: 'M', id: 'Informational.ImplDefined.NegativeZero.n', level: 'Informational', suite: 'ImplementationDefined', description: 'd', status: 'observed', casesRun: 1, durationMs: 1, seed: 1,
    observations: [{ label: hostile, shown: {}, behaviour: hostile, outcome: hostile }] } },
];

describe('reports', () => {
  it('make invisible and direction-changing characters visible', () => {
    expect(visible('a\u0000b\u202e\ud800😀')).toBe('a\\u0000b\\u202e\\ud800😀');
  });

  it('markdown: a payload can neither close its code fence nor break a table', () => {
    const md = markdownReport([...events, { type: 'run-finished', finishedAt: 'then', complete: true }]);
    expect(md).toContain('````\n```\\u000a| col |');
    const tableLines = md.split('\n').filter((l) => l.startsWith('| M | Informational'));
    // the matrix row (model, check, one adapter) and the behaviours row (model, check, case, behaviour, adapters)
    expect(tableLines.map((l) => l.split(/(?<!\\)\|/).length)).toEqual([5, 7]);
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
    expect(t).toMatch(/Required\.Parse\.AcceptsValid\s+FAIL/);
    expect(t).toContain('Required 0/1 passed');
    expect(t).toContain('replay:  npx orc replay orc1.x');
    expect(t).toContain('Required checks failed.');
  });
});
