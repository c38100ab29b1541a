import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { bundledChecks, CHECK_LISTING_FILE, listingText } from '../runner/check-listing.js';
import { describe, expect, it } from 'vitest';
import { composeChecks, checkId } from '../core/check.js';
import { loadSchemaSet, PROJECT_ROOT } from '../core/models.js';
import { SUITES } from '../suites/index.js';

/**
 * The layers, bottom first: a file may import its own layer and those below,
 * never one above. docs/ARCHITECTURE.md draws the same picture.
 */
const LAYERS: string[][] = [['core'], ['arbitraries'], ['adapters'], ['suites'], ['runner', 'stream'], ['fuzz'], ['reports'], ['faces']];

/** The top folders that hold the product: one a layer, runner and stream sharing theirs. */
const CODE = LAYERS.flat();

function sources(dir: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'build'].includes(e.name) ? [] : sources(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

const layerOf = (file: string) => LAYERS.findIndex((l) => l.some((f) => file === f || file.startsWith(`${f}/`)));

function imports(file: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(file), m[1]!)),
  );
}

describe('the import picture', () => {
  const files = CODE.flatMap(sources);
  const arrows = files.flatMap((from) => imports(from).map((to) => ({ from, to })));

  it('places every product file in a layer', () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
    expect(files.length).toBeGreaterThan(80);
  });

  it('has a top folder for each layer, so `ls` reads the layer table', () => {
    // everything else at the top is the project's own tooling, never imported by the product
    const TOOLING = ['bench', 'bin', 'docs', 'mutants', 'schema', 'scripts', 'test'];
    const top = readdirSync(PROJECT_ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'dist'].includes(e.name))
      .map((e) => e.name)
      .sort();
    expect(top).toEqual([...CODE, ...TOOLING].sort());
    expect(arrows.filter((a) => TOOLING.some((t) => a.to.startsWith(`${t}/`))).map((a) => `${a.from} → ${a.to}`)).toEqual([]);
  });

  it('has no arrow running back up', () => {
    const up = arrows.filter((a) => layerOf(a.to) > layerOf(a.from)).map((a) => `${a.from} → ${a.to}`);
    expect(up).toEqual([]);
  });

  it('keeps core at the bottom and reporters on result events alone', () => {
    const bad = arrows.filter(
      (a) => (a.from.startsWith('core/') && !a.to.startsWith('core/')) || (a.from.startsWith('reports/') && !/^(core|reports)\//.test(a.to)),
    );
    expect(bad.map((a) => `${a.from} → ${a.to}`)).toEqual([]);
  });

  it('has no face importing another: the command line, the vitest entry and the public API each reach the use-cases below them', () => {
    const FACES = ['faces/cli', 'faces/vitest', 'faces/index.ts'];
    const faceOf = (f: string) => FACES.find((x) => f === x || f.startsWith(`${x}/`));
    const bad = arrows.filter((a) => faceOf(a.from) && faceOf(a.to) && faceOf(a.from) !== faceOf(a.to));
    expect(bad.map((a) => `${a.from} → ${a.to}`)).toEqual([]);
  });

  it('never imports an _internals folder from outside its parent', () => {
    const bad = arrows.filter((a) => {
      const i = a.to.indexOf('/_internals/');
      return i >= 0 && !a.from.startsWith(a.to.slice(0, i + 1));
    });
    expect(bad.map((a) => `${a.from} → ${a.to}`)).toEqual([]);
  });
});

describe('check ids', () => {
  const set = loadSchemaSet();
  const planned = set.models.flatMap((model) => SUITES.flatMap((suite) => composeChecks(suite, { set, model }).map((c) => ({ c, suite }))));

  it('are built from the level, the suite and the name, so an id names the suite its check sits in', () => {
    for (const { c, suite } of planned) {
      expect(c.suite).toBe(suite.name);
      expect(c.id.startsWith(checkId(c.level, suite.idSegment ?? suite.name, ''))).toBe(true);
    }
  });

  it("are the ones users' baselines name: a change is deliberate, listed here and in the README", () => {
    const pinned = readFileSync(join(PROJECT_ROOT, 'test/fixtures/check-ids.txt'), 'utf8').trim().split('\n');
    expect(planned.map(({ c }) => `${c.model} ${c.suite} ${c.id}`)).toEqual(pinned);
  });

  it('are listed by orc list as the suites compose them: schema/bundled-checks.json is what npm run generate writes now', () => {
    const composed = planned.map(({ c }) => ({ model: c.model, id: c.id, level: c.level, needs: c.needs, description: c.description }));
    expect(readFileSync(CHECK_LISTING_FILE, 'utf8')).toBe(listingText(composed));
    expect(bundledChecks(set.models.map((m) => m.name))).toEqual(composed);
  });
});
