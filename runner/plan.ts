import { UsageError } from '../core/errors.js';
import { eventTypeOf, type Model, type SchemaSet } from '../core/models.js';
import type { Check, Level } from '../core/check.js';
import { composeChecks, LEVELS } from '../core/check.js';
import { SUITES, globMatcher } from '../suites/index.js';

const SEED_EVENT = 'response.image_generation_call.generating';

/** Which checks to plan: the schema set, its models, and `orc run`'s `--suite` and `--level` filters. */
export interface PlanOptions {
  set: SchemaSet;
  models: Model[];
  suite?: string;
  level?: string;
}

export function parseLevels(spec: string | undefined): Level[] {
  if (!spec) return [...LEVELS];
  return spec.split(',').map((l) => {
    const found = LEVELS.find((x) => x.toLowerCase() === l.trim().toLowerCase());
    if (!found) throw new UsageError(`unknown level "${l}"; use ${LEVELS.join(', ')} (comma-separated for several)`);
    return found;
  });
}

/**
 * The placed checks of one model a run's `runs` pays for in full: more of
 * them (a nested model's hundreds of places) share that many checks' cases.
 * Every flat model bundled stays under it, so its checks run as many cases as
 * before.
 */
export const PLACED_AT_FULL_RUNS = 40;

/** Gives each placed check of a model its share, counted over every suite and level, so that a filter changes no check's cases. */
function shareBudget(checks: Check[]): void {
  const placed = checks.filter((c): c is Check & { mode: 'property' } => c.mode === 'property' && c.placed === true);
  if (placed.length <= PLACED_AT_FULL_RUNS) return;
  for (const c of placed) c.share = PLACED_AT_FULL_RUNS / placed.length;
}

/** The checks a run does, model by model, suite by suite; a suite glob matches suite names or check ids. */
export function planChecks(o: PlanOptions): Check[] {
  const levels = new Set(parseLevels(o.level));
  const match = o.suite ? globMatcher(o.suite) : () => true;
  const out: Check[] = [];
  // a suite that no model changes runs under the seed's model when the run has it, else the first
  const once = o.models.find((m) => m.schema['x-event-type'] === SEED_EVENT) ?? o.models[0];
  for (const model of o.models) {
    const planned: Check[] = [];
    for (const suite of SUITES) {
      if (suite.once && model !== once) continue;
      if (suite.hosts && !suite.hosts.includes(eventTypeOf(model) ?? '')) continue;
      const checks = composeChecks(suite, { set: o.set, model });
      planned.push(...checks);
      const whole = match(suite.name);
      out.push(...checks.filter((c) => levels.has(c.level) && (whole || match(c.id))));
    }
    shareBudget(planned);
  }
  if (out.length === 0) {
    throw new UsageError(`--suite "${o.suite ?? '*'}" with --level "${o.level ?? 'all'}" selects no check; run "orc list" for the suites and checks`);
  }
  return out;
}
