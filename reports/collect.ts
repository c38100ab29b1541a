import type { AdapterInfo, Restart } from '../core/contract.js';
import type { CheckResult, FailedResult, RunEvent, RunInfo, Status } from '../core/results.js';
import { LEVELS, type Level } from '../core/check.js';
import { runVerdict, type RunVerdict } from '../core/run-verdict.js';
import { byFamily, type Family } from '../core/families.js';

/** How many results of each status: one adapter's at one level. */
export type StatusCounts = Record<Status, number>;

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
  /** Every model a result names, in the order results first name them. */
  models: string[];
  adapterErrors: { adapter: string; message: string }[];
  /** Each adapter whose harness had to be restarted, by cause. */
  adapterRestarts: { adapter: string; restarts: Restart[] }[];
  results: CheckResult[];
  complete: boolean;
  finishedAt: string | undefined;
  incompleteReason: string | undefined;
  tallies: Record<string, Record<Level, StatusCounts>>;
  rows: MatrixRow[];
  baseline: Extract<RunEvent, { type: 'baseline' }> | undefined;
  /** What the run comes to: the one verdict the exit status, the headline and every format share. */
  verdict: RunVerdict;
}

const emptyCounts = (): StatusCounts => ({ passed: 0, failed: 0, unsupported: 0, observed: 0 });

/** The fold of each list of events as it last was: a run's events only grow, so equal length means the same events. */
const folds = new WeakMap<readonly RunEvent[], { length: number; data: RunData }>();

/**
 * The events folded into one picture of the run, once for every writer that
 * renders the same events: the final write renders five formats and the
 * terminal, and each asks for the fold.
 */
export function collect(events: readonly RunEvent[]): RunData {
  const known = folds.get(events);
  if (known && known.length === events.length) return known.data;
  const data = fold(events);
  folds.set(events, { length: events.length, data });
  return data;
}

function fold(events: readonly RunEvent[]): RunData {
  let run: RunInfo | undefined;
  const adapters: AdapterInfo[] = [];
  const adapterErrors: { adapter: string; message: string }[] = [];
  const adapterRestarts: RunData['adapterRestarts'] = [];
  const results: CheckResult[] = [];
  let finished: Extract<RunEvent, { type: 'run-finished' }> | undefined;
  let baseline: Extract<RunEvent, { type: 'baseline' }> | undefined;
  for (const e of events) {
    if (e.type === 'run-started') run = e.run;
    else if (e.type === 'adapter-started') adapters.push(e.adapter);
    else if (e.type === 'adapter-error') adapterErrors.push({ adapter: e.adapter, message: e.message });
    else if (e.type === 'check-finished') results.push(e.result);
    else if (e.type === 'adapter-restarts') adapterRestarts.push({ adapter: e.adapter, restarts: e.restarts });
    else if (e.type === 'baseline') baseline = e;
    else if (e.type === 'run-finished') finished = e;
  }
  const adapterNames = [...new Set(results.map((r) => r.adapter))];
  const tallies: Record<string, Record<Level, StatusCounts>> = {};
  for (const a of adapterNames) tallies[a] = Object.fromEntries(LEVELS.map((l) => [l, emptyCounts()])) as Record<Level, StatusCounts>;
  const rows = new Map<string, MatrixRow>();
  for (const r of results) {
    tallies[r.adapter]![r.level][r.status]++;
    const key = `${r.model}\u0000${r.id}`;
    const row = rows.get(key) ?? { model: r.model, id: r.id, level: r.level, cells: {} };
    row.cells[r.adapter] = r;
    rows.set(key, row);
  }
  const verdict = runVerdict(events);
  return {
    run,
    adapters,
    adapterNames,
    models: [...new Set(results.map((r) => r.model))],
    adapterErrors,
    adapterRestarts,
    results,
    complete: verdict.complete,
    finishedAt: finished?.finishedAt,
    incompleteReason: verdict.incompleteReason,
    tallies,
    rows: [...rows.values()],
    baseline,
    verdict,
  };
}

