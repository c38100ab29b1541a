import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard } from '../runner/runner.js';
import { createAjv } from '../core/oracle.js';
import { SCHEMA_DIR } from '../core/models.js';
import { orc } from './helpers/cli.js';

const validateReport = createAjv().compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8')));

describe('sharding', () => {
  it('n shards deal every adapter × check pair exactly once', () => {
    for (const n of [1, 2, 3, 7]) {
      const owners = Array.from({ length: 3 * 40 }, (_, k) =>
        [...Array(n).keys()].filter((i) => inShard({ index: i + 1, count: n }, Math.floor(k / 40), k % 40, 40)),
      );
      expect(owners.every((o) => o.length === 1)).toBe(true);
    }
  });

  it('shard reports merge into exactly the unsharded run, and every format is rendered again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-shards-'));
    const args = [
      'run',
      '--adapter',
      'reference,ts-openrouter-latest',
      '--model',
      'generating,OpenResponsesImageGenCallCompleted',
      '--suite',
      'Parse,Serialize',
      '--runs',
      '15',
      '--seed',
      '5',
      '--quiet',
    ];
    orc([...args, '--out', join(dir, 'full')]);
    for (const i of [1, 2, 3]) orc([...args, '--shard', `${i}/3`, '--out', join(dir, `s${i}`)]);
    const read = (d: string) => JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8'));
    const shards = [1, 2, 3].map((i) => read(`s${i}`));
    expect(shards.map((s) => s.run.shard)).toEqual(['1/3', '2/3', '3/3']);
    const key = (r: any) => `${r.adapter} ${r.model} ${r.id}`;
    const all = shards.flatMap((s) => s.results.map(key));
    expect(new Set(all).size).toBe(all.length); // no overlap
    const full = read('full');
    expect(new Set(all)).toEqual(new Set(full.results.map(key))); // union is the whole run

    const merged = orc(['report', 'merge', join(dir, 's1'), join(dir, 's2'), join(dir, 's3'), '--out', join(dir, 'merged'), '--quiet']);
    expect(merged.status).toBe(1); // ts-openrouter-latest fails Required checks, as the unsharded run does
    const m = read('merged');
    expect(validateReport(m), JSON.stringify(validateReport.errors)).toBe(true);
    const strip = (r: any) => ({ ...r, durationMs: 0 });
    expect(m.results.map(strip)).toEqual(full.results.map(strip));
    expect(m.run.shard).toBeUndefined();
    for (const f of ['summary.md', 'junit.xml', 'badges/reference.json']) expect(readFileSync(join(dir, 'merged', f), 'utf8').length).toBeGreaterThan(10);

    // the merged run gates on a baseline written from the unsharded one
    orc(['baseline', 'update', '--baseline', join(dir, 'b.json'), '--report', join(dir, 'full', 'report.json')]);
    const gated = orc(['report', 'merge', join(dir, 's1'), join(dir, 's2'), join(dir, 's3'), '--out', join(dir, 'merged'), '--baseline', join(dir, 'b.json')]);
    expect(gated.status).toBe(0);
    expect(gated.stdout).toMatch(/^Gate passed: 0 new failures/m);
  });

  it('refuses to merge shards of different runs, or overlapping ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-shards-bad-'));
    const args = ['run', '--model', 'generating', '--suite', 'Required.Parse.AcceptsValid', '--runs', '5', '--quiet'];
    orc([...args, '--seed', '1', '--out', join(dir, 'a')]);
    orc([...args, '--seed', '2', '--out', join(dir, 'b')]);
    const r = orc(['report', 'merge', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'm')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not shards of one run/);
    const twice = orc(['report', 'merge', join(dir, 'a'), join(dir, 'a'), '--out', join(dir, 'm')]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/the shards overlap/);
    expect(orc(['run', '--shard', '4/3']).stderr).toMatch(/--shard takes I\/N/);
  });

  it('a merge of one shard out of two is incomplete, and says which shard is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-shards-missing-'));
    orc([
      'run',
      '--model',
      'generating',
      '--suite',
      'Required.Parse.AcceptsValid,Required.Parse.RejectsNull',
      '--runs',
      '5',
      '--seed',
      '3',
      '--quiet',
      '--shard',
      '1/2',
      '--out',
      join(dir, 's1'),
    ]);
    const loud = orc(['report', 'merge', join(dir, 's1'), '--out', join(dir, 'm')]);
    expect(loud.status, loud.stderr).toBe(1);
    expect(loud.stdout).toContain('Not passed: the run is incomplete (shard 2 of 2 missing)');
    expect(loud.stdout).not.toContain('Every Required check passed');
    // --quiet still says the verdict: a CI log must show why a merge failed
    const r = orc(['report', 'merge', join(dir, 's1'), '--out', join(dir, 'm'), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'Not passed: the run is incomplete (shard 2 of 2 missing).',
      expect.stringMatching(/^CONFORMANCE SUITE FAILED: /),
      expect.stringMatching(/observations?, incomplete run$/),
    ]);
    const m = JSON.parse(readFileSync(join(dir, 'm', 'report.json'), 'utf8'));
    expect(validateReport(m), JSON.stringify(validateReport.errors)).toBe(true);
    expect(m.complete).toBe(false);
    expect(m.incompleteReason).toBe('shard 2 of 2 missing');
    expect(m.passed).toBe(false);
  });
});
