import { UsageError } from '../errors.ts';
import type { Model, SchemaSet } from '../models.ts';
import type { Check, Level } from '../../suites/check.ts';
import { LEVELS } from '../../suites/check.ts';
import { SUITES, globMatcher } from '../../suites/index.ts';

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
  for (const model of o.models) {
    for (const suite of SUITES) {
      const checks = suite.checks({ set: o.set, model });
      const whole = match(suite.name);
      out.push(...checks.filter((c) => levels.has(c.level) && (whole || match(c.id))));
    }
  }
  if (out.length === 0) {
    throw new UsageError(`--suite "${o.suite ?? '*'}" with --level "${o.level ?? 'all'}" selects no check; run "orc list" for the suites and checks`);
  }
  return out;
}
