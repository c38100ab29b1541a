/**
 * `orc list` prints names, descriptions and counts, and loads nothing that
 * makes or runs a check: no ajv, no fast-check, no suite, no adapter's code.
 * What it prints instead of loading them is held to what they say.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadSchemaSet } from '../core/models.js';
import { SUITES } from '../suites/index.js';
import { SUITE_DESCRIPTIONS } from '../suites/catalog.js';
import { bundledCheckCounts, bundledChecks } from '../runner/check-listing.js';
import { orc } from './helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'orc-list-light-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('orc list without loading what runs checks', () => {
  it("the suites' catalog is every suite's name and description, in the reports' order", () => {
    expect(Object.entries(SUITE_DESCRIPTIONS)).toEqual(SUITES.map((s) => [s.name, s.description]));
  });

  it("each model's count read from the listing's lines is its number of listed checks", () => {
    const names = loadSchemaSet().models.map((m) => m.name);
    const listed = new Map<string, number>();
    for (const c of bundledChecks(names)) listed.set(c.model, (listed.get(c.model) ?? 0) + 1);
    expect(bundledCheckCounts()).toEqual(listed);
    expect(listed.size).toBe(names.length);
  });

  it.each([[['list']], [['list', '--json', '--model', 'generating']], [['list', '--checks']]])(
    'orc %j loads no ajv, fast-check, suite or adapter code',
    (args) => {
      const trace = join(scratch, `${args.join('-')}.txt`);
      const r = orc(args, {
        ORC_TRACE_LOADS: trace,
        NODE_OPTIONS: `--import ${pathOf('test/fixtures/trace/loads.mjs')}`,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const loaded = readFileSync(trace, 'utf8').split('\n');
      // the trace sees the command's own modules: a trace that saw nothing would pass anything
      expect(loaded.some((u) => u.endsWith('/dist/faces/cli/list-command.js'))).toBe(true);
      for (const heavy of [
        '/node_modules/ajv/',
        '/node_modules/fast-check/',
        '/dist/suites/parse.js',
        '/dist/arbitraries/',
        '/dist/adapters/reference/index.js',
        '/dist/adapters/stdio/client.js',
      ])
        expect(
          loaded.filter((u) => u.includes(heavy)),
          heavy,
        ).toEqual([]);
    },
  );
});

function pathOf(rel: string): string {
  return join(PROJECT_ROOT, rel);
}
