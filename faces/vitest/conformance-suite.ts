import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import type { Adapter } from '../../core/contract.js';
import { failureLines } from '../../reports/failure-lines.js';
import { visible } from '../../core/visible.js';
import { replayCase, replayedCase } from '../../runner/replay.js';
import { UsageError } from '../../core/errors.js';
import { planChecks } from '../../runner/plan.js';
import { checkSeed, decodeReplay, randomSeed, type ReplayTarget } from '../../runner/replay-token.js';
import { runCheck } from '../../runner/run-check.js';
import {
  checkTimeOf,
  envInt,
  runsOf,
  selectedModels,
  sourceFactory,
  sourceName,
  type AdapterSource,
  type ConformanceOptions,
} from '../../runner/conformance.js';

export type { AdapterSource, ConformanceOptions };
import type { FailedResult } from '../../core/results.js';
import type { PropertyCheck } from '../../core/check.js';

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
  const { shown, verdict: v } = await replayCase(check, adapter, replayedCase(check, target));
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
  const { set, models } = selectedModels(options);
  const checks = planChecks({ set, models, suite: options.suite, level: options.level });
  const runSeed = options.seed ?? envInt('ORC_SEED') ?? randomSeed();
  const runs = runsOf(options);
  const token = options.replay ?? process.env.ORC_REPLAY;
  const target = token ? decodeReplay(token) : undefined;
  const budgetMs = checkTimeOf(options);
  // a check's own budget, and time to give up what a harness still owes and close it: never vitest's 5 s default
  const testTimeout = budgetMs + 30_000;
  let adapter: Adapter | undefined;
  /** Why checks were n/a, and how many: said once at the end, since the default reporter lists no skipped test of a passing file. */
  const skipped = new Map<string, number>();

  describe(`openresponses-conformance: ${sourceName(source)}`, () => {
    beforeAll(async () => {
      const factory = sourceFactory(source);
      try {
        adapter = await factory.create({ set });
      } catch (e) {
        throw new UsageError(`adapter ${factory.name} did not start: ${(e as Error).message}`);
      }
    });
    afterAll(async () => {
      await adapter?.close?.();
      if (skipped.size === 0) return;
      const n = [...skipped.values()].reduce((a, b) => a + b, 0);
      const lines = [...skipped].map(([reason, count]) => `  ${count} × ${visible(reason, 200)}`);
      process.stdout.write(`openresponses-conformance: ${n} check${n === 1 ? '' : 's'} n/a for ${sourceName(source)}, skipped:\n${lines.join('\n')}\n`);
    });
    for (const model of models) {
      describe(model.name, () => {
        for (const check of checks.filter((c) => c.model === model.name)) {
          const picked = !target || (target.adapter === sourceName(source) && target.model === check.model && target.check === check.id);
          (picked ? it : it.skip)(
            check.id,
            async (ctx: TestContext) => {
              if (target) {
                if (check.mode !== 'property') ctx.skip('an observation has no case to replay');
                else await replayOne(check, adapter!, target);
                return;
              }
              const r = await runCheck(check, adapter!, {
                seed: checkSeed(runSeed, check.model, check.id),
                runs,
                concurrency: options.concurrency ?? 16,
                budgetMs,
              });
              if (r.status === 'failed') throw failed(r, runSeed);
              if (r.status === 'unsupported') {
                skipped.set(r.reason, (skipped.get(r.reason) ?? 0) + 1);
                ctx.skip(r.reason);
              }
              for (const o of r.observations ?? []) await ctx.annotate(`${visible(o.label, 80)}: ${visible(o.behaviour, 40)} (${visible(o.outcome, 300)})`);
            },
            testTimeout,
          );
        }
      });
    }
  });
}
