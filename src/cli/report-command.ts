import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AdapterInfo } from '../../adapters/contract.ts';
import { collect, requiredFailed } from '../../reports/_internals/collect.ts';
import { terminalReport } from '../../reports/terminal.ts';
import { UsageError } from '../errors.ts';
import { loadSchemaSet, PROJECT_ROOT, SCHEMA_DIR } from '../models.ts';
import { createAjv } from '../oracle.ts';
import { planChecks } from '../runner/plan.ts';
import type { CheckResult, RunEvent, RunInfo } from '../runner/results.ts';
import { parse } from './args.ts';
import { writeReports } from './write-reports.ts';
import { readUserJson } from '../files.ts';
import { readBaseline } from '../runner/baseline.ts';
import { judged } from './baseline-gate.ts';

export const REPORT_HELP = `orc report merge REPORT|DIR... [--out DIR] [--baseline FILE] [--quiet]
                           merge shard reports into one and render every format again;
                           with --baseline, gate the merged run as "orc run --baseline" does`;

interface Report {
  complete: boolean;
  run: RunInfo | null;
  finishedAt: string | null;
  adapters: AdapterInfo[];
  adapterErrors: { adapter: string; message: string }[];
  results: CheckResult[];
}

function readReport(arg: string, validate: ReturnType<ReturnType<typeof createAjv>['compile']>): Report {
  const file = existsSync(arg) && statSync(arg).isDirectory() ? join(arg, 'report.json') : arg;
  const hint = 'name a report.json or the folder holding one';
  const report = readUserJson(file, 'the report', { unreadable: hint, notJson: hint });
  if (!validate(report)) throw new UsageError(`${file} is not an orc report (${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message})`);
  return report as Report;
}

/** The events of one run rebuilt from its shards, results in the order an unsharded run has them. */
export function mergedEvents(reports: Report[]): RunEvent[] {
  const runs = reports.map((r) => r.run).filter((r): r is RunInfo => r !== null);
  const first = runs[0];
  if (!first) throw new UsageError('none of the reports says which run it belongs to');
  for (const r of runs) {
    if (r.seed !== first.seed || r.runs !== first.runs) throw new UsageError(`the reports are not shards of one run: seed ${r.seed} with ${r.runs} cases against seed ${first.seed} with ${first.runs}; run every shard with the same --seed and --runs`);
  }
  const seen = new Set<string>();
  for (const r of reports.flatMap((x) => x.results)) {
    const key = `${r.adapter} ${r.model} ${r.id}`;
    if (seen.has(key)) throw new UsageError(`${key} is in two reports: the shards overlap (merge each shard once, of one --shard I/N series)`);
    seen.add(key);
  }
  const adapters = [...new Map(reports.flatMap((r) => r.adapters).map((a) => [a.name, a])).values()];
  const adapterOrder = [...new Set([...adapters.map((a) => a.name), ...reports.flatMap((r) => r.results.map((x) => x.adapter))])];
  const set = loadSchemaSet();
  const models = first.models.flatMap((name) => set.models.filter((m) => m.name === name));
  const checkOrder = new Map(planChecks({ set, models }).map((c, i) => [`${c.model} ${c.id}`, i]));
  const results = reports.flatMap((r) => r.results).sort((a, b) =>
    adapterOrder.indexOf(a.adapter) - adapterOrder.indexOf(b.adapter) || (checkOrder.get(`${a.model} ${a.id}`) ?? 0) - (checkOrder.get(`${b.model} ${b.id}`) ?? 0));
  const { shard: _shard, ...run } = first;
  const complete = reports.every((r) => r.complete);
  return [
    { type: 'run-started', run: { ...run, command: run.command.replace(/\s--shard\s+\S+/, ''), checks: results.length, startedAt: runs.map((r) => r.startedAt).sort()[0]! } },
    ...adapters.map((adapter): RunEvent => ({ type: 'adapter-started', adapter })),
    ...[...new Map(reports.flatMap((r) => r.adapterErrors).map((e) => [e.adapter, e])).values()].map((e): RunEvent => ({ type: 'adapter-error', ...e })),
    ...results.map((result): RunEvent => ({ type: 'check-finished', result })),
    { type: 'run-finished', finishedAt: reports.map((r) => r.finishedAt ?? '').sort().at(-1)!, complete, ...(complete ? {} : { reason: 'a shard did not finish' }) },
  ];
}

export async function reportCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'merge') throw new UsageError('"orc report" takes "merge"; see "orc help"');
  const { values, positionals } = parse('report merge', rest, { out: { type: 'string' }, quiet: { type: 'boolean' }, baseline: { type: 'string' } }, Infinity);
  if (positionals.length === 0) throw new UsageError('orc report merge needs the shard reports (or their folders) to merge');
  const validate = createAjv().compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8')));
  const baseline = values.baseline ? readBaseline(values.baseline) : undefined;
  const events = mergedEvents(positionals.map((p) => readReport(p, validate)));
  if (baseline) events.push(judged(values.baseline!, baseline, events, loadSchemaSet()));
  const out = resolve(values.out ?? join(PROJECT_ROOT, 'reports', 'out'));
  const files = writeReports(out, events);
  process.stderr.write(`merged ${positionals.length} reports: ${files.join(', ')}\n`);
  if (!values.quiet) process.stdout.write(terminalReport(events, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
  const data = collect(events);
  if (!data.complete) return 130;
  return requiredFailed(data) ? 1 : 0;
}
