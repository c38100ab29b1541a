import { collect, headline, requiredFailed, runFailed } from './collect.js';
/** The `format` of report.json; schema/report.schema.json describes it. */
export const REPORT_FORMAT = 'openresponses-conformance/report@1';
/** The JSON report; its shape is schema/report.schema.json. */
export function jsonReport(events) {
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
        passed: !runFailed(d),
        headline: headline(d),
        ...(d.baseline ? { gate: { passed: d.baseline.ok, newFailures: d.baseline.newFailures.length, known: d.baseline.known.length, nowPassing: d.baseline.unexpectedPasses.length, gone: d.baseline.stale.length } } : {}),
        ...(d.baseline ? { baseline: d.baseline } : {}),
        results: d.results,
    };
}
//# sourceMappingURL=json.js.map