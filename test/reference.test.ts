import { describe, expect, it } from 'vitest';
import { reference, set } from './helpers/adapters.js';
import { runChecks } from './helpers/run.js';

describe('the reference adapter', () => {
  it('passes every Required and Recommended check of every model, and observes every Informational one', async () => {
    const results = await runChecks(reference(), { runs: 200, seed: 12345 });
    expect(new Set(results.map((r) => r.model))).toEqual(new Set(set.models.map((m) => m.name)));
    const bad = results.filter((r) => (r.level === 'Informational' ? r.status !== 'observed' : r.status !== 'passed'));
    expect(bad.map((r) => `${r.model} ${r.id}: ${r.status} ${r.failure?.message ?? r.reason ?? ''}`)).toEqual([]);
    expect(results.filter((r) => r.status === 'passed').every((r) => r.casesRun > 0)).toBe(true);
  });
});
