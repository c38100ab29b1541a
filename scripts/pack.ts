// `npm run package [DEST]`: the tarball to publish. npm packs the repository's package.json as it
// is, with `prepare` and every development script; so the files npm would pack are copied into a
// fresh folder with the manifest a user needs, and packed there. Nothing in the repository changes
// while this runs, so it is safe beside other work in the same clone.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../core/models.js';

export interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** The manifest published: no scripts (none runs on a user's install), no development dependencies. */
export function publishedManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const { scripts: _scripts, devDependencies: _dev, ...published } = manifest;
  return published;
}

function npm(args: string[], cwd: string): string {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const packResult = (stdout: string): Packed => (JSON.parse(stdout.slice(stdout.indexOf('['))) as Packed[])[0]!;

/**
 * Packs the published package, from the dist/ there is, into `dest`; returns
 * what `npm pack --json` says of it. It does not build: the tests that pack
 * run beside others that run dist/, which a build rewrites under them
 * (`npm test` builds once, first); `npm run package` builds, then packs.
 */
export function packPackage(dest: string): Packed {
  const listed = packResult(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], PROJECT_ROOT));
  const stage = mkdtempSync(join(tmpdir(), 'orc-pack-'));
  try {
    for (const { path } of listed.files) {
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      copyFileSync(join(PROJECT_ROOT, path), join(stage, path));
    }
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
    mkdirSync(dest, { recursive: true });
    return packResult(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(dest)], stage));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  npm(['run', 'build'], PROJECT_ROOT);
  const packed = packPackage(process.argv[2] ?? PROJECT_ROOT);
  process.stdout.write(`${join(resolve(process.argv[2] ?? PROJECT_ROOT), packed.filename)}\n`);
}
