import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StdioAdapter } from '../adapters/stdio/client.js';
import type { ParseOutcome } from '../core/contract.js';
import { show } from '../core/equality.js';
import { PROJECT_ROOT } from '../core/models.js';
import { commandAdapter } from '../adapters/stdio/factories.js';
import { GENERATING, set } from './helpers/adapters.js';
import { byId, runChecks } from './helpers/run.js';

const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');
const start = (fault: string, extra: Partial<Parameters<typeof StdioAdapter.start>[0]> = {}) =>
  StdioAdapter.start({ name: `faulty-${fault}`, command: [process.execPath, HARNESS, fault], timeoutMs: 1500, checkProtocol: true, ...extra });
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

/** A burst of 30 requests in flight at once, the 18th aimed at the fault. */
async function burst(adapter: StdioAdapter, marker: string): Promise<ParseOutcome[]> {
  return Promise.all(Array.from({ length: 30 }, (_, i) => adapter.parse(GENERATING, bytes({ i, m: i === 17 ? marker : 'ok' }))));
}

function expectOthersAnswered(out: ParseOutcome[]) {
  out.forEach((o, i) => {
    if (i === 17) return;
    expect(o.ok, `request ${i}`).toBe(true);
    expect(show((o as any).value)).toBe(`{"i":${i},"m":"ok"}`);
  });
}

describe('a faulty harness is recorded, restarted, and loses nothing', () => {
  it.each([
    ['crash', 'CRASH', 'crash', /exited with code 3/],
    ['hang', 'HANG', 'timeout', /no answer within 1500 ms/],
    ['garbage', 'GARBAGE', 'protocol', /wrote garbage/],
    ['unknown-id', 'WRONGID', 'protocol', /not in flight/],
  ])('%s: only the case that caused it fails, as %s; the others keep their answers', async (fault, marker, kind, message) => {
    const a = await start(fault);
    try {
      const out = await burst(a, marker);
      const bad = out[17]!;
      expect(bad.ok).toBe(false);
      expect((bad as any).error.kind).toBe(kind);
      expect((bad as any).error.message).toMatch(message);
      expectOthersAnswered(out);
      // and it still works afterwards
      expect((await a.parse(GENERATING, bytes({ after: 1 }))).ok).toBe(true);
    } finally {
      await a.close();
    }
  });

  it("attaches the harness's stderr to a crash", async () => {
    const a = await start('crash');
    try {
      const out = await burst(a, 'CRASH');
      expect((out[17] as any).error.stderr).toContain('fatal: cannot handle');
    } finally {
      await a.close();
    }
  });

  it('answers out of order are matched by id', async () => {
    const a = await start('out-of-order');
    try {
      expectOthersAnswered(await burst(a, 'ok'));
    } finally {
      await a.close();
    }
  });

  it('output on stderr alone is never a crash', async () => {
    const a = await start('stderr');
    try {
      const out = await burst(a, 'ok');
      expect(out.every((o) => o.ok)).toBe(true);
    } finally {
      await a.close();
    }
  });

  it('numbers in replies are read losslessly: an int64 answer is not rounded', async () => {
    const a = await start('none');
    try {
      const o = await a.parse(GENERATING, bytes({ m: 'BIGINT' }));
      expect(o.ok && show(o.value)).toBe('{"n":9007199254740993}');
    } finally {
      await a.close();
    }
  });

  it('restarts are bounded: past the limit every request fails at once, and the adapter says why', async () => {
    const a = await start('crash-always', { maxRestarts: 3 });
    try {
      const out = await Promise.all(Array.from({ length: 8 }, (_, i) => a.parse(GENERATING, bytes({ i }))));
      expect(out.every((o) => !o.ok && o.error.kind === 'crash')).toBe(true);
      expect(out.some((o) => !o.ok && /no more restarts/.test(o.error.message))).toBe(true);
    } finally {
      await a.close();
    }
  });

  it.each([
    ['bad-hello', /hello breaks schema\/protocol\/hello.schema.json/],
    ['old-protocol', /speaks protocol 0; this orc speaks 1/],
  ])('a harness whose hello is wrong (%s) does not start, and says why', async (fault, message) => {
    await expect(start(fault)).rejects.toThrow(message);
  });

  describe("a hello is checked against the run's models", () => {
    const models = set.models.map((m) => m.name);
    const saying = (operations: object) => [
      process.execPath,
      '-e',
      `process.stdout.write(${JSON.stringify(JSON.stringify({ type: 'hello', protocol: 1, implementation: { name: 'h', language: 'JS', version: '0' }, operations }))} + '\\n'); process.stdin.resume()`,
    ];

    it('an operation declared for a model the run lacks (sse for "text/event-stream") does not start, in one line naming it and the models', async () => {
      const hello = { parse: [GENERATING], sse: ['text/event-stream'] };
      const message = `the hello declares sse for "text/event-stream", which is not a model of this run; its models: ${models.join(', ')}`;
      await expect(StdioAdapter.start({ name: 'h', command: saying(hello), models })).rejects.toThrow(message);
      // as `orc run` starts a harness: the factory hands it the run's models
      await expect(
        commandAdapter(
          'h',
          saying(hello)
            .map((w) => `'${w.replace(/'/g, `'\\''`)}'`)
            .join(' '),
        ).create({ set }),
      ).rejects.toThrow(message);
    });

    it('a hello naming only models of the run starts, and so does any hello where no models are given', async () => {
      for (const options of [{ models }, {}]) {
        const a = await StdioAdapter.start({ name: 'h', command: saying({ parse: models, serialize: [GENERATING] }), ...options });
        await a.close();
      }
      await (await StdioAdapter.start({ name: 'h', command: saying({ sse: ['text/event-stream'] }) })).close();
    });
  });

  it('through the runner: a crash is a failure of kind crash with its shrunk payload, and the run goes on', async () => {
    const a = await start('crash-on-non-bmp');
    try {
      const results = await runChecks(a, {
        model: GENERATING,
        suite: 'Required.Parse.AcceptsNonBmp.*,Required.Parse.AcceptsIntegral.*,Required.Parse.RejectsMissingField.item_id',
      });
      const crash = byId(results, 'Required.Parse.AcceptsNonBmp.item_id');
      expect(crash.status).toBe('failed');
      expect(crash.failure!.kind).toBe('crash');
      expect(crash.failure!.stderr).toContain('astral plane not supported');
      expect([...JSON.parse(crash.failure!.counterexample.payload!.text).item_id]).toHaveLength(1);
      expect(byId(results, 'Required.Parse.AcceptsIntegral.output_index').status).toBe('passed');
      // a lenient parser: a finding, not a fault
      expect(byId(results, 'Required.Parse.RejectsMissingField.item_id').failure!.kind).toBe('accepted-invalid');
    } finally {
      await a.close();
    }
  });
});
