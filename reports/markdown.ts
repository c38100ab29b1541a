import type { RunEvent } from '../core/results.js';
import { LEVELS } from '../core/check.js';
import {
  adapterKey,
  baselineLines,
  behaviourGroups,
  collect,
  countLine,
  familyRows,
  failureGroups,
  headline,
  implementationOf,
  knownFailures,
  levelShare,
  modelsNamed,
  restartLines,
  suiteCell,
  suiteRows,
  type RunData,
} from './collect.js';
import type { CheckResult } from '../core/results.js';
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
/**
 * What the groups written in full may take, whatever their payloads: at 28
 * models × 28 adapters the tables take ~20 kB, so the summary stays under
 * 100 kB (a payload of the spec's response events alone fills its 600 characters).
 */
const FAILURE_BYTES = 48 * 1024;
/** Likewise the behaviours table: 28 adapters' keys and labels make a long row. */
const BEHAVIOUR_BYTES = 16 * 1024;
const utf8 = new TextEncoder();
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
    out.push(`| ${cell(suite)} | ${d.adapterNames.map((a) => markOf(cells.get(a) ?? [], known)).join(' | ')} |`);
  }
  out.push(...familySections(d, keys, known));
  const groups = failureGroups(d).filter((g) => !d.baseline || !g.known);
  if (groups.length) {
    out.push('', `## ${d.baseline ? 'New failures' : 'Failures'} (${groups.length} adapter × check)`);
    let shown = 0;
    let bytes = 0;
    for (const g of groups.slice(0, MAX_GROUPS)) {
      const lines = groupSection(d, g);
      const size = utf8.encode(lines.join('\n')).length;
      if (shown > 0 && bytes + size > FAILURE_BYTES) break;
      out.push(...lines);
      bytes += size;
      shown++;
    }
    if (groups.length > shown)
      out.push(
        '',
        `… and ${groups.length - shown} more adapter × check failures: report.html and report.json (the run's artifact) have every one, with its bytes.`,
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
    let shown = 0;
    for (let bytes = 0; shown < Math.min(behaviours.length, MAX_BEHAVIOUR_ROWS); shown++) {
      bytes += utf8.encode(behaviours[shown]!).length + 1;
      if (shown > 0 && bytes > BEHAVIOUR_BYTES) break;
    }
    out.push(...behaviours.slice(0, shown));
    if (behaviours.length > shown) out.push('', `… and ${behaviours.length - shown} more cases in report.html.`);
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

/** One failure group written in full: its heading, what went wrong, the counterexample, the answer and the replay command. */
function groupSection(d: RunData, g: ReturnType<typeof failureGroups>[number]): string[] {
  const f = g.results[0]!.failure;
  const models = modelsNamed(
    g.results.map((x) => x.model),
    d,
  );
  const out = ['', `### ${cell(g.adapter)} · ${cell(g.id)} · ${cell(models)}`, ''];
  out.push(`**${f.kind}**: ${cell(visible(f.message, 300))}${f.flaky ? ' (did not fail again when replayed: not shrunk)' : ''}`, '');
  const ce = f.counterexample;
  if (ce.payload) out.push('Payload:', '', fenced(visible(ce.payload.text, 600)));
  if (ce.value !== undefined) out.push('Value given:', '', fenced(visible(JSON.stringify(ce.value), 600)));
  if (f.answer !== undefined) out.push('', 'Answer:', '', fenced(visible(f.answer, 600)));
  out.push('', 'Replay:', '', fenced(f.replayCommand));
  return out;
}

/** What a table cell says of some results: new failures counted, else known ones, else a pass, else n/a. */
function markOf(results: readonly CheckResult[], known: Set<string>): string {
  const c = suiteCell(results, known);
  return c.count ? `${MD_MARK[c.kind]} ${c.count}` : MD_MARK[c.kind];
}

/**
 * Families × adapters, then one section per family with its models ×
 * adapters: where a failure sits, model by model, in a few kB at 28 × 28.
 */
function familySections(d: RunData, keys: Map<string, string>, known: Set<string>): string[] {
  const families = familyRows(d);
  if (!families.length) return [];
  const head = (title: string) => [
    `| ${title} | ${d.adapterNames.map((a) => keys.get(a)).join(' | ')} |`,
    `|---|${d.adapterNames.map(() => '---').join('|')}|`,
  ];
  const out = [
    '',
    '## By family',
    '',
    "Failed Required and Recommended checks per family of models and adapter; each family's models follow.",
    '',
    ...head('family'),
  ];
  for (const f of families)
    out.push(`| ${cell(f.family)} (${counted(f.models.length, 'model')}) | ${d.adapterNames.map((a) => markOf(f.cells.get(a) ?? [], known)).join(' | ')} |`);
  for (const f of families) {
    out.push('', `### ${cell(f.family)}`, '', ...head('model'));
    for (const model of f.models) {
      const mine = (a: string) => (f.cells.get(a) ?? []).filter((r) => r.model === model);
      out.push(`| ${cell(model)} | ${d.adapterNames.map((a) => markOf(mine(a), known)).join(' | ')} |`);
    }
  }
  return out;
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
