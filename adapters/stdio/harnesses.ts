import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { readUserJson } from '../../core/files.js';
import { PROJECT_ROOT, SCHEMA_DIR } from '../../core/models.js';
import { createAjv } from '../../core/oracle.js';

/** What adapters/<folder>/harness.json says: how a harness is built and run. */
export interface HarnessManifest {
  folder: string;
  dir: string;
  toolchain: { command: string; install: string };
  inputs: string[];
  build: string[][];
  /** A file the build leaves behind; by default the stamp in build/. */
  built?: string;
  adapters: { name: string; summary: string; run: string[] }[];
  /** A build that fails this way (a regular expression over its output) lacks a download, which `say` tells how to get. */
  unavailable?: { match: string; say: string };
}

export const ADAPTERS_DIR = join(PROJECT_ROOT, 'adapters');
const STAMP = 'build/.orc-stamp';

let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** One harness.json, checked against schema/harness.schema.json: a bad one is one line naming the file and what is wrong. */
export function readManifest(file: string): Omit<HarnessManifest, 'folder' | 'dir'> {
  const shown = relative(PROJECT_ROOT, file).startsWith('..') ? file : relative(PROJECT_ROOT, file);
  const manifest = readUserJson(file, 'the harness manifest', { unreadable: 'check the folder', notJson: 'fix the file' });
  // the manifest schema is the package's own, held to the meta-schema by test/models-valid.test.ts: not compiled against it at every start
  validate ??= createAjv({ validateSchema: false }).compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'harness.schema.json'), 'utf8')));
  if (!validate(manifest)) {
    const e = validate.errors![0]!;
    const extra = e.keyword === 'additionalProperties' ? ` ("${e.params.additionalProperty}")` : '';
    throw new UsageError(`${shown} breaks schema/harness.schema.json: ${e.instancePath || '/'} ${e.message}${extra}; fix the file`);
  }
  return manifest as Omit<HarnessManifest, 'folder' | 'dir'>;
}

export function loadManifests(adaptersDir = ADAPTERS_DIR): HarnessManifest[] {
  return readdirSync(adaptersDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(adaptersDir, d.name, 'harness.json')))
    .map((d) => ({ folder: d.name, dir: join(adaptersDir, d.name), ...readManifest(join(adaptersDir, d.name, 'harness.json')) }));
}

/** The harness's own files are here: a clone has them, an installed package carries only the manifest. */
export function hasSources(m: HarnessManifest): boolean {
  return m.inputs.every((f) => existsSync(join(m.dir, f)));
}

/** A digest of everything a build depends on: when it is unchanged, the build is too. */
export function inputsDigest(m: HarnessManifest): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(m.build));
  for (const f of m.inputs) h.update(f).update(readFileSync(join(m.dir, f)));
  return h.digest('hex');
}

export function stampPath(m: HarnessManifest): string {
  return join(m.dir, STAMP);
}

export function isBuilt(m: HarnessManifest): boolean {
  const stamp = stampPath(m);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputsDigest(m) && (!m.built || existsSync(join(m.dir, m.built)));
}
