import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../runner/results.ts';
import { jsonReport } from '../../reports/json.ts';
import { markdownReport } from '../../reports/markdown.ts';

/** Written beside, then renamed over: a reader never sees half a report. */
export function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export const REPORT_FILES = { json: 'report.json', markdown: 'summary.md' } as const;

export function writeReports(dir: string, events: readonly RunEvent[]): string[] {
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, REPORT_FILES.json), join(dir, REPORT_FILES.markdown)];
  writeAtomic(written[0]!, JSON.stringify(jsonReport(events), null, 2) + '\n');
  writeAtomic(written[1]!, markdownReport(events));
  return written;
}
