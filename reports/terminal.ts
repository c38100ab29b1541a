import type { RunEvent, Status } from '../src/runner/results.ts';
import { baselineLines, collect, requiredFailed, shortModel, STATUS_MARK } from './_internals/collect.ts';
import { visible } from './_internals/visible.ts';

const COLOR: Record<Status, string> = { passed: '\x1b[32m', failed: '\x1b[31;1m', unsupported: '\x1b[2m', observed: '\x1b[36m' };
const RESET = '\x1b[0m';

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
    const cells = names.map((a) => {
      const r = row.cells[a];
      return r ? paint(r.status, STATUS_MARK[r.status].padEnd(width)) : ''.padEnd(width);
    });
    lines.push(`${row.id.padEnd(checkWidth)}  ${cells.join('  ')}`);
  }
  lines.push('');
  for (const a of names) {
    const t = d.tallies[a]!;
    lines.push(`${a.padEnd(width)}  Required ${t.Required.passed}/${t.Required.passed + t.Required.failed} passed · Recommended ${t.Recommended.passed}/${t.Recommended.passed + t.Recommended.failed} passed · ${t.Informational.observed} observed · ${t.Required.unsupported + t.Recommended.unsupported + t.Informational.unsupported} n/a`);
  }
  for (const e of d.adapterErrors) lines.push(`adapter ${e.adapter} did not start: ${e.message}`);
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
