import type { RunEvent } from '../core/results.js';
import { collect } from './collect.js';

/** The `format` of report.json; schema/report.schema.json describes it. */
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
    requiredFailed: d.verdict.requiredFailed,
    passed: d.verdict.passed,
    headline: d.verdict.headline,
    ...(d.verdict.nothingChecked.length ? { nothingChecked: d.verdict.nothingChecked } : {}),
    ...(d.baseline
      ? {
          gate: {
            passed: d.verdict.gate === true,
            newFailures: d.baseline.newFailures.length,
            known: d.baseline.known.length,
            nowPassing: d.baseline.unexpectedPasses.length,
            gone: d.baseline.stale.length,
          },
        }
      : {}),
    ...(d.baseline ? { baseline: d.baseline } : {}),
    results: d.results,
  };
}
