import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MainJobSummary } from '../test/helpers/main-job-summary.js';
import { BEHAVIOUR_ROWS, FINDINGS } from './findings.js';
import { CATEGORIES, CONTROLS, MUTANTS } from '../mutants/index.js';

/**
 * `tsx scripts/readme-figures.ts [--check]`: writes the README's figures of
 * the main job (the "What it finds" table, the behaviour rows, the sample
 * output) from test/fixtures/main-job-summary.json, and docs/checks.md's
 * mutation kills from mutants/kills.json; the summary
 * scripts/record-verdicts.ts records from a main job's report. No figure in
 * those blocks is typed by hand; test/readme-figures.test.ts fails when the
 * README and the recorded run disagree.
 */
const ROOT = join(import.meta.dirname, '..');
export const README = join(ROOT, 'README.md');
export const SUMMARY = join(ROOT, 'test', 'fixtures', 'main-job-summary.json');
/** The documents with figures blocks. */
export const DOCUMENTS = [README, join(ROOT, 'docs', 'checks.md')];
const KILLS = join(ROOT, 'mutants', 'kills.json');

const cellText = (s: string) => s.replace(/\|/g, '\\|');

function findingsTable(s: MainJobSummary): string[] {
  const rows = ['| adapter | implementation | Required | what stands out |', '|---|---|---|---|'];
  for (const a of s.adapters) {
    const r = a.required;
    rows.push(
      `| \`${a.name}\` | ${cellText(`${a.implementation} ${a.version} (${a.language})`)} | ${r.passed}/${r.passed + r.failed} | ${FINDINGS[a.name]?.text ?? ''} |`,
    );
  }
  return rows;
}

function behaviourTable(s: MainJobSummary): string[] {
  const rows = ['| check | labels (adapters) |', '|---|---|'];
  for (const { check, title } of BEHAVIOUR_ROWS) {
    const groups = new Map<string, string[]>();
    for (const a of s.adapters) {
      const labels = Object.entries(s.outcomes[a.name] ?? {})
        .filter(([id]) => id === check || id.startsWith(`${check}.`))
        .flatMap(([, o]) => o);
      if (labels.length === 0) continue;
      const key = [...new Set(labels)].sort().join(' / ');
      groups.set(key, [...(groups.get(key) ?? []), a.name]);
    }
    const cells = [...groups.entries()].sort((x, y) => y[1].length - x[1].length).map(([label, who]) => `\`${cellText(label)}\`: ${who.join(', ')}`);
    rows.push(`| \`${check}\` (${title}) | ${cells.join(' · ')} |`);
  }
  return rows;
}

/** The terminal output of the main job, cut to what a README shows: the matrix's first rows, the first failure group, the end. */
function sampleOutput(s: MainJobSummary): string[] {
  const t = s.terminal;
  const failureAt = t.findIndex((l) => l.startsWith('✗ '));
  const matrixEnd = t.findIndex((l) => l === '');
  const head = t.slice(0, Math.min(4, matrixEnd < 0 ? 4 : matrixEnd));
  const group = failureAt < 0 ? [] : t.slice(failureAt, failureAt + 4).filter((l) => l !== '');
  return ['```', ...head, '…', ...group, '…', ...t.slice(-3), '```'];
}

/** What `npm run mutation -- --record` last recorded, by category: the mutants killed at every seed, and the controls. */
function mutationTable(kills: { seeds: number[]; kills: Record<string, string[]> }): string[] {
  const bugs = MUTANTS.filter((m) => !CONTROLS[m.name]);
  const rows = ['| category | killed |', '|---|---|'];
  for (const c of CATEGORIES) {
    const mine = bugs.filter((m) => m.category === c);
    rows.push(`| ${c} | ${mine.filter((m) => m.name in kills.kills).length}/${mine.length} |`);
  }
  const killed = bugs.filter((m) => m.name in kills.kills).length;
  rows.push(
    `| **all** | **${killed}/${bugs.length}** |`,
    '',
    `${bugs.length} mutants with one bug each and ${Object.keys(CONTROLS).length} controls, seeds ${kills.seeds.join(', ')}.`,
  );
  return rows;
}

export function figures(s: MainJobSummary): Record<string, string[]> {
  const kills = JSON.parse(readFileSync(KILLS, 'utf8'));
  return { 'what-it-finds': findingsTable(s), behaviours: behaviourTable(s), 'sample-output': sampleOutput(s), 'mutation-kills': mutationTable(kills) };
}

/** The README with every figures block written anew; a block is `<!-- figures:NAME -->` … `<!-- /figures -->`. */
export function withFigures(readme: string, blocks: Record<string, string[]>): string {
  return readme.replace(/(<!-- figures:([a-z-]+) -->\n)[\s\S]*?(<!-- \/figures -->)/g, (whole, open: string, name: string, close: string) => {
    const lines = blocks[name];
    if (!lines) throw new Error(`README names a figures block "${name}" that scripts/readme-figures.ts does not write`);
    return `${open}${lines.join('\n')}\n${close}`;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const blocks = figures(JSON.parse(readFileSync(SUMMARY, 'utf8')) as MainJobSummary);
  const stale = DOCUMENTS.filter((file) => readFileSync(file, 'utf8') !== withFigures(readFileSync(file, 'utf8'), blocks));
  if (process.argv.includes('--check')) {
    process.stdout.write(
      stale.length === 0 ? 'figures are current\n' : `figures differ from the records in ${stale.join(', ')}: run tsx scripts/readme-figures.ts\n`,
    );
    process.exit(stale.length === 0 ? 0 : 1);
  }
  for (const file of stale) writeFileSync(file, withFigures(readFileSync(file, 'utf8'), blocks));
  process.stdout.write(`wrote the figures of ${stale.length ? stale.join(', ') : 'nothing: all current'}\n`);
}
