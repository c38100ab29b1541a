import { afterAll, beforeAll, describe, it } from 'vitest';
import { failureLines } from '../../reports/failure-lines.js';
import { visible } from '../../core/visible.js';
import { replayCase } from '../runner/replay.js';
import { UsageError } from '../../core/errors.js';
import { planChecks } from '../runner/plan.js';
import { checkSeed, decodeReplay, randomSeed } from '../runner/replay-token.js';
import { runCheck } from '../runner/run-check.js';
import { envInt, selectedModels, sourceFactory, sourceName } from '../runner/conformance.js';
/** How to see one case again from the SDK's own test run. */
function replayLine(token, id) {
    return `replay: ORC_REPLAY=${token} npx vitest run -t '${id}'   (token ${token})`;
}
function failed(r, runSeed) {
    const lines = failureLines(r, replayLine(r.failure.replay, r.id)).map((l) => visible(l, 4000));
    const e = new Error(`${r.id} failed for ${r.adapter} (seed ${runSeed}, check seed ${r.seed}, shrunk ${r.failure.shrinks} times)\n${lines.join('\n')}`);
    e.stack = e.message;
    return e;
}
async function replayOne(check, adapter, target) {
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
export function conformanceSuite(source, options = {}) {
    const { set, models } = selectedModels(options);
    const checks = planChecks({ set, models, suite: options.suite, level: options.level });
    const runSeed = options.seed ?? envInt('ORC_SEED') ?? randomSeed();
    const runs = options.runs ?? envInt('ORC_RUNS') ?? 100;
    const token = options.replay ?? process.env.ORC_REPLAY;
    const target = token ? decodeReplay(token) : undefined;
    let adapter;
    describe(`openresponses-conformance: ${sourceName(source)}`, () => {
        beforeAll(async () => {
            const factory = sourceFactory(source);
            try {
                adapter = await factory.create({ set });
            }
            catch (e) {
                throw new UsageError(`adapter ${factory.name} did not start: ${e.message}`);
            }
        });
        afterAll(async () => {
            await adapter?.close?.();
        });
        for (const model of models) {
            describe(model.name, () => {
                for (const check of checks.filter((c) => c.model === model.name)) {
                    const picked = !target || (target.adapter === sourceName(source) && target.model === check.model && target.check === check.id);
                    (picked ? it : it.skip)(check.id, async (ctx) => {
                        if (target) {
                            if (check.mode !== 'property')
                                ctx.skip('an observation has no case to replay');
                            else
                                await replayOne(check, adapter, target);
                            return;
                        }
                        const r = await runCheck(check, adapter, { seed: checkSeed(runSeed, check.model, check.id), runs, concurrency: options.concurrency ?? 16 });
                        if (r.status === 'failed')
                            throw failed(r, runSeed);
                        if (r.status === 'unsupported')
                            ctx.skip(r.reason);
                        for (const o of r.observations ?? [])
                            await ctx.annotate(`${visible(o.label, 80)}: ${visible(o.behaviour, 40)} (${visible(o.outcome, 300)})`);
                    });
                }
            });
        }
    });
}
//# sourceMappingURL=conformance-suite.js.map