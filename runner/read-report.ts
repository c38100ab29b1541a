import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AdapterInfo, Restart } from '../core/contract.js';
import { UsageError } from '../core/errors.js';
import { readUserJson } from '../core/files.js';
import { SCHEMA_DIR } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import type { CheckResult, RunInfo } from '../core/results.js';

/** A report.json as orc writes it (schema/report.schema.json). */
export interface Report {
  complete: boolean;
  run: RunInfo | null;
  finishedAt: string | null;
  adapters: AdapterInfo[];
  adapterErrors: { adapter: string; message: string }[];
  adapterRestarts?: { adapter: string; restarts: Restart[] }[];
  results: CheckResult[];
}

let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** A report a user named, file or folder: checked against the report schema, so nothing below meets a fake one. */
export function readReport(arg: string): Report {
  const file = existsSync(arg) && statSync(arg).isDirectory() ? join(arg, 'report.json') : arg;
  const hint = 'name a report.json or the folder holding one';
  const report = readUserJson(file, 'the report', { unreadable: hint, notJson: hint });
  validate ??= createAjv().compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8')));
  if (!validate(report))
    throw new UsageError(`${file} is not an orc report (${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message}); ${hint}`);
  return report as Report;
}
