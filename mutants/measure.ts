import type { AdapterFactory } from '../core/contract.js';
import type { Check } from '../core/check.js';
import { findModel, loadSchemaSet, type SchemaSet } from '../core/models.js';
import { TOOL } from '../core/tool.js';
import type { CheckResult } from '../core/results.js';
import { planChecks } from '../runner/plan.js';
import { run } from '../runner/runner.js';
import { CONTROLS, MUTANTS, type Category, type Mutant } from './index.js';

/** The checks issue 12 added: without them, the kill rate the suite had before (the pools' boundaries stay). */
export const NEW_CHECKS =
  /^Required\.Parse\.(RejectsMalformedJson\.|RejectsOtherEventType$|RejectsWrappedEvent$|AcceptsLengthBoundaries\.|AcceptsNumberBoundaries\.)|^Required\.Sse\.StandardQuirks$/;

export interface MutantOutcome {
  name: string;
  category: Category;
  bug: string;
  /** Not a bug: why it must survive. */
  control?: string;
  killed: boolean;
  /** The Required and Recommended checks it failed, in plan order (over several seeds: those that failed it at every seed, or else at any). */
  killedBy: string[];
  /** Over several seeds: the seeds at which nothing killed it. */
  missedAt?: number[];
}

/** The seeds a kill must hold over: a kill one seed in eleven finds is luck, not a check that reaches the bug. */
export const SEEDS: readonly number[] = [1, 2, 3, 4, 5];

export interface MutationRun {
  seed: number;
  runs: number;
  model: string;
  mutants: MutantOutcome[];
}

function factoryOf(m: Mutant, set: SchemaSet): AdapterFactory {
  const made = m.make(set);
  return 'create' in made ? made : { name: m.name, summary: m.bug, create: async () => made };
}

async function runAll(
  set: SchemaSet,
  factories: AdapterFactory[],
  checks: Check[],
  runs: number,
  seed: number,
  jobs: number,
  model: string,
): Promise<CheckResult[]> {
  return run({
    set,
    adapters: factories,
    checks,
    runs,
    seed,
    jobs,
    // a hang costs one full request timeout, shortened waits for its size class after it, and a check at most 20 s
    adapterEnv: { timeoutMs: 500 },
    checkBudgetMs: 20_000,
    info: { tool: TOOL, command: 'npm run mutation', models: [model] },
    emit: () => {},
  });
}

/**
 * Runs every mutant through the checks a default `orc run` plans for the
 * seed's model, at `runs` cases per property: a mutant is killed when a
 * Required or Recommended check fails it. One model is enough: what a
 * model's checks catch, a run of every model catches too. Each check keeps
 * its own seed whatever else runs, so `only` (mutant → the checks to run)
 * gives exactly the verdicts the whole run gives for those checks.
 */
export async function measureMutants(
  o: { runs?: number; seed?: number; jobs?: number; only?: ReadonlyMap<string, readonly string[]> } = {},
): Promise<MutationRun> {
  const set = loadSchemaSet();
  const model = findModel(set, 'generating');
  const checks = planChecks({ set, models: [model] });
  const runs = o.runs ?? 100,
    seed = o.seed ?? 1;
  const mutants = o.only ? MUTANTS.filter((m) => o.only!.has(m.name)) : MUTANTS;
  const results: CheckResult[] = [];
  if (o.only) {
    for (const m of mutants)
      results.push(
        ...(await runAll(
          set,
          [factoryOf(m, set)],
          checks.filter((c) => o.only!.get(m.name)!.includes(c.id)),
          runs,
          seed,
          1,
          model.name,
        )),
      );
  } else {
    results.push(
      ...(await runAll(
        set,
        mutants.map((m) => factoryOf(m, set)),
        checks,
        runs,
        seed,
        o.jobs ?? 3,
        model.name,
      )),
    );
  }
  return {
    seed,
    runs,
    model: model.name,
    mutants: mutants.map((m) => {
      const killedBy = results.filter((r) => r.adapter === m.name && r.status === 'failed' && r.level !== 'Informational').map((r) => r.id);
      return {
        name: m.name,
        category: m.category,
        bug: m.bug,
        ...(CONTROLS[m.name] ? { control: CONTROLS[m.name] } : {}),
        killed: killedBy.length > 0,
        killedBy,
      };
    }),
  };
}

/** The same run as the suite stood before the issue-12 checks: their kills taken away. */
export function withoutNewChecks(r: MutationRun): MutationRun {
  return {
    ...r,
    mutants: r.mutants.map((m) => {
      const killedBy = m.killedBy.filter((id) => !NEW_CHECKS.test(id));
      return { ...m, killedBy, killed: killedBy.length > 0 };
    }),
  };
}

/** Killed ÷ mutants that are bugs, per category and in all. */
export function killRates(r: MutationRun): Record<Category | 'all', { killed: number; total: number }> {
  const out = {} as Record<Category | 'all', { killed: number; total: number }>;
  for (const m of r.mutants.filter((x) => !x.control)) {
    for (const k of [m.category, 'all'] as const) {
      out[k] ??= { killed: 0, total: 0 };
      out[k].total++;
      if (m.killed) out[k].killed++;
    }
  }
  return out;
}

/**
 * Every mutant at each of `seeds`: killed only when it is killed at every
 * one. The checks named are those that killed it at every seed, in plan
 * order, or, when no one check did, every check that killed it at some seed.
 */
export async function measureOverSeeds(
  seeds: readonly number[] = SEEDS,
  o: { runs?: number; jobs?: number; only?: ReadonlyMap<string, readonly string[]> } = {},
): Promise<MutationRun & { seeds: number[] }> {
  const runs: MutationRun[] = [];
  for (const seed of seeds) runs.push(await measureMutants({ ...o, seed }));
  const first = runs[0]!;
  return {
    ...first,
    seeds: [...seeds],
    mutants: first.mutants.map((m, i) => {
      const each = runs.map((r) => r.mutants[i]!);
      const missedAt = seeds.filter((_, k) => !each[k]!.killed);
      const everywhere = m.killedBy.filter((id) => each.every((x) => x.killedBy.includes(id)));
      const anywhere = [...new Set(each.flatMap((x) => x.killedBy))];
      return { ...m, killed: missedAt.length === 0, killedBy: everywhere.length ? everywhere : anywhere, ...(missedAt.length ? { missedAt } : {}) };
    }),
  };
}
