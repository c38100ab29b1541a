import type { Adapter, AdapterFactory } from '../core/contract.js';
import { UsageError } from '../core/errors.js';
import { findModel, loadSchemaSet, type SchemaSet } from '../core/models.js';
import type { CheckResult, RunEvent } from '../core/results.js';
import { runVerdict, type RunVerdict } from '../core/run-verdict.js';
import { TOOL } from '../core/tool.js';
import { resolveAdapters } from '../adapters/index.js';
import { planChecks } from './plan.js';
import { MAX_RUNS, randomSeed } from './replay-token.js';
import { run } from './runner.js';
import { CHECK_BUDGET_MS } from './run-check.js';

/**
 * What to test an implementation against: an adapter object in process, a
 * factory that starts one, or a name `orc run --adapter` takes (a bundled
 * adapter, or `NAME=cmd:<command line>` for a stdio harness).
 */
export type AdapterSource = Adapter | AdapterFactory | string;

/** Which checks to run and how, as `orc run` takes them. */
export interface ConformanceOptions {
  /** The run's seed, as `orc run --seed`; default: ORC_SEED, else random (in every failure's message). */
  seed?: number;
  /** Cases per property (default: ORC_RUNS, else 100). */
  runs?: number;
  /** Models by name or event type (default: all). */
  models?: string[];
  /** Suites or check ids, as `orc run --suite`. */
  suite?: string;
  /** Levels, as `orc run --level`, e.g. "Required,Recommended". */
  level?: string;
  /** Extra models from JSON Schema files, as `orc run --schema`. */
  schemas?: string[];
  /** Requests in flight with an asynchronous adapter (default 16). */
  concurrency?: number;
  /** Rerun one reported case instead of the suite (default: the ORC_REPLAY environment variable); vitest only. */
  replay?: string;
  /** How long one check may take, shrinking included, as `orc run --check-time` (default: ORC_CHECK_TIME, else 2 minutes); each vitest test is given this and a margin. */
  checkTimeMs?: number;
}

/** Cases per property a run's options give, bounded as `orc run --runs` is, so that every replay token it writes can be replayed. */
export function runsOf(options: ConformanceOptions): number {
  const runs = options.runs ?? envInt('ORC_RUNS') ?? 100;
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > MAX_RUNS)
    throw new UsageError(`runs (or ORC_RUNS) takes a whole number from 1 to ${MAX_RUNS}, not ${runs}`);
  return runs;
}

/** The time budget of one check a run's options give. */
export const checkTimeOf = (options: ConformanceOptions): number => options.checkTimeMs ?? envInt('ORC_CHECK_TIME') ?? CHECK_BUDGET_MS;

/** What `runConformance` found: every result event in order (what the report writers take), the check results, and the verdict. */
export interface ConformanceRun {
  events: RunEvent[];
  results: CheckResult[];
  /** The verdict `orc run` gives without a baseline: the adapter started, the run is complete, something was checked, no Required check failed. */
  passed: boolean;
  /** The whole verdict: headline, completeness, what was not checked. */
  verdict: RunVerdict;
}

export function envInt(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw new UsageError(`${name} must be an integer, not "${v}"`);
  return Number(v);
}

/** The name a source's results carry: a harness given as `NAME=cmd:<command line>` is `NAME`, as in `orc run`. */
export const sourceName = (source: AdapterSource): string =>
  typeof source === 'string' ? sourceFactory(source).name : 'create' in source ? source.name : source.info.name;

/** The source as a factory; an adapter the caller made stays the caller's to close. */
export function sourceFactory(source: AdapterSource): AdapterFactory {
  if (typeof source === 'string') {
    const factories = resolveAdapters(source);
    if (factories.length !== 1) throw new UsageError(`name one adapter, not "${source}"`);
    return factories[0]!;
  }
  if ('create' in source) return source;
  const borrowed: Adapter = Object.create(source, { close: { value: undefined } });
  return { name: source.info.name, summary: 'an adapter given in process', create: async () => borrowed };
}

/** The schema set and models a run's options name. */
export function selectedModels(options: ConformanceOptions): { set: SchemaSet; models: SchemaSet['models'] } {
  const set = loadSchemaSet(options.schemas ?? []);
  return { set, models: options.models ? options.models.map((m) => findModel(set, m)) : set.models };
}

/**
 * Runs the conformance checks against one implementation, programmatically:
 * the same checks, seeds, shrunk counterexamples and replay tokens as
 * `orc run`. Hand `events` to a report writer for the files `orc run` writes.
 */
export async function runConformance(source: AdapterSource, options: ConformanceOptions = {}): Promise<ConformanceRun> {
  const { set, models } = selectedModels(options);
  const checks = planChecks({ set, models, suite: options.suite, level: options.level });
  const events: RunEvent[] = [];
  const runs = runsOf(options);
  const results = await run({
    set,
    adapters: [sourceFactory(source)],
    checks,
    runs,
    seed: options.seed ?? envInt('ORC_SEED') ?? randomSeed(),
    concurrency: options.concurrency ?? 16,
    checkBudgetMs: checkTimeOf(options),
    info: { tool: TOOL, command: `runConformance(${sourceName(source)})`, models: models.map((m) => m.name) },
    emit: (e) => events.push(e),
  });
  const verdict = runVerdict(events);
  return { events, results, passed: verdict.passed, verdict };
}
