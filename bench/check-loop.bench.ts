import * as fc from 'fast-check';
import equal from 'fast-deep-equal';
import { referenceAdapter } from '../adapters/reference/index.js';
import type { SchemaSet } from '../core/models.js';
import { planChecks } from '../runner/plan.js';
import { runCheck } from '../runner/run-check.js';
import { handArbitrary } from './hand-arbitrary.js';
import { compare } from './measure.js';

/**
 * The whole `orc run` loop of one check against the reference, against the
 * loop a skilled person writes for the same property: their own edge-tuned
 * arbitrary, one JSON round trip, ajv, and fast-deep-equal.
 */
export async function benchCheckLoop(set: SchemaSet, runs = 5_000) {
  const model = set.models.find((m) => m.name === 'OpenResponsesImageGenCallGenerating')!;
  const check = planChecks({ set, models: [model], suite: 'Required.Parse.AcceptsValid' })[0]!;
  const adapter = referenceAdapter(set);
  const hand = handArbitrary(model.schema['x-event-type']);
  const validate = set.ajv.getSchema(model.id)!;
  const orcLoop = async () => {
    const r = await runCheck(check, adapter, { seed: 1, runs, concurrency: 64 });
    if (r.status !== 'passed') throw new Error(`the benchmark check failed: ${r.failure?.message}`);
  };
  const handLoop = () => {
    for (const v of fc.sample(hand, { numRuns: runs, seed: 1 })) {
      const back = JSON.parse(JSON.stringify(v));
      if (!validate(back) || !equal(back, v)) throw new Error('hand loop: the value did not come back');
    }
  };
  const { a, b, ratio, roundRatios } = await compare(runs, orcLoop, handLoop, 5);
  return {
    name: 'orc check loop (reference adapter) vs a hand loop: edge-tuned arbitrary, one round trip, ajv, fast-deep-equal',
    runs,
    orc: { casesPerSecond: Math.round(a.perSecond), medianMs: Math.round(a.medianMs) },
    handWritten: { casesPerSecond: Math.round(b.perSecond), medianMs: Math.round(b.medianMs) },
    lines: [`orc:          ${Math.round(a.perSecond).toLocaleString('en')} cases/s`, `hand loop:    ${Math.round(b.perSecond).toLocaleString('en')} cases/s`],
    ratio,
    roundRatios,
    target: 0.8,
    met: ratio >= 0.8,
  };
}
