import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBaseline, updatedBaseline } from '../../runner/baseline.js';
import { UsageError } from '../../core/errors.js';
import { loadSchemaSet } from '../../core/models.js';
import { entryExists } from '../../runner/gate.js';
import { outDir, parse } from './args.js';
import { writeAtomic } from '../../core/files.js';
import { readReport } from '../../runner/read-report.js';

export const BASELINE_HELP = `orc baseline update [--baseline FILE] [--report FILE]
                           write the known-failure list from a report (default: orc-baseline.json
                           from ./reports/out/report.json); reasons already written are kept`;

export async function baselineCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'update') throw new UsageError(`"orc baseline" takes "update"; see "orc help"`);
  const { values } = parse('baseline update', rest, { baseline: { type: 'string' }, report: { type: 'string' } });
  const file = values.baseline ?? 'orc-baseline.json';
  const folder = dirname(resolve(file));
  // said before anything is read: writing beside a path whose folder is a file would fail only at the end, and not in one line
  if (!isFolder(folder)) throw new UsageError(`cannot write ${file}: ${folder} is not a folder; give --baseline a path in a folder that exists`);
  const reportFile = values.report ?? join(outDir(undefined), 'report.json');
  const report = readReport(reportFile);
  if (report.complete === false)
    throw new UsageError(`${reportFile} is from an incomplete run; a baseline from it would forget what did not run. Run again to the end`);
  const previous = existsSync(file) ? readBaseline(file) : undefined;
  // entries for checks that no longer exist (a renamed id, a check now planned once) go: the gate would fail on them
  const exists = entryExists(loadSchemaSet(), new Set(report.results.map((r) => r.adapter)));
  const updated = updatedBaseline(previous, report.results);
  const next = { ...updated, failures: updated.failures.filter(exists) };
  writeAtomic(file, JSON.stringify(next, null, 2) + '\n');
  const before = new Set((previous?.failures ?? []).map((e) => `${e.adapter} ${e.model} ${e.check}`));
  const after = new Set(next.failures.map((e) => `${e.adapter} ${e.model} ${e.check}`));
  const added = [...after].filter((k) => !before.has(k)).length;
  const removed = [...before].filter((k) => !after.has(k)).length;
  process.stdout.write(`wrote ${file}: ${next.failures.length} known failures (${added} added, ${removed} removed); say why in each new entry's "reason"\n`);
  return 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
