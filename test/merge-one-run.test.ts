import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orc } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'orc-merge-one-run-'));
const report = (d: string) => JSON.parse(readFileSync(join(d, 'report.json'), 'utf8'));
/** A run's verdicts, timings and the shard's own command left out. */
const verdicts = (r: { results: { adapter: string; model: string; id: string; status: string; failure?: { message: string } }[] }) =>
  r.results.map((x) => `${x.adapter} ${x.model} ${x.id} ${x.status} ${x.failure?.message ?? ''}`);

describe('a merge joins the shards of one run only', () => {
  it('shards of different selections (--suite) are refused, naming what differs', () => {
    const common = ['--model', 'generating', '--runs', '5', '--seed', '3', '--quiet'];
    orc(['run', ...common, '--suite', 'Parse', '--shard', '1/2', '--out', join(dir, 'p1')]);
    orc(['run', ...common, '--suite', 'Serialize', '--shard', '2/2', '--out', join(dir, 's2')]);
    const r = orc(['report', 'merge', join(dir, 'p1'), join(dir, 's2'), '--out', join(dir, 'm1')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not shards of one run: --suite "Parse" in one, "Serialize" in another/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shards written by different versions of orc are refused', () => {
    const common = ['--model', 'generating', '--suite', 'Required.Parse.AcceptsValid,Required.Parse.RejectsNull', '--runs', '5', '--seed', '3', '--quiet'];
    orc(['run', ...common, '--shard', '1/2', '--out', join(dir, 'v1')]);
    orc(['run', ...common, '--shard', '2/2', '--out', join(dir, 'v2')]);
    const older = report(join(dir, 'v2'));
    older.run.tool.version = '0.0.9';
    writeFileSync(join(dir, 'v2', 'report.json'), JSON.stringify(older));
    const r = orc(['report', 'merge', join(dir, 'v1'), join(dir, 'v2'), '--out', join(dir, 'm2')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/orc version "[^"]+" in one, "0\.0\.9" in another/);
  });

  it('a sharded --schema run merges into exactly the unsharded run: the same checks, verdicts and gate', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'models', 'OpenResponsesImageGenCallGenerating.schema.json'), 'utf8'));
    schema.$id = 'https://example.test/MyGenerating.schema.json';
    schema.title = 'MyGenerating';
    const file = join(dir, 'mine.schema.json');
    writeFileSync(file, JSON.stringify(schema));
    const common = ['--schema', file, '--model', 'MyGenerating', '--suite', 'Parse', '--runs', '10', '--seed', '5', '--quiet'];
    expect(orc(['run', ...common, '--out', join(dir, 'whole')]).status).toBe(0);
    const baseline = join(dir, 'baseline.json');
    expect(orc(['baseline', 'update', '--baseline', baseline, '--report', join(dir, 'whole', 'report.json')]).status).toBe(0);
    const whole = orc(['run', ...common, '--baseline', baseline, '--out', join(dir, 'whole')]);
    for (const i of [1, 2, 3]) orc(['run', ...common, '--shard', `${i}/3`, '--out', join(dir, `sh${i}`)]);
    const merged = orc(['report', 'merge', join(dir, 'sh1'), join(dir, 'sh2'), join(dir, 'sh3'), '--baseline', baseline, '--out', join(dir, 'merged')]);
    expect(merged.status, merged.stderr).toBe(whole.status);
    expect(verdicts(report(join(dir, 'merged')))).toEqual(verdicts(report(join(dir, 'whole'))));
    expect(report(join(dir, 'merged')).headline).toBe(report(join(dir, 'whole')).headline);
    expect(report(join(dir, 'merged')).results.length).toBeGreaterThan(10);
  });
});
