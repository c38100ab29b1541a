import * as fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { referenceAdapter } from '../adapters/reference/index.js';
import { validValues } from '../arbitraries/index.js';
import type { SchemaSet } from '../core/models.js';
import { planChecks } from '../src/runner/plan.js';
import { runCheck } from '../src/runner/run-check.js';
import { compare } from './measure.js';

/** The whole `orc run` loop of one check against the reference, against the loop a person would write. */
export async function benchCheckLoop(set: SchemaSet, runs = 5_000) {
  const model = set.models.find((m) => m.name === 'OpenResponsesImageGenCallGenerating')!;
  const check = planChecks({ set, models: [model], suite: 'Required.Parse.AcceptsValid' })[0]!;
  const adapter = referenceAdapter(set);
  const arb = validValues(set, model.id);
  const validate = set.ajv.getSchema(model.id)!;
  const orcLoop = async () => {
    const r = await runCheck(check, adapter, { seed: 1, runs, concurrency: 64 });
    if (r.status !== 'passed') throw new Error(`the benchmark check failed: ${r.failure?.message}`);
  };
  const handLoop = () => {
    for (const v of fc.sample(arb, { numRuns: runs, seed: 1 })) {
      const back = JSON.parse(JSON.stringify(v));
      if (!validate(back) || !isDeepStrictEqual(back, JSON.parse(JSON.stringify(v)))) throw new Error('hand loop: invalid');
    }
  };
  const { a, b, ratio } = await compare(runs, orcLoop, handLoop, 5);
  return {
    name: 'orc check loop (reference adapter) vs hand-written generate→stringify→parse→validate→equal',
    runs,
    orc: { casesPerSecond: Math.round(a.perSecond), medianMs: Math.round(a.medianMs) },
    handWritten: { casesPerSecond: Math.round(b.perSecond), medianMs: Math.round(b.medianMs) },
    ratio,
    target: 0.5,
    met: ratio >= 0.5,
  };
}
