import type { Adapter } from '../../core/contract.js';
import type { PropertyCheck, Shown, Verdict } from '../../core/check.js';
import { UsageError } from '../../core/errors.js';
import { findModel, type SchemaSet } from '../../core/models.js';
import { caseAt } from './case-at.js';
import { planChecks } from './plan.js';
import type { ReplayTarget } from './replay-token.js';

/**
 * The check a replay token names, planned from today's schemas as a run
 * plans it: a token outlives the code that made it, so a check that is gone
 * or became an observation is the user's to hear about, in one line.
 */
export function replayedCheck(set: SchemaSet, target: ReplayTarget): PropertyCheck {
  const model = findModel(set, target.model);
  const check = planChecks({ set, models: [model] }).find((c) => c.id === target.check);
  if (!check) throw new UsageError(`check ${target.check} no longer exists for ${target.model}; run "orc list" for the checks`);
  if (check.mode !== 'property') throw new UsageError(`${target.check} is an observation; it has no case to replay`);
  return check;
}

/** The one case a token names, generated again and run against the adapter: what was sent, and what it showed now. */
export async function replayCase(check: PropertyCheck, adapter: Adapter, target: ReplayTarget): Promise<{ shown: Shown; verdict: Verdict }> {
  const t = caseAt(check, target.seed, target.path);
  return { shown: check.show(t), verdict: await check.evaluate(adapter, t) };
}