const MAX_LISTED = 25;

/** The baseline's verdict in a few lines, for the terminal and the Markdown summary. */
export function baselineLines(data: RunData): string[] {
  const b = data.baseline;
  if (!b) return [];
  const name = (e: { adapter: string; model: string; check: string }) => `${e.adapter} · ${shortModel(e.model)} · ${e.check}`;
  // a list of thousands is named in full in report.json; a summary names the first few of each kind
  const some = (list: { adapter: string; model: string; check: string; was?: string; now?: string }[], what: string) => [
    ...list.slice(0, MAX_LISTED).map((e) => `  ${what}: ${name(e)}${e.was ? ` (listed as ${e.was}, now ${e.now})` : ''}`),
    ...(list.length > MAX_LISTED ? [`  … and ${list.length - MAX_LISTED} more (${what}); report.json lists them all`] : []),
  ];
  return [
    `Baseline ${b.file}: ${!b.ok ? 'FAILED' : data.verdict.gate ? 'passed' : 'not passed, the run is incomplete'} (${b.known.length} known failures still failing)`,
    ...some(b.newFailures, 'new failure'),
    ...some(b.unexpectedPasses, 'now passes, take it off the list'),
    ...some(b.stale, 'no longer exists, take it off the list'),
  ];
}

/** One line per adapter whose harness was restarted: how often, and why. */
export function restartLines(data: RunData): string[] {
  return data.adapterRestarts.map(({ adapter, restarts }) => {
    const total = restarts.reduce((n, r) => n + r.count, 0);
    return `${adapter}: the harness was restarted ${total} time${total === 1 ? '' : 's'}: ${restarts.map((r) => `${r.count}× ${r.kind} (${r.message})`).join('; ')}`;
  });
}

/** A level's share as the summaries write it: `12/14 passed, 2 n/a`. */
export function levelShare(t: StatusCounts): string {
  return `${t.passed}/${t.passed + t.failed} passed${t.unsupported ? `, ${t.unsupported} n/a` : ''}`;
}

/** `@openrouter/sdk 0.1.2 (TypeScript)`, or nothing for an adapter that never started. */
export function implementationOf(d: RunData, adapter: string): string {
  const info = d.adapters.find((x) => x.name === adapter);
  return info ? `${info.implementation} ${info.version} (${info.language})` : '';
}

export const STATUS_MARK: Record<Status, string> = { passed: 'pass', failed: 'FAIL', unsupported: 'n/a', observed: 'obs' };

/** An observation's behaviours, case by case, distinct and in case order: what its cell says. */
export function behaviourOf(r: CheckResult): string {
  return [...new Set((r.observations ?? []).map((o) => o.behaviour))].join(' / ') || STATUS_MARK.observed;
}

/** What a matrix cell says: the status, or for an observation the behaviour. */
export function cellText(r: CheckResult): string {
  return r.status === 'observed' ? behaviourOf(r) : STATUS_MARK[r.status];
}

/** Each distinct cell text of a row, numbered in adapter order: cells with one number behave alike. */
export function behaviourClasses(row: MatrixRow, adapters: readonly string[]): Map<string, number> {
  const classes = new Map<string, number>();
  for (const a of adapters) {
    const r = row.cells[a];
    if (r?.status === 'observed' && !classes.has(behaviourOf(r))) classes.set(behaviourOf(r), classes.size);
  }
  return classes;
}

/** One case of an observation across implementations: which adapters share each behaviour (Bowtie's view of a case). */
export interface BehaviourGroup {
  model: string;
  id: string;
  case: string;
  behaviours: { behaviour: string; adapters: string[]; detail: string }[];
}

