import { collect, runFailed } from '../../reports/collect.js';
import { terminalReport } from '../../reports/terminal.js';
import { UsageError } from '../../core/errors.js';
import { loadSchemaSet } from '../../core/models.js';
import { planChecks } from '../runner/plan.js';
import { COLOR_OPTIONS, outDir, parse, useColor } from './args.js';
import { writeReports } from './write-reports.js';
import { claimOutDir } from '../../core/files.js';
import { readReport } from './read-report.js';
import { readBaseline } from '../runner/baseline.js';
import { judged } from './baseline-gate.js';
export const REPORT_HELP = `orc report merge REPORT|DIR... [--out DIR] [--baseline FILE] [--quiet]
                           merge shard reports into one and render every format again;
                           with --baseline, gate the merged run as "orc run --baseline" does`;
/** The events of one run rebuilt from its shards, results in the order an unsharded run has them. */
export function mergedEvents(reports) {
    const runs = reports.map((r) => r.run).filter((r) => r !== null);
    const first = runs[0];
    if (!first)
        throw new UsageError('none of the reports says which run it belongs to');
    for (const r of runs) {
        if (r.seed !== first.seed || r.runs !== first.runs)
            throw new UsageError(`the reports are not shards of one run: seed ${r.seed} with ${r.runs} cases against seed ${first.seed} with ${first.runs}; run every shard with the same --seed and --runs`);
    }
    const seen = new Set();
    for (const r of reports.flatMap((x) => x.results)) {
        const key = `${r.adapter} ${r.model} ${r.id}`;
        if (seen.has(key))
            throw new UsageError(`${key} is in two reports: the shards overlap (merge each shard once, of one --shard I/N series)`);
        seen.add(key);
    }
    const adapters = [...new Map(reports.flatMap((r) => r.adapters).map((a) => [a.name, a])).values()];
    const adapterOrder = [...new Set([...adapters.map((a) => a.name), ...reports.flatMap((r) => r.results.map((x) => x.adapter))])];
    const set = loadSchemaSet();
    const models = first.models.flatMap((name) => set.models.filter((m) => m.name === name));
    const checkOrder = new Map(planChecks({ set, models }).map((c, i) => [`${c.model} ${c.id}`, i]));
    const results = reports.flatMap((r) => r.results).sort((a, b) => adapterOrder.indexOf(a.adapter) - adapterOrder.indexOf(b.adapter) || (checkOrder.get(`${a.model} ${a.id}`) ?? 0) - (checkOrder.get(`${b.model} ${b.id}`) ?? 0));
    const { shard: _shard, ...run } = first;
    // a merge knows how many shards the run had: a missing one leaves it incomplete
    const shards = runs.map((r) => r.shard).filter((x) => x !== undefined).map((x) => x.split('/').map(Number));
    const count = shards[0]?.[1];
    if (shards.some(([, n]) => n !== count))
        throw new UsageError(`the reports are shards of different splits (${[...new Set(shards.map(([, n]) => `of ${n}`))].join(', ')}); merge the shards of one --shard I/N series`);
    const missing = count === undefined ? [] : Array.from({ length: count }, (_, i) => i + 1).filter((i) => !shards.some(([k]) => k === i));
    const reason = missing.length ? `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing` : reports.every((r) => r.complete) ? undefined : 'a shard did not finish';
    const complete = reason === undefined;
    return [
        { type: 'run-started', run: { ...run, command: run.command.replace(/\s--shard\s+\S+/, ''), checks: results.length, startedAt: runs.map((r) => r.startedAt).sort()[0] } },
        ...adapters.map((adapter) => ({ type: 'adapter-started', adapter })),
        ...[...new Map(reports.flatMap((r) => r.adapterErrors).map((e) => [e.adapter, e])).values()].map((e) => ({ type: 'adapter-error', ...e })),
        ...results.map((result) => ({ type: 'check-finished', result })),
        ...reports.flatMap((r) => r.adapterRestarts ?? []).map((x) => ({ type: 'adapter-restarts', ...x })),
        { type: 'run-finished', finishedAt: reports.map((r) => r.finishedAt ?? '').sort().at(-1), complete, ...(reason ? { reason } : {}) },
    ];
}
export async function reportCommand(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'merge')
        throw new UsageError('"orc report" takes "merge"; see "orc help"');
    const { values, positionals } = parse('report merge', rest, { out: { type: 'string' }, quiet: { type: 'boolean' }, baseline: { type: 'string' }, verbose: { type: 'boolean' }, ...COLOR_OPTIONS }, Infinity);
    if (positionals.length === 0)
        throw new UsageError('orc report merge needs the shard reports (or their folders) to merge');
    const baseline = values.baseline ? readBaseline(values.baseline) : undefined;
    const events = mergedEvents(positionals.map((p) => readReport(p)));
    if (baseline)
        events.push(judged(values.baseline, baseline, events, loadSchemaSet()));
    const out = outDir(values.out);
    const release = claimOutDir(out);
    try {
        const files = writeReports(out, events);
        process.stderr.write(`merged ${positionals.length} reports: ${files.join(', ')}\n`);
    }
    finally {
        release();
    }
    if (!values.quiet)
        process.stdout.write(terminalReport(events, { color: useColor(values), verbose: values.verbose ?? false }));
    const data = collect(events);
    if (!data.complete)
        return 130;
    return runFailed(data) ? 1 : 0;
}
//# sourceMappingURL=report-command.js.map