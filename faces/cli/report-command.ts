import { baselineLines, collect, countLine } from '../../reports/collect.js';
import { terminalReport } from '../../reports/terminal.js';
import { UsageError } from '../../core/errors.js';
import { loadSchemaSet } from '../../core/models.js';
import { COLOR_OPTIONS, outDir, parse, useColor } from './args.js';
import { writeReports } from './write-reports.js';
import { claimOutDir } from '../../core/files.js';
import { readReport } from '../../runner/read-report.js';
import { mergedEvents } from '../../runner/merge.js';
import { readBaseline } from '../../runner/baseline.js';
import { judged } from '../../runner/gate.js';

export const REPORT_HELP = `orc report merge REPORT|DIR... [--out DIR] [--baseline FILE] [--quiet]
                           merge shard reports into one and render every format again;
                           with --baseline, gate the merged run as "orc run --baseline" does;
                           --quiet prints the headline, the new failures and the count line only`;

export async function reportCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'merge') throw new UsageError('"orc report" takes "merge"; see "orc help"');
  const { values, positionals } = parse(
    'report merge',
    rest,
    { out: { type: 'string' }, quiet: { type: 'boolean' }, baseline: { type: 'string' }, verbose: { type: 'boolean' }, ...COLOR_OPTIONS },
    Infinity,
  );
  if (positionals.length === 0) throw new UsageError('orc report merge needs the shard reports (or their folders) to merge');
  const baseline = values.baseline ? readBaseline(values.baseline) : undefined;
  const events = mergedEvents(positionals.map((p) => readReport(p)));
  if (baseline) events.push(judged(values.baseline!, baseline, events, loadSchemaSet()));
  const out = outDir(values.out);
  const release = claimOutDir(out);
  try {
    process.stderr.write(`merged ${positionals.length === 1 ? 'one report' : `${positionals.length} reports`}; ${writeReports(out, events)}\n`);
  } finally {
    release();
  }
  // --quiet keeps the verdict: a gate that fails in CI must say why in its log
  if (!values.quiet) process.stdout.write(terminalReport(events, { color: useColor(values), verbose: values.verbose ?? false }));
  const data = collect(events);
  if (values.quiet) process.stdout.write(`${[data.verdict.headline, ...baselineLines(data).slice(1), countLine(data)].join('\n')}\n`);
  return data.verdict.exitCode;
}
