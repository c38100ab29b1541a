/**
 * harness.json has a schema (schema/harness.schema.json): every bundled manifest meets it, and
 * loadManifests refuses one that does not with one line naming the file and what is wrong, before
 * setup builds or orc starts anything from it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { SCHEMA_DIR } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import { ADAPTERS_DIR, checkManifest, loadManifests } from '../adapters/stdio/harnesses.js';

const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'harness.schema.json'), 'utf8'));
const folders = readdirSync(ADAPTERS_DIR).filter((d) => {
  try {
    readFileSync(join(ADAPTERS_DIR, d, 'harness.json'));
    return true;
  } catch {
    return false;
  }
});

const good = {
  toolchain: { command: 'go', install: 'Go 1.22 or newer' },
  inputs: ['main.go'],
  build: [['go', 'build', '-o', 'build/harness', '.']],
  adapters: [{ name: 'go-x', summary: 'x (Go)', run: ['build/harness'] }],
};

const scratch = mkdtempSync(join(tmpdir(), 'orc-manifests-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** loadManifests over a folder of one harness whose harness.json is `text`. */
function load(text: string) {
  const dir = join(scratch, String(n++));
  mkdirSync(join(dir, 'h'), { recursive: true });
  writeFileSync(join(dir, 'h', 'harness.json'), text);
  return () => loadManifests(dir);
}

describe('harness.json schema', () => {
  it('is JSON Schema 2020-12 whose every object is closed and every field described', () => {
    createAjv().compile(schema);
    const walk = (s: any, at: string) => {
      if (s.type === 'object') {
        expect(s.additionalProperties, `${at} is closed`).toBe(false);
        for (const [k, p] of Object.entries<any>(s.properties)) {
          expect(typeof p.description, `${at}/${k} is described`).toBe('string');
          walk(p, `${at}/${k}`);
        }
      }
      if (s.items) walk(s.items, `${at}[]`);
    };
    walk(schema, '');
  });

  it.each(folders)('adapters/%s/harness.json meets it', (folder) => {
    const validate = createAjv({ allErrors: true }).compile(schema);
    const ok = validate(JSON.parse(readFileSync(join(ADAPTERS_DIR, folder, 'harness.json'), 'utf8')));
    expect(validate.errors ?? [], folder).toEqual([]);
    expect(ok).toBe(true);
  });

  it('every bundled manifest loads', () => {
    expect(
      loadManifests()
        .map((m) => m.folder)
        .sort(),
    ).toEqual([...folders].sort());
  });

  it('loads a good manifest with its folder', () => {
    const [m] = load(JSON.stringify(good))();
    expect(m).toMatchObject({ folder: 'h', ...good });
  });

  it.each([
    ['an unknown field', { ...good, bulid: [] }, /h\/harness\.json breaks schema\/harness\.schema\.json: \/ must NOT have additional properties \("bulid"\)/],
    ['no build', { ...good, build: undefined }, /\/ must have required property 'build'/],
    ['a command as one string', { ...good, build: ['go build .'] }, /\/build\/0 must be array/],
    ['an adapter name orc cannot take', { ...good, adapters: [{ ...good.adapters[0], name: 'go x' }] }, /\/adapters\/0\/name must match pattern/],
    ['no adapters', { ...good, adapters: [] }, /\/adapters must NOT have fewer than 1 items/],
    ['a toolchain without its install line', { ...good, toolchain: { command: 'go' } }, /\/toolchain must have required property 'install'/],
  ])('refuses %s in one line naming the file', (_, manifest, message) => {
    const run = load(JSON.stringify(manifest));
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
      expect((e as Error).message).toContain(join('h', 'harness.json'));
    }
  });

  it('refuses a manifest that is not JSON, naming the file', () => {
    const run = load('{"toolchain":');
    expect(run).toThrow(UsageError);
    expect(run).toThrow(/the harness manifest .*h\/harness\.json is not JSON/);
  });

  it('read for a listing, a manifest is held to the schema when its harness is built or started, in the same one line', () => {
    const dir = join(scratch, String(n++));
    mkdirSync(join(dir, 'h'), { recursive: true });
    writeFileSync(join(dir, 'h', 'harness.json'), JSON.stringify({ ...good, bulid: [] }));
    // what a listing reads is there: names and summaries come without ajv
    const [m] = loadManifests(dir, { check: false });
    expect(m!.adapters.map((a) => a.name)).toEqual(['go-x']);
    expect(() => checkManifest(m!)).toThrow(/h\/harness\.json breaks schema\/harness\.schema\.json: \/ must NOT have additional properties \("bulid"\)/);
    // one a listing cannot read is refused at once, as ever
    writeFileSync(join(dir, 'h', 'harness.json'), JSON.stringify({ ...good, adapters: [{ name: 1 }] }));
    expect(() => loadManifests(dir, { check: false })).toThrow(UsageError);
  });

  it('a harness listed from a manifest that breaks the schema does not start, and says why in that line', async () => {
    const { bundledHarnesses } = await import('../adapters/stdio/factories.js');
    const dir = join(scratch, String(n++));
    mkdirSync(join(dir, 'h'), { recursive: true });
    writeFileSync(join(dir, 'h', 'harness.json'), JSON.stringify({ ...good, bulid: [] }));
    const [factory] = bundledHarnesses(dir);
    expect(factory!.name).toBe('go-x');
    const set = (await import('../core/models.js')).loadSchemaSet();
    await expect(factory!.create({ set })).rejects.toThrow(/breaks schema\/harness\.schema\.json: \/ must NOT have additional properties \("bulid"\)/);
  });
});
