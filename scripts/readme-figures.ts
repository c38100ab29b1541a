import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MainJobSummary } from '../test/helpers/main-job-summary.js';
import { BEHAVIOUR_ROWS, FINDINGS } from './findings.js';

/**
 * `tsx scripts/readme-figures.ts [--check]`: writes the README's figures of
 * the main job (the "What it finds" table, the behaviour rows, the sample
 * output) from test/fixtures/main-job-summary.json, which
 * scripts/record-verdicts.ts records from a main job's report. No figure in
 * those blocks is typed by hand; test/readme-figures.test.ts fails when the
 * README and the recorded run disagree.
 */
const ROOT = join(import.meta.dirname, '..');
export const README = join(ROOT, 'README.md');
export const SUMMARY = join(ROOT, 'test', 'fixtures', 'main-job-summary.json');

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

export function figures(s: MainJobSummary): Record<string, string[]> {
  return { 'what-it-finds': findingsTable(s), behaviours: behaviourTable(s), 'sample-output': sampleOutput(s) };
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
  const summary = JSON.parse(readFileSync(SUMMARY, 'utf8')) as MainJobSummary;
  const before = readFileSync(README, 'utf8');
  const after = withFigures(before, figures(summary));
  if (process.argv.includes('--check')) {
    process.stdout.write(
      before === after ? 'README figures are current\n' : 'README figures differ from test/fixtures/main-job-summary.json: run tsx scripts/readme-figures.ts\n',
    );
    process.exit(before === after ? 0 : 1);
  }
  writeFileSync(README, after);
  process.stdout.write(`wrote the figures of ${README}\n`);
}
