/**
 * A harness that hangs on a class of inputs (here: every payload over 2000
 * bytes) is waited out in full once; after that a request of that class is
 * sent alone and waited for a shortened time, and a check stops waiting
 * once its verdict is settled. Every timeout reported is a request that was
 * really sent, and really went unanswered for the wait it states.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { PROJECT_ROOT, findModel } from '../core/models.js';
import { planChecks } from '../runner/plan.js';
import { runCheck } from '../runner/run-check.js';
import { GENERATING, set } from './helpers/adapters.js';
import type { Adapter } from '../core/contract.js';
import { jsonText } from '../core/json.js';
import type { CheckResult } from '../core/results.js';

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

  it('a request left unanswered for the whole timeout while everything sent with it was answered marks the class too', async () => {
    const a = await StdioAdapter.start({ name: 'hangs-on-large', command: [process.execPath, HARNESS, 'hang-on-large'], timeoutMs: 2000 });
    try {
      // the large request goes last of one write: it is not alone when sent
      const [x, y, large] = await Promise.all([
        a.parse(GENERATING, bytes({ m: 'a' })),
        a.parse(GENERATING, bytes({ m: 'b' })),
        a.parse(GENERATING, bytes(LARGE)),
      ]);
      const small = [x!, y!];
      expect(small.map((o) => o.ok)).toEqual([true, true]);
      expect(!large!.ok && large!.error.message).toBe('no answer within 2000 ms');
      // the harness answered what was sent with it: the hang was the large request's own, and its class is known without waiting it out alone again
      const larger = await a.parse(GENERATING, bytes({ ...LARGE, item_id: 'y'.repeat(5000) }));
      expect(!larger.ok && larger.error.message).toMatch(
        /^no answer within \d+ ms, a shortened wait: a parse request of 3\d{3} bytes went unanswered for the whole 2000 ms before$/,
      );
      expect(a.timeouts()).toEqual({ full: 1, shortened: 1 });
    } finally {
      await a.close();
    }
  });

  it('requests withdrawn while in flight are not sent again after a fault: their check no longer waits for them', async () => {
    const a = await StdioAdapter.start({ name: 'hangs-on-marker', command: [process.execPath, HARNESS, 'hang'], timeoutMs: 500 });
    try {
      const owed = [a.parse(GENERATING, bytes({ m: 'HANG a' })), a.parse(GENERATING, bytes({ m: 'HANG b' }))];
      await new Promise((r) => setTimeout(r, 50));
      a.withdraw('not sent: the check had its verdict');
      for (const o of await Promise.all(owed)) expect(!o.ok && o.error.message).toBe('not sent: the check had its verdict');
      // one wait, the one already under way: neither is sent alone again
      expect(a.timeouts()).toEqual({ full: 1, shortened: 0 });
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
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
      const shortenedAfter: number[] = [];
      for (const seed of seeds) {
        const r = await runCheck(check!, a, { seed, runs: 100, concurrency: 64, budgetMs: 600_000 });
        expect(r.status, r.id).toBe('failed');
        expect(r.failure!.kind).toBe('timeout');
        // the counterexample is a payload the harness really hangs on: it was sent, and went unanswered
        expect(Buffer.byteLength(r.failure!.counterexample.payload!.text)).toBeGreaterThan(2000);
        fullAfter.push(a.timeouts().full);
        shortenedAfter.push(a.timeouts().shortened);
      }
      // the first check learns the class: a hang in the pipeline, the same request alone, and shrinking's smaller hang;
      // later checks wait out a whole timeout only for a hang smaller than any seen (without classes: two each)
      expect(fullAfter[0]).toBeLessThanOrEqual(3);
      // (this harness hangs by characters, so a class in bytes is dropped when a payload of many-byte characters is answered:
      // the whole-run budget is what holds, the first check's share having shrunk to the pipeline's hang alone)
      expect(fullAfter.at(-1)!, JSON.stringify(fullAfter)).toBeLessThanOrEqual(5);
      expect(a.timeouts().shortened).toBeGreaterThanOrEqual(seeds.length - 1);
      // once the class holds, a check costs one shortened wait: it stops waiting once its verdict is settled, and shrinking does not send the failing case again
      const last = shortenedAfter.slice(-3);
      expect([last[1]! - last[0]!, last[2]! - last[1]!], JSON.stringify(shortenedAfter)).toEqual([1, 1]);
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
    } finally {
      await a.close();
    }
  }, 120_000);
});

describe('a run of many checks against a harness with a hang class', () => {
  /** Every request's input size, by the check that asked: which checks never reach the class. */
  function recorded(a: StdioAdapter, largest: Map<string, number>, current: { id: string }): Adapter {
    const note = (n: number) => largest.set(current.id, Math.max(largest.get(current.id) ?? 0, n));
    return {
      info: a.info,
      parse: (m, p) => (note(p.byteLength), a.parse(m, p)),
      serialize: (m, v) => (note(Buffer.byteLength(jsonText(v))), a.serialize(m, v)),
      sse: (chunks) => (note(chunks.reduce((n, c) => n + c.byteLength, 0)), a.sse(chunks)),
    };
  }

  it('costs one full timeout, one restart per failing check at most, sends nothing a check cannot fail on, and changes no verdict below the class', async () => {
    const checks = planChecks({ set, models: [findModel(set, 'generating')], level: 'Required,Recommended' });
    const o = { seed: 1, runs: 100, concurrency: 64, budgetMs: 600_000 };
    const clean = await StdioAdapter.start({ name: 'h', command: [process.execPath, HARNESS, 'no-fault'], timeoutMs: 5000 });
    const largest = new Map<string, number>();
    const before = new Map<string, CheckResult>();
    try {
      const current = { id: '' };
      const r = recorded(clean, largest, current);
      for (const c of checks) before.set((current.id = c.id), await runCheck(c, r, o));
    } finally {
      await clean.close();
    }
    const a = await StdioAdapter.start({ name: 'h', command: [process.execPath, HARNESS, 'hang-on-large-bytes'], timeoutMs: 5000 });
    const after = new Map<string, CheckResult>();
    try {
      for (const c of checks) after.set(c.id, await runCheck(c, a, o));
      const failed = [...after.values()].filter((r) => r.status === 'failed');
      // the class is learned once: a hang in the pipeline waited out in full, then the same request alone, for a shortened wait
      expect(a.timeouts().full, JSON.stringify(a.restarts())).toBeLessThanOrEqual(1);
      const restarts = a.restarts().reduce((n, r) => n + r.count, 0);
      const hung = failed.filter((r) => r.failure.kind === 'timeout');
      // a failing check restarts the harness once at most: it sends one request of the class, and shrinking does not send it again
      expect(restarts, JSON.stringify(a.restarts())).toBeLessThanOrEqual(a.timeouts().full + failed.length);
      for (const r of hung) {
        // a payload of the class, really sent and unanswered: the harness hangs on every one above 2000 bytes
        const payload = r.failure.counterexample.payload;
        if (payload) expect(Buffer.byteLength(payload.text), r.id).toBeGreaterThan(2000);
        expect(r.failure.message, r.id).not.toMatch(/not sent/);
      }
      expect(hung.length).toBeGreaterThan(0);
      // requests whose hang would only have made a case say nothing
      expect(a.unsent()).toBeGreaterThan(0);
      for (const c of checks) {
        if ((largest.get(c.id) ?? 0) > 2000) continue;
        const [x, y] = [before.get(c.id)!, after.get(c.id)!];
        expect({ status: y.status, cases: y.casesRun, vacuous: y.casesVacuous, kind: y.failure?.kind }, c.id).toEqual({
          status: x.status,
          cases: x.casesRun,
          vacuous: x.casesVacuous,
          kind: x.failure?.kind,
        });
      }
    } finally {
      await a.close();
    }
  }, 300_000);
});

