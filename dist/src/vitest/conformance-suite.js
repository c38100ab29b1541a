import { afterAll, beforeAll, describe, it } from 'vitest';
import { startAdapter } from '../../adapters/index.js';
import { failureLines } from '../../reports/failure-lines.js';
import { visible } from '../../core/visible.js';
import { replayCase } from '../runner/replay.js';
import { UsageError } from '../../core/errors.js';
import { findModel, loadSchemaSet } from '../../core/models.js';
import { planChecks } from '../runner/plan.js';
import { checkSeed, decodeReplay, randomSeed } from '../runner/replay-token.js';
import { runCheck } from '../runner/run-check.js';
function envInt(name) {
    const v = process.env[name];
    if (v === undefined || v === '')
        return undefined;
    if (!/^-?\d+$/.test(v))
        throw new UsageError(`${name} must be an integer, not "${v}"`);
    return Number(v);
}
async function open(source, set) {
    if (typeof source === 'string')
        return { adapter: await startAdapter(source, { set }), owned: true };
    if ('create' in source)
        return { adapter: await source.create({ set }), owned: true };
    return { adapter: source, owned: false };
}
const nameOf = (source) => (typeof source === 'string' ? source : 'create' in source ? source.name : source.info.name);
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
    const set = loadSchemaSet(options.schemas ?? []);
    const models = options.models ? options.models.map((m) => findModel(set, m)) : set.models;
    const checks = planChecks({ set, models, suite: options.suite, level: options.level });
    const runSeed = options.seed ?? envInt('ORC_SEED') ?? randomSeed();
    const runs = options.runs ?? envInt('ORC_RUNS') ?? 100;
    const token = options.replay ?? process.env.ORC_REPLAY;
    const target = token ? decodeReplay(token) : undefined;
    let adapter;
    let owned = false;
    describe(`openresponses-conformance: ${nameOf(source)}`, () => {
        beforeAll(async () => {
            ({ adapter, owned } = await open(source, set));
        });
        afterAll(async () => {
            if (owned)
                await adapter?.close?.();
        });
        for (const model of models) {
            describe(model.name, () => {
                for (const check of checks.filter((c) => c.model === model.name)) {
                    const picked = !target || (target.adapter === nameOf(source) && target.model === check.model && target.check === check.id);
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