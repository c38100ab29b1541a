import type { RunEvent } from '../src/runner/results.ts';
import { collect } from './_internals/collect.ts';

/** A file name an adapter's badge can have, whatever its name (cmd: lines hold spaces and slashes). */
export const badgeFile = (adapter: string) => `${adapter.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;

/** shields.io endpoint JSON per adapter: the share of Required checks passed. */
export function badges(events: readonly RunEvent[]): Record<string, string> {
  const d = collect(events);
  const out: Record<string, string> = {};
  for (const adapter of d.adapterNames) {
    const t = d.tallies[adapter]!.Required;
    const ran = t.passed + t.failed;
    const share = ran === 0 ? undefined : t.passed / ran;
    const color = share === undefined ? 'lightgrey' : share === 1 ? 'brightgreen' : share >= 0.8 ? 'yellow' : 'red';
    out[badgeFile(adapter)] = JSON.stringify({
      schemaVersion: 1,
      label: `${adapter} conformance`,
      message: share === undefined ? 'n/a' : `${t.passed}/${ran} Required`,
      color,
      ...(d.complete ? {} : { isError: true }),
    }) + '\n';
  }
  return out;
}