describe('a check that fails on a hang of a known class', () => {
  it('sends one request of the class: no other case of the class after it hangs, and shrinking does not send the failing case again', async () => {
    const a = await StdioAdapter.start({ name: 'h', command: [process.execPath, HARNESS, 'hang-on-large-bytes'], timeoutMs: 3000 });
    try {
      // the class is learned first, so that every check below meets it known
      expect((await a.parse(GENERATING, bytes(LARGE))).ok).toBe(false);
      expect(a.timeouts()).toEqual({ full: 1, shortened: 0 });
      const checks = planChecks({ set, models: [findModel(set, 'generating')], level: 'Required' }).filter((c) => c.id.startsWith('Required.Parse.'));
      const hung: string[] = [];
      for (const c of checks) {
        const [waits, restarts] = [a.timeouts(), a.restarts().reduce((n, r) => n + r.count, 0)];
        const r = await runCheck(c, a, { seed: 1, runs: 100, concurrency: 64, budgetMs: 600_000 });
        const spent = { full: a.timeouts().full - waits.full, shortened: a.timeouts().shortened - waits.shortened };
        const restarted = a.restarts().reduce((n, x) => n + x.count, 0) - restarts;
        if (r.status === 'failed' && r.failure.kind === 'timeout') {
          hung.push(c.id);
          // one request of the class really sent and unanswered, its payload the counterexample
          expect({ spent, restarted }, c.id).toEqual({ spent: { full: 0, shortened: 1 }, restarted: 1 });
          expect(r.failure.message, c.id).toMatch(/^no answer within \d+ ms, a shortened wait/);
          expect(Buffer.byteLength(r.failure.counterexample.payload!.text), c.id).toBeGreaterThan(2000);
        }
        // any other check sends one request of the class at most (a case it had to know the answer of), and waits out no whole timeout
        expect(spent.full, c.id).toBe(0);
        expect(spent.shortened, `${c.id} ${r.status} ${r.failure?.kind}`).toBeLessThanOrEqual(1);
        expect(restarted, c.id).toBe(spent.shortened);
      }
      expect(hung.length).toBeGreaterThanOrEqual(3);
    } finally {
      await a.close();
    }
  }, 300_000);
});

