import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterFactory } from '../core/contract.js';
import type { RunEvent } from '../core/results.js';
import { findModel } from '../core/models.js';
import { referenceAdapter } from '../adapters/reference/index.js';
import { planChecks } from '../runner/plan.js';
import { costliestFirst, run } from '../runner/runner.js';
import { COSTS_FILE, readCosts } from '../faces/cli/adapter-costs.js';
import { mapsParsed } from '../mutants/mutant.js';
import { GENERATING, set } from './helpers/adapters.js';
import { orc } from './helpers/cli.js';

describe('costliestFirst', () => {
  it('the costliest first, an adapter of no known cost before all, the listed order among equals', () => {
    const named = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }));
    expect(costliestFirst(named, undefined)).toEqual([0, 1, 2, 3, 4]);
    expect(
      costliestFirst(
        named,
        new Map([
          ['a', 1],
          ['b', 30],
          ['c', 5],
          ['e', 5],
        ]),
      ),
    ).toEqual([3, 1, 2, 4, 0]);
  });
});

describe('a run starts the costliest adapters first, and reports the same', () => {
  const checks = planChecks({ set, models: [findModel(set, GENERATING)], suite: 'Parse' });
  /** Three in-process adapters whose starts are written down in the order they happen. */
  const factories = (started: string[]): AdapterFactory[] =>
    ['first', 'second', 'third'].map((name, i) => ({
      name,
      summary: name,
      create: async () => {
        started.push(name);
        return i === 1
          ? mapsParsed(set, name, (x) => (typeof x === 'number' ? Math.trunc(x) : x))
          : { ...referenceAdapter(set), info: { ...referenceAdapter(set).info, name } };
      },
    }));
  const runWith = async (costs?: Map<string, number>) => {
    const started: string[] = [];
    const events: RunEvent[] = [];
    await run({
      set,
      adapters: factories(started),
      checks,
      runs: 10,
      seed: 3,
      jobs: 2,
      info: { tool: { name: 'orc', version: '0' }, command: 'orc run', models: [GENERATING] },
      emit: (e) => events.push(e),
      ...(costs ? { costs } : {}),
    });
    const results = events.flatMap((e) => (e.type === 'check-finished' ? [{ ...e.result, durationMs: 0 }] : []));
    return { started, results };
  };

  it('in order of cost, the events as without', async () => {
    const plain = await runWith();
    const ordered = await runWith(
      new Map([
        ['first', 1],
        ['second', 10],
        ['third', 100],
      ]),
    );
    expect(plain.started).toEqual(['first', 'second', 'third']);
    expect(ordered.started).toEqual(['third', 'second', 'first']);
    expect(ordered.results).toEqual(plain.results);
    expect(plain.results.some((r) => r.adapter === 'second' && r.status === 'failed')).toBe(true);
  });
});

describe('costs.json beside the reports', () => {
  it("a finished run writes each adapter's cost; a file that is not one is no hint and no error", () => {
    const out = mkdtempSync(join(tmpdir(), 'orc-costs-'));
    const args = [
      'run',
      '--adapter',
      'reference,ts-openrouter-latest',
      '--model',
      'generating',
      '--suite',
      'Parse',
      '--runs',
      '5',
      '--seed',
      '1',
      '--quiet',
      '--out',
      out,
    ];
    writeFileSync(join(out, COSTS_FILE), '{ not json');
    const first = orc(args);
    // the run's first line and where its reports went: nothing said of the file
    expect(first.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    const costs = readCosts(out)!;
    expect([...costs.keys()]).toEqual(['reference', 'ts-openrouter-latest']);
    expect([...costs.values()].every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
    // a run of one adapter keeps what the file said of the other
    writeFileSync(
      join(out, COSTS_FILE),
      JSON.stringify({ format: 'openresponses-conformance/costs@1', adapters: { 'ts-openrouter-latest': 123456, gone: 7 } }),
    );
    expect(orc([...args.slice(0, 2), 'reference', ...args.slice(3)]).status).toBe(0);
    const after = JSON.parse(readFileSync(join(out, COSTS_FILE), 'utf8')).adapters;
    expect(Object.keys(after)).toEqual(['gone', 'reference', 'ts-openrouter-latest']);
    expect(after['ts-openrouter-latest']).toBe(123456);
  });
});
