import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { PROJECT_ROOT } from '../core/models.js';
import { verdictDigest } from './helpers/verdicts.js';
import { summarize } from './helpers/main-job-summary.js';

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'main-job-verdicts.json');
const SUMMARY = join(PROJECT_ROOT, 'test', 'fixtures', 'main-job-summary.json');
const allBuilt = loadManifests().every(isBuilt);

describe('the main job: the same verdicts as the commit the fixture was recorded from', () => {
  it('a digest notices one changed counterexample, message or status', () => {
    const result = {
      adapter: 'a',
      model: 'm',
      id: 'x',
      status: 'failed',
      casesRun: 3,
      failure: { kind: 'mismatch', message: 'm', counterexample: { text: 'a' }, path: '2', shrinks: 1 },
    };
    const of = (r: object) => verdictDigest({ run: { seed: 1, runs: 100 }, results: [r] }).cells['a m']!;
    const base = of(result);
    expect(of({ ...result, failure: { ...result.failure, counterexample: { text: 'b' } } }).digest).not.toBe(base.digest);
    expect(of({ ...result, failure: { ...result.failure, message: 'n' } }).digest).not.toBe(base.digest);
    expect(of({ ...result, status: 'passed', failure: undefined }).statuses).toBe('P');
    expect(of({ ...result, durationMs: 5 })).toEqual(base);
  });

  // orc run --adapter all --seed 1 at the fixture's runs (20), as `npm run conformance` runs it (many minutes, so CI and built harnesses only)
  it.skipIf(!allBuilt && process.env.CI !== 'true')(
    'orc run --adapter all --seed 1: every verdict of every adapter × model cell as recorded',
    () => {
      const expected = JSON.parse(readFileSync(FIXTURE, 'utf8'));
      const out = mkdtempSync(join(tmpdir(), 'orc-main-job-'));
      const r = spawnSync(
        process.execPath,
        [
          join(PROJECT_ROOT, 'bin', 'orc.js'),
          'run',
          '--adapter',
          'all',
          '--seed',
          String(expected.seed),
          '--runs',
          String(expected.runs),
          '--quiet',
          '--out',
          out,
        ],
        { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 4_200_000, env: { ...process.env, NO_COLOR: '1' } },
      );
      expect(r.status, r.stderr.slice(-500)).toBe(1); // real SDKs fail Required checks
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      const now = verdictDigest(report);
      const changed = Object.keys({ ...expected.cells, ...now.cells }).filter((k) => JSON.stringify(expected.cells[k]) !== JSON.stringify(now.cells[k]));
      // one line per cell that changed: its statuses then and now, in run order
      expect(changed.map((k) => `${k}: ${expected.cells[k]?.statuses ?? '(absent)'} → ${now.cells[k]?.statuses ?? '(absent)'}`)).toEqual([]);
      // the README's figures are written from this summary: the run must still give it
      const { recordedFrom: _, ...summary } = JSON.parse(readFileSync(SUMMARY, 'utf8'));
      expect(summarize(report)).toEqual(summary);
    },
    4_500_000,
  );
});
