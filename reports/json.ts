import type { RunEvent } from '../src/runner/results.ts';
import { collect, requiredFailed } from './_internals/collect.ts';

export const REPORT_FORMAT = 'openresponses-conformance/report@1';

/** The JSON report; its shape is schema/report.schema.json. */
export function jsonReport(events: readonly RunEvent[]): Record<string, unknown> {
  const d = collect(events);
  return {
    format: REPORT_FORMAT,
    complete: d.complete,
    ...(d.complete ? {} : { incompleteReason: d.incompleteReason ?? 'unknown' }),
    run: d.run ?? null,
    finishedAt: d.finishedAt ?? null,
    adapters: d.adapters,
    adapterErrors: d.adapterErrors,
    adapterRestarts: d.adapterRestarts,
    summary: Object.fromEntries(Object.entries(d.tallies).map(([a, t]) => [a, t])),
    requiredFailed: requiredFailed(d),
    ...(d.baseline ? { baseline: d.baseline } : {}),
    results: d.results,
  };
}
