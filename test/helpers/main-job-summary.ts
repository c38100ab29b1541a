import type { CheckResult } from '../../core/results.js';
import { mergedEvents } from '../../runner/merge.js';
import type { Report } from '../../runner/read-report.js';
import { terminalReport } from '../../reports/terminal.js';

/** One adapter's figures in the main job: what the README's "What it finds" table prints. */
export interface AdapterFigures {
  name: string;
  implementation: string;
  version: string;
  language: string;
  required: { passed: number; failed: number; na: number };
  recommended: { passed: number; failed: number; na: number };
  observed: number;
}

/**
 * What the README says of the main job, kept small enough for git: each
 * adapter's figures, for each adapter and check (models folded) the failure
 * kinds or behaviour labels it gave, and the terminal output itself.
 */
export interface MainJobSummary {
  seed: number;
  runs: number;
  adapters: AdapterFigures[];
  /** adapter → check id → the distinct failure kinds (`failed:<kind>`) and behaviour labels it gave, over the models (passes and n/a left out). */
  outcomes: Record<string, Record<string, string[]>>;
  terminal: string[];
}

function outcomeOf(r: CheckResult): string[] {
  if (r.status === 'failed') return [`failed:${r.failure.kind}`];
  if (r.status === 'observed') return [...new Set(r.observations.map((o) => o.behaviour))];
  return [];
}

export function summarize(report: Report & { run: { seed: number; runs: number } }): MainJobSummary {
  const adapters: AdapterFigures[] = [];
  const outcomes: MainJobSummary['outcomes'] = {};
  const names = [...new Set(report.results.map((r) => r.adapter))];
  for (const name of names) {
    const info = report.adapters.find((a) => a.name === name);
    const mine = report.results.filter((r) => r.adapter === name);
    const tally = (level: string) => {
      const at = mine.filter((r) => r.level === level);
      return {
        passed: at.filter((r) => r.status === 'passed').length,
        failed: at.filter((r) => r.status === 'failed').length,
        na: at.filter((r) => r.status === 'unsupported').length,
      };
    };
    adapters.push({
      name,
      implementation: info?.implementation ?? '',
      version: info?.version ?? '',
      language: info?.language ?? '',
      required: tally('Required'),
      recommended: tally('Recommended'),
      observed: mine.filter((r) => r.status === 'observed').length,
    });
    const byCheck: Record<string, Set<string>> = {};
    for (const r of mine) for (const o of outcomeOf(r)) (byCheck[r.id] ??= new Set()).add(o);
    outcomes[name] = Object.fromEntries(
      Object.entries(byCheck)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, s]) => [id, [...s].sort()]),
    );
  }
  const terminal = terminalReport(mergedEvents([report]), { color: false })
    .replace(/\n$/, '')
    .split('\n');
  return { seed: report.run.seed, runs: report.run.runs, adapters, outcomes, terminal };
}
