import { join } from 'node:path';
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
