import type { RunEvent } from '../core/results.js';
import { collect } from './collect.js';
import { safeFileName } from '../core/files.js';

/** A file name an adapter's badge can have, whatever its name. */
export const badgeFile = (adapter: string) => `${safeFileName(adapter)}.json`;

/** shields.io endpoint JSON per adapter: the share of Required checks passed. */
export function badges(events: readonly RunEvent[]): Record<string, string> {
  const d = collect(events);
  const out: Record<string, string> = {};
  for (const adapter of d.adapterNames) {
    const t = d.tallies[adapter]!.Required;
    const ran = t.passed + t.failed;
    const share = ran === 0 ? undefined : t.passed / ran;
    const color = share === undefined ? 'lightgrey' : share === 1 ? 'brightgreen' : share >= 0.8 ? 'yellow' : 'red';
    out[badgeFile(adapter)] =
      JSON.stringify({
        schemaVersion: 1,
        label: `${adapter} conformance`,
        message: share === undefined ? 'n/a' : `${t.passed}/${ran} Required`,
        color,
        ...(d.complete ? {} : { isError: true }),
      }) + '\n';
  }
  return out;
}
