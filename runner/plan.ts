import { UsageError } from '../core/errors.js';
import type { Model, SchemaSet } from '../core/models.js';
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

/** The checks a run does, model by model, suite by suite; a suite glob matches suite names or check ids. */
export function planChecks(o: PlanOptions): Check[] {
  const levels = new Set(parseLevels(o.level));
  const match = o.suite ? globMatcher(o.suite) : () => true;
  const out: Check[] = [];
  // a suite that no model changes runs under the seed's model when the run has it, else the first
  const once = o.models.find((m) => m.schema['x-event-type'] === SEED_EVENT) ?? o.models[0];
  for (const model of o.models) {
    for (const suite of SUITES) {
      if (suite.once && model !== once) continue;
      const checks = composeChecks(suite, { set: o.set, model });
      const whole = match(suite.name);
      out.push(...checks.filter((c) => levels.has(c.level) && (whole || match(c.id))));
    }
  }
  if (out.length === 0) {
    throw new UsageError(`--suite "${o.suite ?? '*'}" with --level "${o.level ?? 'all'}" selects no check; run "orc list" for the suites and checks`);
  }
  return out;
}
