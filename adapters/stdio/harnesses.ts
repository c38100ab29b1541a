import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/models.js';

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

export function loadManifests(): HarnessManifest[] {
  return readdirSync(ADAPTERS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ADAPTERS_DIR, d.name, 'harness.json')))
    .map((d) => ({ folder: d.name, dir: join(ADAPTERS_DIR, d.name), ...JSON.parse(readFileSync(join(ADAPTERS_DIR, d.name, 'harness.json'), 'utf8')) }));
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
