import { join } from 'node:path';
import { it } from 'vitest';
import type { Adapter } from '../../core/contract.js';
import { bundledHarnesses } from '../../adapters/stdio/factories.js';
import { set } from './adapters.js';
import { StdioAdapter } from '../../adapters/stdio/client.js';
import { isBuilt, loadManifests } from '../../adapters/stdio/harnesses.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';

/** Whether a bundled harness is built here (in CI it must be). */
export function built(name: string): boolean {
  const m = loadManifests().find((x) => x.adapters.some((a) => a.name === name))!;
  const ready = isBuilt(m);
  if (!ready && CI) throw new Error(`${name} is not built in CI: "npm run adapters:setup" must build every harness`);
  return ready;
}

/**
 * A bundled harness started as orc starts it, for a run whose models are spec events: each event type stands for
 * a model titled after it, so the harness's hello (event types) and the requests (title and type) are the real ones.
 */
export function startWithEvents(name: string, types: readonly string[]): Promise<StdioAdapter> {
  const m = loadManifests().find((x) => x.adapters.some((a) => a.name === name))!;
  const [cmd, ...args] = m.adapters.find((a) => a.name === name)!.run;
  const eventTypes = Object.fromEntries(types.map((t) => [`event ${t}`, t]));
  return StdioAdapter.start({
    name,
    command: [join(m.dir, cmd!), ...args],
    cwd: m.dir,
    checkProtocol: true,
    models: Object.keys(eventTypes),
    eventTypes,
  });
}

export const enc = (s: string) => new TextEncoder().encode(s);

/**
 * A test of one bundled harness, started as `orc run` starts it (the run's models, protocol checked), closed after;
 * skipped by name where it is not built (never in CI, where `built` throws instead).
 */
export function withHarness(name: string, title: string, body: (a: Adapter) => Promise<void>, timeout?: number): void {
  const ready = built(name);
  it.skipIf(!ready)(
    `${title}${ready ? '' : ' (not built here: run npm run adapters:setup)'}`,
    async () => {
      const a = await bundledHarnesses()
        .find((f) => f.name === name)!
        .create({ set, checkProtocol: true });
      try {
        await body(a);
      } finally {
        await a.close?.();
      }
    },
    timeout,
  );
}
