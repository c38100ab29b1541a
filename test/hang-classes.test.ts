/**
 * A harness that hangs on a class of inputs (here: every payload over 2000
 * bytes) is waited out in full once; after that a request of that class is
 * sent alone and waited for a shortened time, and a check stops waiting
 * once its verdict is settled. Every timeout reported is a request that was
 * really sent, and really went unanswered for the wait it states.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { PROJECT_ROOT, findModel } from '../core/models.js';
import { planChecks } from '../runner/plan.js';
import { runCheck } from '../runner/run-check.js';
import { GENERATING, set } from './helpers/adapters.js';

const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const LARGE = { type: 'response.image_generation_call.generating', item_id: 'x'.repeat(3000), output_index: 0, sequence_number: 0 };

describe('a hang class costs one full timeout, not one per request', () => {
  it('after one request hangs alone for the whole timeout, larger ones are sent alone and waited for a shortened time; smaller ones as before', async () => {
    const a = await StdioAdapter.start({ name: 'hangs-on-large', command: [process.execPath, HARNESS, 'hang-on-large'], timeoutMs: 6000 });
    try {
      const first = await a.parse(GENERATING, bytes(LARGE));
      expect(!first.ok && first.error).toMatchObject({ kind: 'timeout', message: 'no answer within 6000 ms' });
      const larger = await Promise.all([
        a.parse(GENERATING, bytes({ ...LARGE, item_id: 'y'.repeat(5000) })),
        a.parse(GENERATING, bytes({ m: 'small' })),
        a.parse(GENERATING, bytes({ ...LARGE, item_id: 'z'.repeat(4000) })),
      ]);
      expect(larger[1]!.ok).toBe(true);
      for (const o of [larger[0]!, larger[2]!]) {
        expect(!o.ok && o.error.kind).toBe('timeout');
        // a twentieth of the timeout, or ten times the slowest answer given alone, if that is longer
        expect(!o.ok && o.error.message).toMatch(
          /^no answer within \d+ ms, a shortened wait: a parse request of 3\d{3} bytes went unanswered for the whole 6000 ms before$/,
        );
        expect(Number(!o.ok && o.error.message.match(/\d+/)![0])).toBeLessThan(6000);
      }
      expect(a.timeouts()).toEqual({ full: 1, shortened: 2 });
    } finally {
      await a.close();
    }
  });

  it('an answer to a request of the class drops it: size was not the cause, and the full timeout applies again', async () => {
    const a = await StdioAdapter.start({ name: 'hangs-on-marker', command: [process.execPath, HARNESS, 'hang'], timeoutMs: 1000 });
    try {
      const hung = await a.parse(GENERATING, bytes({ m: 'HANG' }));
      expect(!hung.ok && hung.error.message).toBe('no answer within 1000 ms');
      expect((await a.parse(GENERATING, bytes({ m: 'larger, and answered' }))).ok).toBe(true);
      const again = await a.parse(GENERATING, bytes({ m: 'HANG, larger again' }));
      expect(!again.ok && again.error.message).toBe('no answer within 1000 ms');
      expect(a.timeouts()).toEqual({ full: 2, shortened: 0 });
    } finally {
      await a.close();
    }
  });

  it('through the runner: every check of large payloads fails as a timeout on a large payload, and only the first waits out whole timeouts', async () => {
    const a = await StdioAdapter.start({ name: 'hangs-on-large', command: [process.execPath, HARNESS, 'hang-on-large'], timeoutMs: 3000 });
    try {
      const [check] = planChecks({ set, models: [findModel(set, 'generating')], suite: 'Required.Parse.AcceptsLongString.item_id' });
      const seeds = [3, 4, 5, 6, 7];
      const fullAfter: number[] = [];
      for (const seed of seeds) {
        const r = await runCheck(check!, a, { seed, runs: 100, concurrency: 64, budgetMs: 600_000 });
        expect(r.status, r.id).toBe('failed');
        expect(r.failure!.kind).toBe('timeout');
        // the counterexample is a payload the harness really hangs on: it was sent, and went unanswered
        expect(Buffer.byteLength(r.failure!.counterexample.payload!.text)).toBeGreaterThan(2000);
        fullAfter.push(a.timeouts().full);
      }
      // the first check learns the class: a hang in the pipeline, the same request alone, and shrinking's smaller hang;
      // later checks wait out a whole timeout only for a hang smaller than any seen (without classes: two each)
      expect(fullAfter[0]).toBeLessThanOrEqual(3);
      expect(fullAfter.at(-1)! - fullAfter[0]!).toBeLessThanOrEqual(2);
      expect(a.timeouts().shortened).toBeGreaterThanOrEqual(seeds.length - 1);
      // a check stops waiting once its verdict is settled: one hang while scanning, at most one while shrinking
      expect(a.timeouts().shortened).toBeLessThanOrEqual(2 * seeds.length);
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
    } finally {
      await a.close();
    }
  }, 120_000);
});
