import { replayAdapterSpec, startAdapter } from '../adapters/index.js';
import type { Adapter } from '../core/contract.js';
import type { PropertyCheck, Shown, Verdict } from '../core/check.js';
import { UsageError } from '../core/errors.js';
import { findModel, type Model, type SchemaSet } from '../core/models.js';
import { quoted } from '../core/visible.js';
import { caseAt } from './case-at.js';
import { planChecks } from './plan.js';
import { decodeReplay, type ReplayTarget } from './replay-token.js';

/**
 * The check a replay token names, planned from today's schemas as a run
 * plans it: a token outlives the code that made it, so a check that is gone
 * or became an observation is the user's to hear about, in one line. What the
 * token says is echoed cut and escaped: it may come from anyone.
 */
export function replayedCheck(set: SchemaSet, target: ReplayTarget): PropertyCheck {
  let model: Model;
  try {
    model = findModel(set, target.model);
  } catch {
    throw new UsageError(
      `the replay token names the model ${quoted(target.model)}, which this orc does not have; run "orc list" for the models (a token from a run with --schema needs the same --schema)`,
    );
  }
  const planned = planChecks({ set, models: [model] });
  const check = planned.find((c) => c.id === target.check);
  if (!check) {
    const longest = Math.max(0, ...planned.map((c) => c.id.length));
    if (target.check.length > longest) {
      throw new UsageError(
        `the replay token is damaged (its check id is ${target.check.length} characters; no check of ${model.name} has more than ${longest}); copy it again whole`,
      );
    }
    throw new UsageError(`check ${quoted(target.check)} no longer exists for ${model.name}; run "orc list" for the checks`);
  }
  if (check.mode !== 'property') throw new UsageError(`${check.id} is an observation; it has no case to replay`);
  return check;
}

/** The one case a token names, generated again: before an adapter starts, so that a token naming none is one line and nothing else. */
export function replayedCase(check: PropertyCheck, target: ReplayTarget): unknown {
  return caseAt(check, target.seed, target.path);
}

/** A replayed case run against the adapter: what was sent, and what it showed now. */
export async function replayCase(check: PropertyCheck, adapter: Adapter, t: unknown): Promise<{ shown: Shown; verdict: Verdict }> {
  return { shown: check.show(t), verdict: await check.evaluate(adapter, t) };
}

/** What replaying a token came to: the check and case it named, the adapter it ran against, and what that adapter did now. */
export interface TokenReplay {
  target: ReplayTarget;
  check: PropertyCheck;
  /** The adapter it ran against now, as that adapter names itself. */
  adapter: string;
  shown: Shown;
  verdict: Verdict;
}

/**
 * Runs the one case a replay token names against its adapter, or the one
 * given (a harness of the user's own is always named in the call: a token
 * starts no program). The case is generated before any adapter starts, so a
 * token naming none costs one line and starts nothing.
 */
export async function replayToken(token: string, options: { adapter?: string; set: SchemaSet }): Promise<TokenReplay> {
  const target = decodeReplay(token);
  const check = replayedCheck(options.set, target);
  const t = replayedCase(check, target);
  const adapter = await startAdapter(replayAdapterSpec(target.adapter, options.adapter), { set: options.set });
  try {
    return { target, check, adapter: adapter.info.name, ...(await replayCase(check, adapter, t)) };
  } finally {
    await adapter.close?.();
  }
}
