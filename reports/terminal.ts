import type { RunEvent, Status } from '../src/runner/results.ts';
import { baselineLines, behaviourClasses, cellText, collect, requiredFailed, restartLines, shortModel } from './_internals/collect.ts';
import { visible } from './_internals/visible.ts';

const COLOR: Record<Status, string> = { passed: '\x1b[32m', failed: '\x1b[31;1m', unsupported: '\x1b[2m', observed: '\x1b[36m' };
/** Observations of one row, coloured by behaviour: cells in one colour behave alike. */
const BEHAVIOUR_COLORS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[34m', '\x1b[96m', '\x1b[95m', '\x1b[93m', '\x1b[94m'];
const RESET = '\x1b[0m';
const fit = (text: string, width: number) => (text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`);

/** The checks × adapters table, then every failure with its counterexample and replay command. */
export function terminalReport(events: readonly RunEvent[], options: { color: boolean }): string {
  const d = collect(events);
  const paint = (s: Status, text: string) => (options.color ? `${COLOR[s]}${text}${RESET}` : text);
  const names = d.adapterNames;
  const width = Math.max(...names.map((n) => n.length), 4);
  const checkWidth = Math.max(...d.rows.map((r) => r.id.length), 5);
  const lines: string[] = [];
  let model = '';
  lines.push(`${'check'.padEnd(checkWidth)}  ${names.map((n) => n.padEnd(width)).join('  ')}`);
  for (const row of d.rows) {
    if (row.model !== model) {
      model = row.model;
      lines.push(`── ${model} ${'─'.repeat(Math.max(0, checkWidth - model.length - 4))}`);
    }
    const classes = behaviourClasses(row, names);
    const cells = names.map((a) => {
      const r = row.cells[a];
      if (!r) return ''.padEnd(width);
      const text = fit(cellText(r), width);
      if (r.status !== 'observed' || !options.color) return paint(r.status, text);
      return `${BEHAVIOUR_COLORS[classes.get(cellText(r))! % BEHAVIOUR_COLORS.length]}${text}${RESET}`;
    });
    lines.push(`${row.id.padEnd(checkWidth)}  ${cells.join('  ')}`);
  }
  lines.push('');
  for (const a of names) {
    const t = d.tallies[a]!;
    lines.push(`${a.padEnd(width)}  Required ${t.Required.passed}/${t.Required.passed + t.Required.failed} passed · Recommended ${t.Recommended.passed}/${t.Recommended.passed + t.Recommended.failed} passed · ${t.Informational.observed} observed · ${t.Required.unsupported + t.Recommended.unsupported + t.Informational.unsupported} n/a`);
  }
  for (const e of d.adapterErrors) lines.push(`adapter ${e.adapter} did not start: ${e.message}`);
  lines.push(...restartLines(d).map((l) => visible(l, 400)));
  const failures = d.results.filter((r) => r.status === 'failed');
  if (failures.length) lines.push('', `Failures (${failures.length}):`);
  for (const r of failures) {
    const f = r.failure!;
    lines.push('', paint('failed', `✗ ${r.adapter} · ${shortModel(r.model)} · ${r.id}`));
    lines.push(`  ${f.kind}: ${visible(f.message, 240)}`);
    if (f.counterexample.payload) lines.push(`  payload: ${visible(f.counterexample.payload.text, 240)}`);
    if (f.counterexample.value !== undefined) lines.push(`  value:   ${visible(JSON.stringify(f.counterexample.value), 240)}`);
    if (f.answer !== undefined) lines.push(`  answer:  ${visible(f.answer, 240)}`);
    if (f.stderr) lines.push(`  stderr:  ${visible(f.stderr, 240)}`);
    lines.push(`  replay:  ${f.replayCommand}`);
  }
  lines.push('');
  if (!d.complete) lines.push(`Incomplete run (${d.incompleteReason}).`);
  lines.push(...baselineLines(d));
  lines.push(d.adapterErrors.length ? 'An adapter did not start.' : d.baseline ? (d.baseline.ok ? 'The baseline gate passed.' : 'The baseline gate failed.') : requiredFailed(d) ? 'Required checks failed.' : 'Every Required check passed.');
  return lines.join('\n') + '\n';
}
