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

/** A manifest held to schema/harness.schema.json: a bad one is one line naming the file and what is wrong. */
function checked(file: string, manifest: unknown): Omit<HarnessManifest, 'folder' | 'dir'> {
  const shown = relative(PROJECT_ROOT, file).startsWith('..') ? file : relative(PROJECT_ROOT, file);
  // the manifest schema is the package's own, held to the meta-schema by test/models-valid.test.ts: not compiled against it at every start
  validate ??= createAjv({ validateSchema: false }).compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'harness.schema.json'), 'utf8')));
  if (!validate(manifest)) {
    const e = validate.errors![0]!;
    const extra = e.keyword === 'additionalProperties' ? ` ("${e.params.additionalProperty}")` : '';
    throw new UsageError(`${shown} breaks schema/harness.schema.json: ${e.instancePath || '/'} ${e.message}${extra}; fix the file`);
  }
  return manifest as Omit<HarnessManifest, 'folder' | 'dir'>;
}

/** What a listing reads of a manifest (its adapters' names and summaries, its inputs) is there, of the right kinds. */
function listable(m: unknown): boolean {
  const o = m as Partial<Record<keyof HarnessManifest, unknown>> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    Array.isArray(o.inputs) &&
    o.inputs.every((f) => typeof f === 'string') &&
    Array.isArray(o.adapters) &&
    o.adapters.every((a: { name?: unknown; summary?: unknown } | null) => typeof a?.name === 'string' && typeof a.summary === 'string')
  );
}

/** One harness.json, checked against schema/harness.schema.json (`check: false`: only for what a listing reads). */
export function readManifest(file: string, check = true): Omit<HarnessManifest, 'folder' | 'dir'> {
  const manifest = readUserJson(file, 'the harness manifest', { unreadable: 'check the folder', notJson: 'fix the file' });
  return check || !listable(manifest) ? checked(file, manifest) : (manifest as Omit<HarnessManifest, 'folder' | 'dir'>);
}

/**
 * Every harness's manifest, in folder order. `check: false` is for listing
 * them (`orc list`, `--adapter` names): ajv is not loaded, and the whole
 * check waits for `checkManifest`, when a harness is built or started.
 */
export function loadManifests(adaptersDir = ADAPTERS_DIR, options: { check?: boolean } = {}): HarnessManifest[] {
  return readdirSync(adaptersDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(adaptersDir, d.name, 'harness.json')))
    .map((d) => ({ folder: d.name, dir: join(adaptersDir, d.name), ...readManifest(join(adaptersDir, d.name, 'harness.json'), options.check ?? true) }));
}

/** A manifest read for listing, held to its schema before its harness is built or run. */
export function checkManifest(m: HarnessManifest): void {
  const { folder: _, dir: __, ...manifest } = m;
  checked(join(m.dir, 'harness.json'), manifest);
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
