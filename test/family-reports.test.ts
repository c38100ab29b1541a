import { describe, expect, it } from 'vitest';
import { markdownReport } from '../reports/markdown.js';
import { terminalReport } from '../reports/terminal.js';
import { htmlReport } from '../reports/html.js';
import { FAMILIES, modelFamily } from '../core/families.js';
import { loadSchemaSet } from '../core/models.js';
import type { CheckResult, RunEvent } from '../core/results.js';

const MODELS = loadSchemaSet().models.map((m) => m.name);
const ADAPTERS = Array.from({ length: 28 }, (_, i) => (i === 0 ? 'reference' : `${['go', 'py', 'ts', 'rust', 'java'][i % 5]}-sdk-number-${i}-union`));
const SUITES: [CheckResult['level'], string][] = [
  ['Required', 'Parse'],
  ['Required', 'Serialize'],
  ['Required', 'RoundTrip'],
  ['Required', 'Sse'],
  ['Recommended', 'WireSpelling'],
  ['Recommended', 'UnknownFields'],
  ['Informational', 'ImplDefined'],
];

/**
 * The main job's shape at its size: the 28 bundled models × 28 adapters,
 * every suite, a third of the judged results failing with counterexamples
 * longer than any report prints, and observations that differ by adapter.
 */
function bigRun(checksPerSuite = 8): RunEvent[] {
  const events: RunEvent[] = [
    {
      type: 'run-started',
      run: { tool: { name: 'orc', version: '0' }, command: 'orc run --adapter all', seed: 1, runs: 100, startedAt: 'now', models: MODELS, checks: 0 },
    },
  ];
  ADAPTERS.forEach((adapter, a) =>
    MODELS.forEach((model, m) =>
      SUITES.forEach(([level, suite], s) => {
        for (let c = 0; c < checksPerSuite; c++) {
          const id = `${level}.${suite}.Check${c}.field_${c}`;
          const base = { adapter, model, id, level, suite, description: 'd', casesRun: 100, durationMs: 1, seed: 1 };
          let result: CheckResult;
          if (level === 'Informational')
            result = {
              ...base,
              status: 'observed',
              observations: [{ label: `case ${c}`, shown: {}, behaviour: `behaviour ${(a + m) % 7} ${'b'.repeat(40)}`, outcome: 'o'.repeat(200) }],
            };
          else if (a > 0 && (a + m + s + c) % 3 === 0)
            result = {
              ...base,
              status: 'failed',
              failure: {
                kind: 'mismatch',
                message: 'x'.repeat(500),
                counterexample: {
                  payload: { text: `{"type":"${model}","response":{${'"k":"v",'.repeat(200)}}}`, base64: 'AA==' },
                  value: { v: 'v'.repeat(900) },
                },
                answer: 'a'.repeat(1000),
                path: '0',
                shrinks: 1,
                replay: 'orc1.x',
                replayCommand: `npx orc replay orc1.${'t'.repeat(400)}`,
              },
            };
          else result = { ...base, status: 'passed' };
          events.push({ type: 'check-finished', result });
        }
      }),
    ),
  );
  events.push({ type: 'run-finished', finishedAt: 'then', complete: true });
  return events;
}

const big = bigRun();

/** The terminal's matrix: its lines from the top to its legend's last line. */
const matrixOf = (text: string) => {
  const lines = text.split('\n');
  return lines.slice(0, lines.findIndex((l) => l.startsWith('Informational: ')) + 1);
};

