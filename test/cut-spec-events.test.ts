/**
 * scripts/cut-spec-events.ts cuts the spec's 24 streaming events into
 * standalone schemas, as issue 21 tries them: each file alone compiles, every
 * `$ref` lands inside it, and nothing but the `$ref`s changed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadSchemaSet, PROJECT_ROOT } from '../core/models.js';
import { DEFAULT_SPEC } from '../scripts/cut-spec-events.js';

const present = existsSync(DEFAULT_SPEC);
if (!present) process.stdout.write(`cut-spec-events: the spec document is not at ${DEFAULT_SPEC}; the cut is not tested here\n`);

type Obj = Record<string, any>;

const cut = (args: string[]) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECT_ROOT, 'scripts', 'cut-spec-events.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

/** Every `$ref` of a document, wherever it is. */
const refsOf = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap(refsOf)
    : typeof v === 'object' && v !== null
      ? Object.entries(v).flatMap(([k, x]) => (k === '$ref' && typeof x === 'string' ? [x] : refsOf(x)))
      : [];

/** The document's own spelling back: `#/$defs/X` → `#/components/schemas/X`. */
const asInSpec = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (k, x) => (k === '$ref' && typeof x === 'string' ? x.replace(/^#\/\$defs\//, '#/components/schemas/') : x)));

describe.skipIf(!present)('the spec’s streaming events, cut out', () => {
  const out = mkdtempSync(join(tmpdir(), 'orc-spec-events-'));
  const run = present ? cut(['--out', out]) : undefined;
  const spec = present ? (JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Obj) : {};
  const files = present ? readdirSync(out).sort() : [];
  const read = (f: string) => JSON.parse(readFileSync(join(out, f), 'utf8')) as Obj;

  it('writes 24 files, one per event type of the stream union', () => {
    expect(run?.status, run?.stderr).toBe(0);
    expect(files).toHaveLength(24);
    expect(files).toContain('response.output_text.delta.schema.json');
    expect(files).toContain('error.schema.json');
  });

  it('each compiles alone with plain ajv 2020 (not strict), and its type value is its file name', () => {
    for (const f of files) {
      const schema = read(f);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const type = schema.properties.type;
      expect([type.const ?? type.enum?.[0], type.enum?.length ?? 1]).toEqual([f.replace(/\.schema\.json$/, ''), 1]);
      const validate = new Ajv2020({ strict: false }).compile(schema);
      expect(validate({ type: type.enum?.[0] ?? type.const }), f).toBe(false); // every event has more required members than its type
    }
  });

  it('every $ref resolves inside its file, and every $defs entry is reached', () => {
    for (const f of files) {
      const schema = read(f);
      const refs = refsOf(schema);
      for (const r of refs) {
        expect(r, f).toMatch(/^#\/\$defs\/[^/]+$/);
        expect(schema.$defs?.[r.slice('#/$defs/'.length)], `${f} ${r}`).toBeTypeOf('object');
      }
      expect(Object.keys(schema.$defs ?? {}).sort(), f).toEqual([...new Set(refs.map((r) => r.slice('#/$defs/'.length)))].sort());
    }
  });

  it('is otherwise the spec unchanged: annotations and all', () => {
    const components = spec.components.schemas as Obj;
    const seen = new Set<string>();
    for (const f of files) {
      const { $schema: _s, $id: _i, $defs, ...root } = read(f);
      const name = Object.keys(components).find((n) => JSON.stringify(asInSpec(root)) === JSON.stringify(components[n]));
      expect(name, f).toBeDefined();
      seen.add(name!);
      for (const [n, d] of Object.entries<unknown>($defs ?? {})) {
        expect(asInSpec(d), `${f} $defs/${n}`).toEqual(components[n]);
        seen.add(n);
      }
    }
    // the annotations that made the spec's schemas fail to load are in the cut
    const all = JSON.stringify(files.map(read));
    for (const k of ['"discriminator"', '"example"', '"x-enumDescriptions"', '"x-openresponses-added-in"']) expect(all).toContain(k);
    // the 24 events and what they reach: the 69 schemas issue 21 counts
    expect(seen.size).toBe(69);
  });

  it('all 24 load into orc’s schema set, annotations and all', () => {
    const set = loadSchemaSet(files.map((f) => join(out, f)));
    expect(set.models.filter((m) => m.id.startsWith('urn:openresponses:'))).toHaveLength(24);
  });
});

describe('cut-spec-events on bad input', () => {
  it('an absent document is one line and exit 2', () => {
    const r = cut([join(tmpdir(), 'no-such-spec.json'), '--out', join(tmpdir(), 'orc-never-written')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^cut-spec-events: no spec document at .*no-such-spec\.json; give its path/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(tmpdir(), 'orc-never-written'))).toBe(false);
  });

  it('no --out is the usage line and exit 2', () => {
    const r = cut([]);
    expect([r.status, r.stderr.trim()]).toEqual([2, 'usage: tsx scripts/cut-spec-events.ts [SPEC.json] --out DIR']);
  });
});