describe('a standby harness', () => {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const pids = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map(Number) : []);

  it('once a harness has been replaced, the next replacement is one started before it was needed; every copy ends with close()', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orc-standby-')), 'pids');
    process.env.ORC_TEST_PIDFILE = file;
    const a = await StdioAdapter.start({ name: 'h', command: [process.execPath, HARNESS, 'hang'], timeoutMs: 500 });
    try {
      expect(pids(file)).toHaveLength(1);
      expect((await a.parse(GENERATING, bytes({ m: 'HANG' }))).ok).toBe(false);
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
      // the replacement, and beside it a standby, started while the replacement works
      await vi.waitFor(() => expect(pids(file)).toHaveLength(3), { timeout: 60_000, interval: 50 });
      const [first, replacement, standby] = pids(file);
      expect([alive(first!), alive(replacement!), alive(standby!)]).toEqual([false, true, true]);
      expect((await a.parse(GENERATING, bytes({ m: 'HANG again' }))).ok).toBe(false);
      expect((await a.parse(GENERATING, bytes({ m: 'ok' }))).ok).toBe(true);
      // the standby took over (it answered: nothing else was alive), and a new standby was started
      await vi.waitFor(() => expect(pids(file)).toHaveLength(4), { timeout: 60_000, interval: 50 });
      expect(pids(file).map(alive)).toEqual([false, false, true, true]);
    } finally {
      await a.close();
      delete process.env.ORC_TEST_PIDFILE;
    }
    await vi.waitFor(() => expect(pids(file).filter(alive)).toEqual([]), { timeout: 10_000, interval: 20 });
  }, 120_000);
});