export function behaviourGroups(d: RunData): BehaviourGroup[] {
  const out: BehaviourGroup[] = [];
  for (const row of d.rows) {
    const cases = new Map<string, BehaviourGroup>();
    for (const a of d.adapterNames) {
      for (const o of row.cells[a]?.observations ?? []) {
        const g = cases.get(o.label) ?? { model: row.model, id: row.id, case: o.label, behaviours: [] };
        cases.set(o.label, g);
        const b = g.behaviours.find((x) => x.behaviour === o.behaviour);
        if (b) b.adapters.push(a);
        else g.behaviours.push({ behaviour: o.behaviour, adapters: [a], detail: o.outcome });
      }
    }
    out.push(...cases.values());
  }
  return out;
}

/** `OpenResponsesImageGenCallGenerating` → `Generating`: enough to tell models apart in a narrow column. */
export function shortModel(name: string): string {
  return name.replace(/^OpenResponsesImageGenCall/, '') || name;
}

const resultKey = (adapter: string, model: string, check: string) => `${adapter}\u0000${model}\u0000${check}`;

/** The failures a baseline lists, still failing the way it says: drawn as known, not as new. */
export function knownFailures(d: RunData): Set<string> {
  return new Set((d.baseline?.known ?? []).map((e) => resultKey(e.adapter, e.model, e.check)));
}

export const isKnown = (known: Set<string>, r: CheckResult) => known.has(resultKey(r.adapter, r.model, r.id));

/** One failing check of one adapter, across the models it fails for: one bug, said once. */
export interface FailureGroup {
  adapter: string;
  id: string;
  level: Level;
  /** The failing results, smallest counterexample first. */
  results: FailedResult[];
  known: boolean;
}

const size = (r: FailedResult) => {
  const c = r.failure.counterexample;
  return c.payload ? c.payload.text.length : JSON.stringify(c.value ?? '').length;
};

/**
 * Failures grouped by adapter × check, Required first, then breadth first:
 * each adapter's first group, then each one's second, so that the first
 * few groups show the whole run. Each group has its smallest counterexample first.
 */
export function failureGroups(d: RunData): FailureGroup[] {
  const known = knownFailures(d);
  const groups = new Map<string, FailureGroup>();
  for (const r of d.results) {
    if (r.status !== 'failed') continue;
    // gated, a group speaks of new failures alone: one new failure is not "4 models", three of them known
    if (d.baseline && isKnown(known, r)) continue;
    const key = `${r.adapter}\u0000${r.id}`;
    const g = groups.get(key) ?? { adapter: r.adapter, id: r.id, level: r.level, results: [], known: true };
    g.results.push(r);
    g.known &&= isKnown(known, r);
    groups.set(key, g);
  }
  for (const g of groups.values()) g.results.sort((a, b) => size(a) - size(b));
  const rank = new Map<string, number>();
  const ranked = [...groups.values()].map((g) => {
    const n = rank.get(`${g.level} ${g.adapter}`) ?? 0;
    rank.set(`${g.level} ${g.adapter}`, n + 1);
    return { g, n, level: LEVELS.indexOf(g.level), adapter: d.adapterNames.indexOf(g.adapter) };
  });
  return ranked.sort((a, b) => a.level - b.level || a.n - b.n || a.adapter - b.adapter).map((x) => x.g);
}

/**
 * Counts for the closing line CI greps, after protobuf's "CONFORMANCE SUITE
 * PASSED: …": unexpected failures are the ones that fail the run, expected
 * ones are what a baseline lists; a second line counts Recommended failures
 * without a baseline (they do not fail the run), listed failures gone, and
 * observations.
 */
