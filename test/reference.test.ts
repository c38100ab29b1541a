import { describe, expect, it } from 'vitest';
import { reference, set } from './helpers/adapters.js';
import { planChecks } from '../runner/plan.js';
import { runCheck } from '../runner/run-check.js';
import { checkSeed } from '../runner/replay-token.js';

const SEED = 12345;
// planned over every model at once, as a run plans them (a suite run once lands under the seed's model)
const checks = planChecks({ set, models: set.models });

// a test a model: 28 models at 200 cases are minutes of CPU, which a loaded machine stretches; the limit is for a hang only
describe('the reference adapter passes every Required and Recommended check, and observes every Informational one', () => {
  it('plans checks for every model', () => {
    expect(new Set(checks.map((c) => c.model))).toEqual(new Set(set.models.map((m) => m.name)));
  });
  it.each(set.models.map((m) => m.name))(
    '%s',
    async (model) => {
      const adapter = reference();
      const results = [];
      for (const c of checks.filter((c) => c.model === model)) {
        results.push(await runCheck(c, adapter, { seed: checkSeed(SEED, c.model, c.id), runs: 200, concurrency: 16 }));
      }
      const bad = results.filter((r) => (r.level === 'Informational' ? r.status !== 'observed' : r.status !== 'passed'));
      expect(bad.map((r) => `${r.model} ${r.id}: ${r.status} ${r.failure?.message ?? r.reason ?? ''}`)).toEqual([]);
      expect(results.filter((r) => r.status === 'passed').every((r) => r.casesRun > 0)).toBe(true);
    },
    900_000,
  );
});
