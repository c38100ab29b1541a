import { describe, expect, it } from 'vitest';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { set } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const NAME = 'go-openrouter-latest';
const built = isBuilt(loadManifests().find((m) => m.adapters.some((a) => a.name === NAME))!);
if (!built && CI) throw new Error(`${NAME} is not built in CI: "npm run adapters:setup" must build every harness`);

const GENERATING = 'OpenResponsesImageGenCallGenerating';
/**
 * Issue 19 §2: OpenRouter's int64 Go SDK reads `"item_id": null` and a
 * missing field as zero values, but refuses a fraction or a number beyond
 * int64 wherever it stands; when a check took any refusal, most cases (a
 * fraction beside the null) passed it, and whether the check failed hung on
 * the seed.
 */
describe(`${NAME}: a rejection counts only for the rule the case breaks`, () => {
  it.skipIf(!built)(
    `fails every RejectsNull.* and RejectsMissingField.* check of the seed's model, on each of 20 seeds${built ? '' : ' (not built here: run npm run adapters:setup)'}`,
    async () => {
      const adapter = await bundledHarnesses()
        .find((f) => f.name === NAME)!
        .create({ set });
      try {
        // 100 cases a check, as the main job runs; and 10, where most checks that took any refusal would pass, a fraction or 2^64 beside the null
        for (const [seed, runs] of [...Array(20).keys()].flatMap((i) => [
          [i + 1, 100],
          [i + 1, 10],
        ])) {
          const results = await runChecks(adapter, {
            model: GENERATING,
            suite: 'Required.Parse.RejectsNull.*,Required.Parse.RejectsMissingField.*',
            seed,
            runs,
          });
          expect(results.map((r) => r.id).sort()).toEqual(
            ['item_id', 'output_index', 'sequence_number', 'type']
              .flatMap((f) => [`Required.Parse.RejectsMissingField.${f}`, `Required.Parse.RejectsNull.${f}`])
              .sort(),
          );
          for (const r of results) {
            // its model types `type` as a string it checks: null there is refused, on every case that shows anything
            if (r.id === 'Required.Parse.RejectsNull.type') {
              expect(r.status, `seed ${seed}, ${runs} runs: ${r.id}`).toBe('passed');
              continue;
            }
            expect(r.status, `seed ${seed}, ${runs} runs: ${r.id}`).toBe('failed');
            expect(r.failure!.kind).toBe('accepted-invalid');
          }
        }
      } finally {
        await adapter.close?.();
      }
    },
    300_000,
  );

  it.skipIf(!built)('refuses -0.0, a valid number: Required.Parse.AcceptsNegativeZero fails; whether -0 keeps its sign stays Informational', async () => {
    const adapter = await bundledHarnesses()
      .find((f) => f.name === NAME)!
      .create({ set });
    try {
      const results = await runChecks(adapter, { model: GENERATING, suite: 'Required.Parse.AcceptsNegativeZero.*,Informational.ImplDefined.NegativeZero.*' });
      for (const f of ['output_index', 'sequence_number']) {
        const r = byId(results, `Required.Parse.AcceptsNegativeZero.${f}`);
        expect(r.status).toBe('failed');
        expect(r.failure!.kind).toBe('rejected-valid');
        expect(r.failure!.counterexample.payload!.text).toContain(`"${f}":-0.0`);
        expect(byId(results, `Informational.ImplDefined.NegativeZero.${f}`).observations!.map((o) => o.behaviour)).toEqual(['→ 0', 'rejected']);
      }
    } finally {
      await adapter.close?.();
    }
  });
});
