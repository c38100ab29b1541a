import * as fc from 'fast-check';
import type { Adapter } from '../core/contract.js';
import { validValues } from '../arbitraries/index.js';
import { applyMutation, baseOf, CATEGORIES, EXPECTATIONS, fuzzCases, SIZE_MUTATIONS, type Base, type FuzzCase } from '../arbitraries/wire/mutations.js';
import type { Model, SchemaSet } from '../core/models.js';
import { saveFailure } from './corpus.js';
import { runCase, type FuzzVerdict } from './judge.js';
import { outputValidator } from '../suites/verdicts.js';
import type { DistinctFailure, FuzzResult } from '../core/fuzz-results.js';

export type { DistinctFailure, FuzzBehaviour, FuzzResult, Tally } from '../core/fuzz-results.js';

export interface FuzzOptions {
  set: SchemaSet;
  models: Model[];
  adapter: Adapter;
  seed: number;
  timeMs: number;
  corpusDir: string;
  stopped?: () => boolean;
  progress?: (r: FuzzResult, elapsedMs: number) => void;
  /** Stop after about this many cases as well (tests use it to be independent of the machine's speed). */
  maxCases?: number;
  /** Cases generated and judged together; an asynchronous adapter gets them all in flight. */
  batch?: number;
}

function emptyTallies(): FuzzResult['tallies'] {
  return Object.fromEntries(
    CATEGORIES.map((c) => [c, Object.fromEntries(EXPECTATIONS.map((e) => [e, { cases: 0, passed: 0, failed: 0, accepted: 0, rejected: 0 }]))]),
  ) as FuzzResult['tallies'];
}

/**
 * Hostile payloads against one adapter until the time is up or the user
 * stops it. Every distinct failure (mutation × kind of error) is saved to the
 * corpus as soon as it is seen, so nothing found is lost to a later crash.
 */
export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const result: FuzzResult = {
    adapter: o.adapter.info.name,
    seed: o.seed,
    cases: 0,
    durationMs: 0,
    complete: false,
    tallies: emptyTallies(),
    failures: [],
    behaviours: {},
  };
  const parseable = o.models.filter((m) => o.adapter.info.operations.parse?.includes(m.name));
  if (parseable.length === 0) {
    result.complete = true;
    return result;
  }
  const bases: fc.Arbitrary<Base> = fc.oneof(...parseable.map((m) => validValues(o.set, m.id, { tame: true }).map((v) => baseOf(m.name, m.schema, v))));
  const cases = fuzzCases(bases);
  const batch = o.batch ?? 256;
  const byKey = new Map<string, DistinctFailure>();
  const validators = new Map(
    parseable.filter((m) => o.adapter.info.operations.serialize?.includes(m.name)).map((m) => [m.name, outputValidator(o.set, m.id)] as const),
  );
  const record = (c: FuzzCase, v: FuzzVerdict) => {
    const seen = (result.behaviours[c.mutation] ??= []);
    const behaviour = v.behaviour ?? (v.status === 'pass' ? v.outcome : v.kind);
    const b = seen.find((x) => x.behaviour === behaviour);
    if (b) b.count++;
    else seen.push({ behaviour, count: 1, example: c.detail });
    const t = result.tallies[c.category][c.expect];
    t.cases++;
    result.cases++;
    if (v.status === 'pass') {
      t.passed++;
      if (c.expect === 'implementation-defined') t[v.outcome]++;
      return;
    }
    t.failed++;
    const key = `${c.mutation}\u0000${v.kind}`;
    const saved = saveFailure(o.corpusDir, o.adapter.info.name, c, v);
    const known = byKey.get(key);
    if (known) known.count++;
    else
      byKey.set(key, {
        mutation: c.mutation,
        category: c.category,
        expect: c.expect,
        kind: v.kind,
        message: v.message.slice(0, 300),
        count: 1,
        file: saved.path,
      });
  };
  for (let round = 0; ; round++) {
    const elapsed = Date.now() - started;
    if (elapsed >= o.timeMs || o.stopped?.() || result.cases >= (o.maxCases ?? Infinity)) break;
    const drawn = fc.sample(cases, { seed: (o.seed + round) | 0, numRuns: batch });
    // one large case every fourth round, cycling through them: their rate is not the others'
    if (round % 4 === 0) {
      const m = SIZE_MUTATIONS[(round / 4) % SIZE_MUTATIONS.length]!;
      const base = fc.sample(bases, { seed: o.seed + round, numRuns: 1 })[0]!;
      const big = applyMutation(m, base, round);
      if (big) drawn.push(big);
    }
    const verdicts = drawn.map((c) => runCase(o.adapter, c, { validOutput: validators.get(c.model) }));
    const settled = await Promise.all(verdicts);
    settled.forEach((v, i) => record(drawn[i]!, v));
    result.failures = [...byKey.values()];
    result.durationMs = Date.now() - started;
    o.progress?.(result, result.durationMs);
    // let a signal in between rounds, in-process adapters answer synchronously
    await new Promise((r) => setImmediate(r));
  }
  result.durationMs = Date.now() - started;
  result.complete = !o.stopped?.();
  for (const seen of Object.values(result.behaviours)) seen.sort((a, b) => b.count - a.count);
  result.failures = [...byKey.values()];
  return result;
}
