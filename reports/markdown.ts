import type { RunEvent } from '../core/results.js';
import { LEVELS } from '../core/check.js';
import {
  adapterKey,
  baselineLines,
  behaviourGroups,
  collect,
  countLine,
  failureGroups,
  headline,
  implementationOf,
  knownFailures,
  levelShare,
  restartLines,
  shortModel,
  suiteCell,
  suiteRows,
  type RunData,
} from './collect.js';
import { counted, visible } from '../core/visible.js';

const MD_MARK = { passed: '✅', failed: '❌', known: '⚠️', unsupported: '➖' } as const;

/**
 * Text from harnesses and schemas, written so that GitHub renders it as the
 * same text: no raw HTML, no links or images, no emphasis, no broken table,
 * and no control characters (shown as escapes).
 */
const cell = (s: string) =>
  visible(s, 2000)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|#~]/g, (c) => `\\${c}`);

/** A fence longer than any run of backticks inside, so a payload can never close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

/** Failure groups written in full; the rest are counted and left to report.html, so the summary stays far under GitHub's 1 MiB. */
const MAX_GROUPS = 40;
const MAX_BEHAVIOUR_ROWS = 80;

/** A Markdown summary fit for a CI step summary or a pull-request comment: the headline, the tables, the failures grouped. */
export function markdownReport(events: readonly RunEvent[]): string {
  const d = collect(events);
  const known = knownFailures(d);
  const keys = new Map(d.adapterNames.map((a, i) => [a, adapterKey(i)]));
  const out: string[] = [];
  out.push('# Open Responses conformance');
  out.push('');
  if (!d.complete) out.push(`> **Incomplete run** (${d.incompleteReason}): what follows is what ran before it stopped.\n`);
  out.push(`**${cell(headline(d))}**`, '');
  if (d.run) out.push(`Seed \`${d.run.seed}\`, ${d.run.runs} cases per property, ${counted(d.run.models.length, 'model')}.\n`);
  const gate = baselineLines(d);
  if (gate.length) out.push(cell(gate[0]!), '', ...gate.slice(1).map((l) => `- ${cell(l.trim())}`), '');
  for (const e of d.adapterErrors) out.push(`> ⚠ adapter **${cell(e.adapter)}** did not start: ${cell(e.message)}`, '');
  for (const line of restartLines(d)) out.push(`> ↻ ${cell(visible(line, 400))}`, '');
  out.push('| | adapter | implementation | Required | Recommended | Informational |');
  out.push('|---|---|---|---|---|---|');
  for (const a of d.adapterNames) {
    const t = d.tallies[a]!;
    out.push(
      `| ${keys.get(a)} | ${cell(a)} | ${cell(implementationOf(d, a))} | ${levelShare(t.Required)} | ${levelShare(t.Recommended)} | ${t.Informational.observed} observed |`,
    );
  }
  out.push(
    '',
    '## By suite',
    '',
    `Failed checks per suite and adapter (${MD_MARK.failed} new, ${MD_MARK.known} known from the baseline); report.html has every check.`,
    '',
  );
  out.push(`| suite | ${d.adapterNames.map((a) => keys.get(a)).join(' | ')} |`, `|---|${d.adapterNames.map(() => '---').join('|')}|`);
  for (const [suite, cells] of suiteRows(d)) {
    out.push(
      `| ${cell(suite)} | ${d.adapterNames
        .map((a) => {
          const c = suiteCell(cells.get(a) ?? [], known);
          return c.count ? `${MD_MARK[c.kind]} ${c.count}` : MD_MARK[c.kind];
        })
        .join(' | ')} |`,
    );
  }
  const groups = failureGroups(d).filter((g) => !d.baseline || !g.known);
  if (groups.length) {
    out.push('', `## ${d.baseline ? 'New failures' : 'Failures'} (${groups.length} adapter × check)`);
    for (const g of groups.slice(0, MAX_GROUPS)) {
      const r = g.results[0]!;
      const f = r.failure;
      const models = g.results.map((x) => shortModel(x.model)).join(', ');
      out.push('', `### ${cell(g.adapter)} · ${cell(g.id)} · ${cell(models)}`, '');
      out.push(`**${f.kind}**: ${cell(visible(f.message, 300))}${f.flaky ? ' (did not fail again when replayed: not shrunk)' : ''}`, '');
      const ce = f.counterexample;
      if (ce.payload) out.push('Payload:', '', fenced(visible(ce.payload.text, 600)));
      if (ce.value !== undefined) out.push('Value given:', '', fenced(visible(JSON.stringify(ce.value), 600)));
      if (f.answer !== undefined) out.push('', 'Answer:', '', fenced(visible(f.answer, 600)));
      out.push('', 'Replay:', '', fenced(f.replayCommand));
    }
    if (groups.length > MAX_GROUPS)
      out.push(
        '',
        `… and ${groups.length - MAX_GROUPS} more adapter × check failures: report.html and report.json (the run's artifact) have every one, with its bytes.`,
      );
  }
  const behaviours = behaviourRows(d, keys);
  if (behaviours.length) {
    out.push(
      '',
      '## Behaviours (implementation-defined)',
      '',
      'Each case, and which adapters share each behaviour (by key).',
      '',
      '| check | case | behaviours |',
      '|---|---|---|',
    );
    out.push(...behaviours.slice(0, MAX_BEHAVIOUR_ROWS));
    if (behaviours.length > MAX_BEHAVIOUR_ROWS) out.push('', `… and ${behaviours.length - MAX_BEHAVIOUR_ROWS} more cases in report.html.`);
  }
  out.push(
    '',
    `Levels: ${LEVELS.join(', ')}. ${MD_MARK.passed} passed, ${MD_MARK.failed} failed, ${MD_MARK.known} known failure, ${MD_MARK.unsupported} not applicable.`,
    '',
    ...countLine(d)
      .split('\n')
      .map((l) => `\`${l}\`  `),
  );
  return out.join('\n') + '\n';
}

/** One row per case of an observation, across models: a case that behaves alike under every model is said once. */
function behaviourRows(d: RunData, keys: Map<string, string>): string[] {
  const seen = new Set<string>();
  const rows: string[] = [];
  for (const g of behaviourGroups(d)) {
    const text = g.behaviours.map((b) => `${cell(b.behaviour)}: ${b.adapters.map((a) => keys.get(a)).join(' ')}`).join(' · ');
    const key = `${g.id}\u0000${g.case}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(`| ${cell(g.id)} | ${cell(visible(g.case, 60))} | ${text} |`);
  }
  return rows;
}