export function countLine(d: RunData): string {
  const known = knownFailures(d);
  let passed = 0,
    skipped = 0,
    expected = 0,
    unexpected = 0,
    recommended = 0,
    observed = 0;
  for (const r of d.results) {
    if (r.status === 'passed') passed++;
    else if (r.status === 'unsupported') skipped++;
    else if (r.status === 'observed') observed++;
    else if (isKnown(known, r)) expected++;
    else if (r.level === 'Required' || d.baseline) unexpected++;
    else recommended++;
  }
  const gone = d.baseline ? d.baseline.unexpectedPasses.length + d.baseline.stale.length : 0;
  const verdict = d.verdict.passed ? 'PASSED' : 'FAILED';
  const counts = `CONFORMANCE SUITE ${verdict}: ${passed} successes, ${skipped} skipped, ${expected} expected failures, ${unexpected} unexpected failures`;
  // the line CI greps keeps protobuf's four counts and fits 120 columns; the rest follows on a line of its own
  const more = [
    ...(recommended ? [`${recommended} Recommended failure${recommended === 1 ? '' : 's'}`] : []),
    ...(gone ? [`${gone} listed failure${gone === 1 ? '' : 's'} now passing or gone`] : []),
    `${observed} observation${observed === 1 ? '' : 's'}`,
    ...(d.complete ? [] : ['incomplete run']),
  ];
  return `${counts}\n${more.join(', ')}`;
}

/** What the gate decided and why, or what the Required level says: the one headline every format leads with. */
export function headline(d: RunData): string {
  return d.verdict.headline;
}

/** Required and Recommended suites, each adapter's results in it. */
export function suiteRows(d: RunData): [string, Map<string, CheckResult[]>][] {
  const rows = new Map<string, Map<string, CheckResult[]>>();
  for (const r of d.results) {
    if (r.level === 'Informational') continue;
    const row = `${r.level} ${r.suite}`;
    const cells = rows.get(row) ?? new Map<string, CheckResult[]>();
    // pushed, not copied: a suite holds thousands of one adapter's results at 28 models
    const cell = cells.get(r.adapter);
    if (cell) cell.push(r);
    else cells.set(r.adapter, [r]);
    rows.set(row, cells);
  }
  const level = (row: string) => LEVELS.indexOf(row.split(' ')[0] as (typeof LEVELS)[number]);
  return [...rows.entries()].sort(([a], [b]) => level(a) - level(b));
}

/** Each family of models, its models, and each adapter's Required and Recommended results for them: a family row of a matrix. */
export function familyRows(d: RunData): { family: Family; models: string[]; cells: Map<string, CheckResult[]> }[] {
  const rows = byFamily(d.models).map(([family, models]) => ({ family, models, cells: new Map<string, CheckResult[]>() }));
  const rowOf = new Map(rows.flatMap((row) => row.models.map((m) => [m, row] as const)));
  for (const r of d.results) {
    if (r.level === 'Informational') continue;
    const cells = rowOf.get(r.model)!.cells;
    const cell = cells.get(r.adapter);
    if (cell) cell.push(r);
    else cells.set(r.adapter, [r]);
  }
  return rows;
}

/**
 * The models a failure group covers, within a heading's line: up to four
 * by name, else counted by family, since twenty spec event names would
 * fill a screen (`all 28 models`, `9 models: lifecycle 6, error 1, …`).
 */
export function modelsNamed(models: readonly string[], d: RunData): string {
  if (models.length === 1) return shortModel(models[0]!);
  if (models.length <= 4) return `${models.length} models (${models.map(shortModel).join(', ')})`;
  if (models.length === d.models.length) return `all ${models.length} models`;
  return `${models.length} models (${byFamily(models)
    .map(([f, ms]) => `${f} ${ms.length}`)
    .join(', ')})`;
}

/** What one adapter's results in one suite come to: new failures, else known ones, else a pass, else nothing it could run. */
export function suiteCell(results: readonly CheckResult[], known: Set<string>): { kind: 'failed' | 'known' | 'passed' | 'unsupported'; count: number } {
  const failed = results.filter((r) => r.status === 'failed');
  const fresh = failed.filter((r) => !isKnown(known, r)).length;
  if (fresh) return { kind: 'failed', count: fresh };
  if (failed.length) return { kind: 'known', count: failed.length };
  return { kind: results.some((r) => r.status === 'passed') ? 'passed' : 'unsupported', count: 0 };
}

/** A, B, …, Z, AA, AB, …: a column narrow enough for a dozen adapters. */
export function adapterKey(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${adapterKey(Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;
}
