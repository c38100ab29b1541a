import { describe, expect, it } from 'vitest';
import type { PropertyCheck } from '../core/check.js';
import { findModel } from '../core/models.js';
import { caseKey } from '../runner/case-key.js';
import { planChecks } from '../runner/plan.js';
import { checkSeed } from '../runner/replay-token.js';
import { runCheck } from '../runner/run-check.js';
import type { Answer } from '../core/json.js';
import { acceptsParsed } from '../mutants/mutant.js';
import { set } from './helpers/adapters.js';

// a nested event: its cases are big enough that fast-check's shrinking meets many candidates more than once
const MODEL = 'ResponseOutputItemAddedStreamingEvent';
const checks = planChecks({ set, models: [findModel(set, MODEL)], suite: 'Required.Parse.RejectsWrongType*' }) as PropertyCheck[];

/** The check with every case it evaluates counted by its content. */
function counted(check: PropertyCheck) {
  const asked = new Map<string, number>();
  const counting: PropertyCheck = {
    ...check,
    evaluate: (adapter, t) => {
      const key = caseKey(t)!;
      asked.set(key, (asked.get(key) ?? 0) + 1);
      return check.evaluate(adapter, t);
    },
  };
  return { check: counting, asked };
}

/**
 * A parser that takes any payload of more than 200 characters as it is: a
 * candidate shorter than that passes, so shrinking tries candidates that do
 * not fail, and fast-check meets them again after each step it takes.
 */
const acceptsAnything = () => acceptsParsed(set, 'accepts-long', (j) => (JSON.stringify(j).length > 200 ? (j as Answer) : undefined));
const run = (check: PropertyCheck) => runCheck(check, acceptsAnything(), { seed: checkSeed(1, check.model, check.id), runs: 20, concurrency: 1 });

describe('a shrink asks each candidate once', () => {
  it('no case is evaluated twice but the first failure (found, then replayed by fast-check), and the verdict is what it was', async () => {
    expect(checks.length).toBeGreaterThan(3);
    let shrinks = 0;
    let failed = 0;
    for (const c of checks.slice(0, 8)) {
      const { check, asked } = counted(c);
      const r = await run(check);
      // a check whose cases are all short passes here: nothing to shrink
      if (r.status !== 'failed') continue;
      failed++;
      shrinks += r.failure!.shrinks;
      const repeated = [...asked.values()].filter((n) => n > 1);
      expect(repeated).toEqual([2]);
      // the same check again gives the same counterexample, path and number of shrinks
      const again = await run(counted(c).check);
      expect(again.failure).toEqual(r.failure);
    }
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(shrinks).toBeGreaterThan(10);
  });
});
