import type { RunEvent } from '../src/runner/results.ts';
import { LEVELS } from '../suites/check.ts';
import { baselineLines, behaviourGroups, cellText, collect, implementationOf, levelShare, requiredFailed, restartLines, shortModel } from './_internals/collect.ts';
import { visible } from './_internals/visible.ts';

const MD_MARK = { passed: '✅', failed: '❌', unsupported: '➖', observed: '👁' } as const;

/**
 * Text from harnesses and schemas, written so that GitHub renders it as the
 * same text: no raw HTML, no links or images, no emphasis, no broken table,
 * and no control characters (shown as escapes).
 */
const cell = (s: string) =>
  visible(s, 2000)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|#~]/g, (c) => `\\${c}`);

/** A fence longer than any run of backticks inside, so a payload can never close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

/** A Markdown summary fit for a CI step summary or a pull-request comment. */
export function markdownReport(events: readonly RunEvent[]): string {
  const d = collect(events);
  const out: string[] = [];
  out.push('# Open Responses conformance');
  out.push('');
  if (!d.complete) out.push(`> **Incomplete run** (${d.incompleteReason}): what follows is what ran before it stopped.\n`);
  if (d.run) out.push(`Seed \`${d.run.seed}\`, ${d.run.runs} cases per property, ${d.run.models.length} model(s). ${requiredFailed(d) ? '**Required checks failed.**' : 'Every Required check passed.'}\n`);
  const gate = baselineLines(d);
  if (gate.length) out.push(`**${cell(gate[0]!)}**`, '', ...gate.slice(1).map((l) => `- ${cell(l.trim())}`), '');
  out.push('| adapter | implementation | Required | Recommended | Informational |');
  out.push('|---|---|---|---|---|');
  for (const a of d.adapterNames) {
    const t = d.tallies[a]!;
    out.push(`| ${cell(a)} | ${cell(implementationOf(d, a))} | ${levelShare(t.Required)} | ${levelShare(t.Recommended)} | ${t.Informational.observed} observed |`);
  }
  for (const e of d.adapterErrors) out.push(`\n> ⚠ adapter **${cell(e.adapter)}** did not start: ${cell(e.message)}`);
  for (const line of restartLines(d)) out.push(`\n> ↻ ${cell(visible(line, 400))}`);
  out.push('');
  out.push('## Matrix');
  out.push('');
  out.push(`| model | check | ${d.adapterNames.map(cell).join(' | ')} |`);
  out.push(`|---|---|${d.adapterNames.map(() => '---').join('|')}|`);
  for (const row of d.rows) {
    const cells = d.adapterNames.map((a) => {
      const r = row.cells[a];
      return r ? `${MD_MARK[r.status]} ${cell(cellText(r))}` : '';
    });
    out.push(`| ${cell(shortModel(row.model))} | ${cell(row.id)} | ${cells.join(' | ')} |`);
  }
  const failures = d.results.filter((r) => r.status === 'failed');
  if (failures.length) {
    out.push('');
    out.push('## Failures');
    for (const r of failures) {
      const f = r.failure!;
      out.push('');
      out.push(`### ${cell(r.adapter)} · ${cell(shortModel(r.model))} · ${cell(r.id)}`);
      out.push('');
      out.push(`**${f.kind}**: ${cell(visible(f.message, 300))}${f.flaky ? ' (did not fail again when replayed: not shrunk)' : ` (shrunk ${f.shrinks} times)`}`);
      out.push('');
      const ce = f.counterexample;
      if (ce.payload) out.push('Payload:', '', fenced(visible(ce.payload.text, 2000)), '', `Bytes (base64): \`${ce.payload.base64.slice(0, 400)}${ce.payload.base64.length > 400 ? '…' : ''}\``);
      if (ce.value !== undefined) out.push('Value given:', '', fenced(visible(JSON.stringify(ce.value), 2000)));
      if (ce.note) out.push('', `(${cell(ce.note)})`);
      if (f.answer !== undefined) out.push('', 'Answer:', '', fenced(visible(f.answer, 2000)));
      if (f.stderr) out.push('', 'stderr:', '', fenced(visible(f.stderr, 2000)));
      out.push('', 'Replay:', '', fenced(f.replayCommand));
    }
  }
  const groups = behaviourGroups(d);
  if (groups.length) {
    out.push('', '## Behaviours (implementation-defined)', '', 'Each case, and which implementations share each behaviour.', '', '| model | check | case | behaviour | adapters |', '|---|---|---|---|---|');
    for (const g of groups) {
      for (const b of g.behaviours) out.push(`| ${cell(shortModel(g.model))} | ${cell(g.id)} | ${cell(visible(g.case, 60))} | ${cell(b.behaviour)} | ${cell(b.adapters.join(', '))} |`);
    }
  }
  out.push('', `Levels: ${LEVELS.join(', ')}. ${MD_MARK.passed} passed, ${MD_MARK.failed} failed, ${MD_MARK.unsupported} not applicable, ${MD_MARK.observed} observed.`);
  return out.join('\n') + '\n';
}
