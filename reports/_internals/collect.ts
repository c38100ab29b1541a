import type { AdapterInfo } from '../../adapters/contract.ts';
import type { CheckResult, RunEvent, RunInfo, Status } from '../../src/runner/results.ts';
import { LEVELS, type Level } from '../../suites/check.ts';

export type Tally = Record<Status, number>;

export interface MatrixRow {
  model: string;
  id: string;
  level: Level;
  cells: Record<string, CheckResult | undefined>;
}

/** What every reporter reads: the events folded into one picture of the run. */
export interface RunData {
  run: RunInfo | undefined;
  adapters: AdapterInfo[];
  adapterNames: string[];
  adapterErrors: { adapter: string; message: string }[];
  results: CheckResult[];
  complete: boolean;
  finishedAt: string | undefined;
  incompleteReason: string | undefined;
  tallies: Record<string, Record<Level, Tally>>;
  rows: MatrixRow[];
}

const emptyTally = (): Tally => ({ passed: 0, failed: 0, unsupported: 0, observed: 0 });

export function collect(events: readonly RunEvent[]): RunData {
  let run: RunInfo | undefined;
  const adapters: AdapterInfo[] = [];
  const adapterErrors: { adapter: string; message: string }[] = [];
  const results: CheckResult[] = [];
  let finished: Extract<RunEvent, { type: 'run-finished' }> | undefined;
  for (const e of events) {
    if (e.type === 'run-started') run = e.run;
    else if (e.type === 'adapter-started') adapters.push(e.adapter);
    else if (e.type === 'adapter-error') adapterErrors.push({ adapter: e.adapter, message: e.message });
    else if (e.type === 'check-finished') results.push(e.result);
    else finished = e;
  }
  const adapterNames = [...new Set(results.map((r) => r.adapter))];
  const tallies: Record<string, Record<Level, Tally>> = {};
  for (const a of adapterNames) tallies[a] = Object.fromEntries(LEVELS.map((l) => [l, emptyTally()])) as Record<Level, Tally>;
  const rows = new Map<string, MatrixRow>();
  for (const r of results) {
    tallies[r.adapter]![r.level][r.status]++;
    const key = `${r.model}\u0000${r.id}`;
    const row = rows.get(key) ?? { model: r.model, id: r.id, level: r.level, cells: {} };
    row.cells[r.adapter] = r;
    rows.set(key, row);
  }
  return {
    run, adapters, adapterNames, adapterErrors, results,
    complete: finished?.complete ?? false,
    finishedAt: finished?.finishedAt,
    incompleteReason: finished ? finished.reason : 'the run did not finish',
    tallies,
    rows: [...rows.values()],
  };
}

/** Exit status CI can trust: 1 when any Required check failed for any adapter, or an adapter never started. */
export function requiredFailed(data: RunData): boolean {
  return data.adapterErrors.length > 0 || data.results.some((r) => r.level === 'Required' && r.status === 'failed');
}

export const STATUS_MARK: Record<Status, string> = { passed: 'pass', failed: 'FAIL', unsupported: 'n/a', observed: 'obs' };

/** `OpenResponsesImageGenCallGenerating` → `Generating`: enough to tell models apart in a narrow column. */
export function shortModel(name: string): string {
  return name.replace(/^OpenResponsesImageGenCall/, '') || name;
}
