import { describe, expect, it } from 'vitest';
import type { Adapter, AdapterFactory } from '../core/contract.js';
import type { Check, PropertyCheck } from '../core/check.js';
import type { CheckResult } from '../core/results.js';
import { planChecks } from '../runner/plan.js';
import { run } from '../runner/runner.js';
import { casesOf } from '../runner/run-check.js';
import { SharedCases } from '../runner/shared-cases.js';
import { GENERATING, reference, set } from './helpers/adapters.js';

const model = set.models.find((m) => m.name === GENERATING)!;
const factory = (name: string, make: () => Adapter): AdapterFactory => ({
  name,
  summary: name,
  create: async () => ({ ...make(), info: { ...make().info, name } }),
});

/** The checks of a suite, each arbitrary counting the values it is asked for, and slow enough to make that its cases are worth holding. */
function counted(suite: string): { checks: Check[]; drawn: Map<string, number> } {
  const drawn = new Map<string, number>();
  const slowly = () => {
    const until = performance.now() + 0.1;
    while (performance.now() < until);
  };
  const checks = planChecks({ set, models: [model], suite }).map((c) =>
    c.mode !== 'property' ? c : { ...c, arbitrary: c.arbitrary.map((v: unknown) => (slowly(), drawn.set(c.id, (drawn.get(c.id) ?? 0) + 1), v)) },
  );
  return { checks, drawn };
}

async function runAll(adapters: AdapterFactory[], checks: Check[], jobs: number): Promise<CheckResult[]> {
  return run({ set, adapters, checks, runs: 50, seed: 4, jobs, info: { tool: 'orc', version: '0', schemaSet: 'bundled' } as any, emit: () => {} });
}

describe("a check's cases: generated once per run, handed to every adapter", () => {
  it('three adapters, one and two at a time: each check draws its cases once, and every adapter has the same verdicts', async () => {
    for (const jobs of [1, 2]) {
      const { checks, drawn } = counted('Parse');
      const results = await runAll(
        ['a', 'b', 'c'].map((n) => factory(n, reference)),
        checks,
        jobs,
      );
      const properties = checks.filter((c) => c.mode === 'property' && !c.cases);
      expect(properties.length).toBeGreaterThan(10);
      // the run draws 50 cases per property; without sharing it would be 150
      for (const c of properties) expect(drawn.get(c.id), c.id).toBe(50);
      const of = (name: string) => results.filter((r) => r.adapter === name).map((r) => [r.id, r.status, r.casesRun]);
      expect(of('b')).toEqual(of('a'));
      expect(of('c')).toEqual(of('a'));
    }
  });

  it('an in-process adapter that writes to its input fails with its own error, and the next adapter is given the values unchanged', async () => {
    const writes: AdapterFactory = factory('writes-input', () => {
      const r = reference();
      return { ...r, serialize: (m, value) => (((value as Record<string, unknown>).item_id = 'changed'), r.serialize(m, value)) };
    });
    const { checks } = counted('Required.Serialize.OutputValidates');
    const [bad, good] = await runAll([writes, factory('after', reference)], checks, 1);
    expect(bad!.status).toBe('failed');
    expect(bad!.status === 'failed' && bad!.failure.message).toMatch(/the adapter threw: TypeError: Cannot assign to read only property 'item_id'/);
    expect(good!.status).toBe('passed');
  });

  it('holds a check only while some adapter still owes it, and only when its cases took time to make', () => {
    const check = planChecks({ set, models: [model], suite: 'Required.Parse.AcceptsValid' })[0] as PropertyCheck;
    const never = new SharedCases(new Map([[check, 2]]), Infinity);
    const made = never.cases(check, 1, 20);
    expect(never.cases(check, 1, 20)).not.toBe(made);
    expect(never.cases(check, 1, 20)).toEqual(made);
    expect(never.held).toBe(0);
    const shared = new SharedCases(new Map([[check, 2]]), 0);
    const first = shared.cases(check, 1, 20);
    expect(shared.cases(check, 1, 20)).toBe(first);
    expect(first).toEqual(casesOf(check.arbitrary, 1, 20));
    expect(Object.isFrozen(first[0])).toBe(true);
    shared.release(check);
    expect(shared.held).toBe(1);
    shared.release(check);
    expect(shared.held).toBe(0);
  });
});
