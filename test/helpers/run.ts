import type { Adapter } from '../../core/contract.js';
import { planChecks } from '../../runner/plan.js';
import { runCheck } from '../../runner/run-check.js';
import { checkSeed } from '../../runner/replay-token.js';
import type { CheckResult } from '../../core/results.js';
import { findModel } from '../../core/models.js';
import { set } from './adapters.js';

/** Runs the checks a glob selects for one model against an adapter built in the test. */
export async function runChecks(
  adapter: Adapter,
  opts: { model?: string; suite?: string; level?: string; runs?: number; seed?: number } = {},
): Promise<CheckResult[]> {
  const models = opts.model ? [findModel(set, opts.model)] : set.models;
  const checks = planChecks({ set, models, suite: opts.suite, level: opts.level });
  const out: CheckResult[] = [];
  for (const c of checks) {
    out.push(await runCheck(c, adapter, { seed: checkSeed(opts.seed ?? 1, c.model, c.id), runs: opts.runs ?? 100, concurrency: 16 }));
  }
  return out;
}

export function byId(results: CheckResult[], id: string, model?: string): CheckResult {
  const r = results.find((x) => x.id === id && (!model || x.model === model));
  if (!r) throw new Error(`no result for ${id}; have ${results.map((x) => x.id).join(', ')}`);
  return r;
}
