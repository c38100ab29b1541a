import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../scripts/findings.js';
import { DOCUMENTS, figures, README, SUMMARY, withFigures } from '../scripts/readme-figures.js';
import type { MainJobSummary } from './helpers/main-job-summary.js';

const summary = JSON.parse(readFileSync(SUMMARY, 'utf8')) as MainJobSummary;

/** Whether an adapter gave `outcome` for a check id or any check under it (`Required.Parse.RejectsNull` covers `….item_id`). */
function gave(adapter: string, check: string, outcome: string): boolean {
  return Object.entries(summary.outcomes[adapter] ?? {}).some(([id, o]) => (id === check || id.startsWith(`${check}.`)) && o.includes(outcome));
}

describe("the README's figures are the recorded main job's", () => {
  it('every figures block equals what scripts/readme-figures.ts writes from the records', () => {
    expect(readFileSync(README, 'utf8')).toContain('<!-- figures:what-it-finds -->');
    for (const file of DOCUMENTS) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toMatch(/<!-- figures:[a-z-]+ -->/);
      expect(withFigures(text, figures(summary)), file).toBe(text);
    }
  });

  it('every adapter of the main job has a finding, and every finding names an adapter of the main job', () => {
    expect(Object.keys(FINDINGS).sort()).toEqual(summary.adapters.map((a) => a.name).sort());
  });

  it('every claim of "what stands out" is held by the verdict it cites', () => {
    const unheld = Object.entries(FINDINGS).flatMap(([adapter, f]) =>
      f.evidence.filter((e) => !gave(adapter, e.check, e.outcome)).map((e) => `${adapter}: ${e.check} ${e.outcome}`),
    );
    expect(unheld).toEqual([]);
  });
});
