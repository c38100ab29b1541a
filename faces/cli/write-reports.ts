import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../core/results.js';
import { jsonReport } from '../../reports/json.js';
import { markdownReport } from '../../reports/markdown.js';
import { junitReportPieces } from '../../reports/junit.js';
import { badges } from '../../reports/badges.js';
import { htmlReportPieces } from '../../reports/html.js';
import { writeAtomic } from '../../core/files.js';
import { jsonDocumentPieces } from '../../core/json.js';

/**
 * Every report a run writes, by file name under the output folder, each
 * rendered when asked: the main job's are hundreds of megabytes apiece, so
 * they are made and written one at a time, never all held at once, and the
 * largest written a piece at a time, never one string.
 */
function reportRenderers(events: readonly RunEvent[]): [string, () => string | Iterable<string>][] {
  return [
    ['summary.md', () => markdownReport(events)],
    ['junit.xml', () => junitReportPieces(events)],
    ['report.html', () => htmlReportPieces(events)],
    ...Object.entries(badges(events)).map(([name, text]): [string, () => string] => [join('badges', name), () => text]),
    // report.json last: a run that dies while writing leaves it saying the run had not finished
    ['report.json', () => jsonDocumentPieces(jsonReport(events))],
  ];
}

/** Every report a run writes, by file name under the output folder: one pure function each. */
export function renderReports(events: readonly RunEvent[]): Record<string, string> {
  return Object.fromEntries(reportRenderers(events).map(([name, render]) => [name, joined(render())]));
}

const joined = (text: string | Iterable<string>) => (typeof text === 'string' ? text : [...text].join(''));

/** During a run: the JSON report alone, cheap enough to rewrite as results come, so a killed run leaves it valid and marked incomplete. */
export function writeProgressReport(dir: string, events: readonly RunEvent[]): void {
  writeAtomic(join(dir, 'report.json'), jsonDocumentPieces(jsonReport(events)));
}

/** Writes every format into `dir`; returns the line that says where, the folder once so that it fits a terminal line. */
export function writeReports(dir: string, events: readonly RunEvent[]): string {
  mkdirSync(join(dir, 'badges'), { recursive: true });
  for (const [name, render] of reportRenderers(events)) writeAtomic(join(dir, name), render());
  return `reports in ${dir}: report.json, summary.md, junit.xml, report.html, badges/`;
}

/**
 * As soon as a run owns the folder, before any harness starts: every format
 * says the run has not finished, and no badge of an earlier run's adapters
 * stays beside this run's, so a run killed at any moment leaves nothing that
 * an earlier run produced.
 */
export function startReports(dir: string): void {
  rmSync(join(dir, 'badges'), { recursive: true, force: true });
  mkdirSync(join(dir, 'badges'), { recursive: true });
  // report.json last: once it says the run has not finished, every other format says so too
  const { 'report.json': json, ...others } = renderReports([]);
  for (const [name, text] of Object.entries(others)) writeAtomic(join(dir, name), text);
  writeAtomic(join(dir, 'report.json'), json!);
}
