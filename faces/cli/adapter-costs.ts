import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../core/results.js';
import { writeAtomic } from '../../core/files.js';
import { isPlainObject } from '../../core/json.js';

/**
 * What each adapter's checks took in the last run that wrote to a folder,
 * kept beside its reports so that the next run there starts the costliest
 * adapters first (`--jobs`). A hint for ordering only: a file that is missing
 * or unreadable is no hint, never an error.
 */
export const COSTS_FILE = 'costs.json';
const FORMAT = 'openresponses-conformance/costs@1';

export function readCosts(dir: string): Map<string, number> | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(join(dir, COSTS_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isPlainObject(doc) || doc.format !== FORMAT || !isPlainObject(doc.adapters)) return undefined;
  const costs = new Map<string, number>();
  for (const [name, ms] of Object.entries(doc.adapters)) if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) costs.set(name, ms);
  return costs;
}

/** This run's cost of each adapter it ran to the end, beside what the earlier file said of the others. */
export function writeCosts(dir: string, events: readonly RunEvent[], earlier: ReadonlyMap<string, number> | undefined): void {
  const spent = new Map<string, number>();
  for (const e of events) if (e.type === 'check-finished') spent.set(e.result.adapter, (spent.get(e.result.adapter) ?? 0) + e.result.durationMs);
  const finished = events.some((e) => e.type === 'run-finished' && e.complete);
  const adapters = Object.fromEntries([...(earlier ?? []), ...(finished ? spent : [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeAtomic(join(dir, COSTS_FILE), `${JSON.stringify({ format: FORMAT, adapters }, null, 2)}\n`);
}