describe('models grouped by family in the reports (issue 22)', () => {
  it('the bundled models fill the nine families, none left in "other"', () => {
    expect(new Set(MODELS.map(modelFamily))).toEqual(new Set(FAMILIES.filter((f) => f !== 'other')));
  });

  it('terminal: at 28 models × 28 adapters the matrix fits one screen, every adapter and family in it', () => {
    const matrix = matrixOf(terminalReport(big, { color: false }));
    expect(matrix.length).toBeGreaterThan(10);
    expect(matrix.length).toBeLessThanOrEqual(50);
    expect(Math.max(...matrix.map((l) => l.length))).toBeLessThanOrEqual(120);
    const keys = matrix.filter((l) => l.startsWith('suite ')).flatMap((l) => l.split(/\s+/).slice(1));
    expect(keys).toHaveLength(28);
    expect(new Set(keys).size).toBe(28);
    for (const f of FAMILIES.filter((f) => f !== 'other')) expect(matrix.filter((l) => l.startsWith(`${f} (`))).toHaveLength(2);
    // A, the reference, passes everything; B fails some checks of every family
    expect(matrix.find((l) => l.startsWith('lifecycle (6)'))).toMatch(/^lifecycle \(6\) +ok +\d+✗/);
    expect(matrix.join('\n')).toContain('model by model: summary.md (By family) and report.html');
  });

  it('terminal: the whole output stays within the width too, a group over many models counted by family', () => {
    const text = terminalReport(big, { color: false });
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(text).toMatch(
      / · (all 28 models|\d+ models \((lifecycle|output item|content part|text|refusal|reasoning|function call|error|image generation) \d+)/,
    );
    // a long run of spec event names would fill the line before the check id could be read
    expect(text).not.toMatch(/ResponseCreatedStreamingEvent, /);
  });

  it('terminal: a family row shows the worst of its models and suites, with the count', () => {
    const at = (model: string, status: 'passed' | 'failed', id: string): RunEvent => ({
      type: 'check-finished',
      result: {
        adapter: 'x',
        model,
        id,
        level: id.startsWith('Required') ? 'Required' : 'Recommended',
        suite: id.split('.')[1]!,
        description: 'd',
        casesRun: 1,
        durationMs: 1,
        seed: 1,
        ...(status === 'failed'
          ? {
              status,
              failure: { kind: 'mismatch', message: 'm', counterexample: {}, path: '0', shrinks: 0, replay: 'orc1.x', replayCommand: 'npx orc replay orc1.x' },
            }
          : { status }),
      } as CheckResult,
    });
    const t = terminalReport(
      [
        at('ResponseCreatedStreamingEvent', 'passed', 'Required.Parse.AcceptsValid'),
        at('ResponseOutputTextDeltaStreamingEvent', 'failed', 'Required.Parse.AcceptsValid'),
        at('ResponseOutputTextDoneStreamingEvent', 'failed', 'Recommended.WireSpelling.X'),
        at('ResponseOutputTextDoneStreamingEvent', 'passed', 'Required.Parse.AcceptsValid'),
        { type: 'run-finished', finishedAt: 'then', complete: true },
      ],
      { color: false },
    );
    expect(t).toMatch(/^lifecycle \(1\) +ok$/m);
    expect(t).toMatch(/^text \(2\) +2✗$/m);
    expect(t).toMatch(/^Req Parse +1✗$/m);
    // the family rows come after the suite rows, in stream order
    const lines = t.split('\n');
    expect(lines.indexOf(lines.find((l) => l.startsWith('family'))!)).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Rec WireSpelling')));
    expect(lines.findIndex((l) => l.startsWith('lifecycle'))).toBeLessThan(lines.findIndex((l) => l.startsWith('text')));
  });

  it('terminal --verbose: each model under its family', () => {
    const t = terminalReport(big.slice(0, 1 + 7 * 8 * 28).concat({ type: 'run-finished', finishedAt: 'then', complete: true }), {
      color: false,
      verbose: true,
    });
    expect(t).toContain('── lifecycle · ResponseCompletedStreamingEvent ');
    expect(t).toContain('── image generation · Completed ');
    expect(t.indexOf('── lifecycle · ')).toBeLessThan(t.indexOf('── error · '));
  });

  it("summary.md: a section per family with its models' rows, under 100 kB at 28 models × 28 adapters", () => {
    const md = markdownReport(big);
    expect(Buffer.byteLength(md)).toBeLessThan(100 * 1024);
    expect(md).toContain('\n## By family\n');
    for (const f of FAMILIES.filter((f) => f !== 'other')) {
      expect(md).toMatch(new RegExp(`^\\| ${f} \\(\\d+ models?\\) \\|`, 'm'));
      expect(md).toContain(`\n### ${f}\n`);
    }
    for (const m of MODELS) expect(md).toMatch(new RegExp(`^\\| ${m} \\|( (✅|❌ \\d+|➖) \\|){28}$`, 'm'));
    expect(md).toContain('more adapter × check failures: report.html and report.json');
    expect(md).toContain('more cases in report.html.');
    // no failure heading names more than four models one by one
    expect(md).not.toMatch(/^### .* · 5 models \(/m);
  });

  it('report.html folds the spec models by family too', () => {
    // one check a suite: the HTML writes every failure's bytes in full, and the folds are what is asked here
    const html = htmlReport(bigRun(1));
    const folds = [...html.matchAll(/<details class="family" id="fam-\d+" data-group><summary><b>([^<]+)<\/b>/g)].map((m) => m[1]);
    expect(folds).toEqual(FAMILIES.filter((f) => f !== 'other'));
  });
});
