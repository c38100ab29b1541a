import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import type { Adapter, AdapterFactory } from '../../core/contract.ts';
import { startAdapter } from '../../adapters/index.ts';
import { failureLines } from '../../reports/failure-lines.ts';
import { visible } from '../../core/visible.ts';
import { replayCase } from '../runner/replay.ts';
import { UsageError } from '../../core/errors.ts';
import { findModel, loadSchemaSet } from '../../core/models.ts';
import { planChecks } from '../runner/plan.ts';
import { checkSeed, decodeReplay, randomSeed, type ReplayTarget } from '../runner/replay-token.ts';
import { runCheck } from '../runner/run-check.ts';
import type { FailedResult } from '../../core/results.ts';
import type { PropertyCheck } from '../../core/check.ts';

export interface ConformanceOptions {
  /** The run's seed, as `orc run --seed`; default: ORC_SEED, else random (in every failure's message). */
  seed?: number;
  /** Cases per property (default: ORC_RUNS, else 100). */
  runs?: number;
  /** Models by name or event type (default: all). */
  models?: string[];
  /** Suites or check ids, as `orc run --suite`. */
  suite?: string;
  /** Levels, as `orc run --level`, e.g. "Required,Recommended". */
  level?: string;
  /** Extra models from JSON Schema files, as `orc run --schema`. */
  schemas?: string[];
  /** Requests in flight with an asynchronous adapter (default 16). */
  concurrency?: number;
  /** Rerun one reported case instead of the suite (default: the ORC_REPLAY environment variable). */
  replay?: string;
}

type AdapterSource = Adapter | AdapterFactory | string;

function envInt(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw new UsageError(`${name} must be an integer, not "${v}"`);
  return Number(v);
}

async function open(source: AdapterSource, set: ReturnType<typeof loadSchemaSet>): Promise<{ adapter: Adapter; owned: boolean }> {
  if (typeof source === 'string') return { adapter: await startAdapter(source, { set }), owned: true };
  if ('create' in source) return { adapter: await source.create({ set }), owned: true };
  return { adapter: source, owned: false };
}

const nameOf = (source: AdapterSource) => (typeof source === 'string' ? source : 'create' in source ? source.name : source.info.name);

/** How to see one case again from the SDK's own test run. */
function replayLine(token: string, id: string): string {
  return `replay: ORC_REPLAY=${token} npx vitest run -t '${id}'   (token ${token})`;
}

function failed(r: FailedResult, runSeed: number): Error {
  const lines = failureLines(r, replayLine(r.failure.replay, r.id)).map((l) => visible(l, 4000));
  const e = new Error(`${r.id} failed for ${r.adapter} (seed ${runSeed}, check seed ${r.seed}, shrunk ${r.failure.shrinks} times)\n${lines.join('\n')}`);
  e.stack = e.message;
  return e;
}

async function replayOne(check: PropertyCheck, adapter: Adapter, target: ReplayTarget): Promise<void> {
  const { shown, verdict: v } = await replayCase(check, adapter, target);
  const what = [shown.payload ? `payload: ${visible(shown.payload.text)}` : `value: ${visible(JSON.stringify(shown.value))}`];
  if (v.status !== 'fail') {
    process.stdout.write(`${check.id}: the replayed case passes now\n${what[0]}\n`);
    return;
  }
  const e = new Error(`${check.id} (replayed): ${v.kind}: ${visible(v.message)}\n${what[0]}${v.answer !== undefined ? `\nanswer: ${visible(v.answer)}` : ''}`);
  e.stack = e.message;
  throw e;
}

/**
 * Registers the conformance checks in the calling vitest file: one test per
 * check and model, with the ids, seeds, shrunk counterexamples and replay
 * tokens `orc run` gives. A failed check fails its test; a check the adapter
 * cannot take is skipped with the reason; observations pass, annotated.
 */
export function conformanceSuite(source: AdapterSource, options: ConformanceOptions = {}): void {
  const set = loadSchemaSet(options.schemas ?? []);
  const models = options.models ? options.models.map((m) => findModel(set, m)) : set.models;
  const checks = planChecks({ set, models, suite: options.suite, level: options.level });
  const runSeed = options.seed ?? envInt('ORC_SEED') ?? randomSeed();
  const runs = options.runs ?? envInt('ORC_RUNS') ?? 100;
  const token = options.replay ?? process.env.ORC_REPLAY;
  const target = token ? decodeReplay(token) : undefined;
  let adapter: Adapter | undefined;
  let owned = false;

  describe(`openresponses-conformance: ${nameOf(source)}`, () => {
    beforeAll(async () => {
      ({ adapter, owned } = await open(source, set));
    });
    afterAll(async () => {
      if (owned) await adapter?.close?.();
    });
    for (const model of models) {
      describe(model.name, () => {
        for (const check of checks.filter((c) => c.model === model.name)) {
          const picked = !target || (target.adapter === nameOf(source) && target.model === check.model && target.check === check.id);
          (picked ? it : it.skip)(check.id, async (ctx: TestContext) => {
            if (target) {
              if (check.mode !== 'property') ctx.skip('an observation has no case to replay');
              else await replayOne(check, adapter!, target);
              return;
            }
            const r = await runCheck(check, adapter!, { seed: checkSeed(runSeed, check.model, check.id), runs, concurrency: options.concurrency ?? 16 });
            if (r.status === 'failed') throw failed(r, runSeed);
            if (r.status === 'unsupported') ctx.skip(r.reason);
            for (const o of r.observations ?? []) await ctx.annotate(`${visible(o.label, 80)}: ${visible(o.behaviour, 40)} (${visible(o.outcome, 300)})`);
          });
        }
      });
    }
  });
}
