import { CATEGORIES, EXPECTATIONS, type Expectation, type FuzzResult, type MutationCategory } from '../core/fuzz-results.js';
import { counted, visible } from '../core/visible.js';

const EXPECT_LABEL: Record<Expectation, string> = { reject: 'must reject', accept: 'must accept', 'implementation-defined': 'implementation-defined' };

function cell(r: FuzzResult, c: MutationCategory, e: Expectation): string {
  const t = r.tallies[c][e];
  if (t.cases === 0) return '–';
  const chose = e === 'implementation-defined' ? ` (${t.accepted} accepted, ${t.rejected} rejected)` : '';
  return `${t.cases}${chose}${t.failed ? `, ${t.failed} FAILED` : ''}`;
}

export function replayOf(file: string): string {
  return `npx orc replay ${/[\s'"]/.test(file) ? JSON.stringify(file) : file}`;
}

/** What each adapter did with each mutation, most frequent behaviour first: the view across implementations. */
export function behaviourTable(results: readonly FuzzResult[]): string {
  const mutations = [...new Set(results.flatMap((r) => Object.keys(r.behaviours)))];
  if (mutations.length === 0) return '';
  const esc = (t: string) => visible(t, 60).replace(/\|/g, '\\|');
  const out = [
    '## Behaviours by mutation',
    '',
    'What each adapter did with each mutation, and how often: `rejected` with its parse error, `as expected`, `→` the value it accepted, or the kind of failure.',
    '',
  ];
  out.push(`| mutation | ${results.map((r) => esc(r.adapter)).join(' | ')} |`, `|---|${results.map(() => '---').join('|')}|`);
  for (const m of mutations) {
    const cells = results.map((r) => (r.behaviours[m] ?? []).map((b) => `${esc(b.behaviour)} ${b.count}`).join('<br>') || '–');
    out.push(`| ${esc(m)} | ${cells.join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

/** The terminal's and the Markdown summary's text: cases by category and expectation, then each distinct failure. */
export function fuzzSummary(results: readonly FuzzResult[], markdown = false): string {
  const out: string[] = [];
  for (const r of results) {
    const rate = r.durationMs > 0 ? Math.round((r.cases / r.durationMs) * 1000) : 0;
    const head = `fuzz ${r.adapter}: ${r.cases} cases in ${(r.durationMs / 1000).toFixed(1)}s (${rate}/s), seed ${r.seed}${r.complete ? '' : ', interrupted'}; ${counted(r.failures.length, 'distinct failure')}`;
    out.push(markdown ? `### ${head}` : head, '');
    if (markdown) {
      out.push(`| category | ${EXPECTATIONS.map((c) => EXPECT_LABEL[c]).join(' | ')} |`, `|---|${EXPECTATIONS.map(() => '---').join('|')}|`);
      for (const c of CATEGORIES) out.push(`| ${c} | ${EXPECTATIONS.map((e) => cell(r, c, e)).join(' | ')} |`);
    } else {
      out.push(`  ${'category'.padEnd(11)}${EXPECTATIONS.map((c) => EXPECT_LABEL[c].padEnd(26)).join('')}`);
      for (const c of CATEGORIES) out.push(`  ${c.padEnd(11)}${EXPECTATIONS.map((e) => cell(r, c, e).padEnd(26)).join('')}`);
    }
    for (const f of r.failures) {
      const line = `${f.mutation} · ${f.kind} (${f.count}×, ${f.expect}): ${visible(f.message, 200)}`;
      out.push(markdown ? `- ✗ ${line.replace(/\|/g, '\\|')}  \n  \`${replayOf(f.file)}\`` : `  ✗ ${line}\n      ${replayOf(f.file)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
