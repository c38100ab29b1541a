import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inputsDigest, isBuilt, loadManifests, stampPath, type HarnessManifest } from './harnesses.js';

/**
 * `npm run adapters:setup`: installs and builds every harness once, then
 * only when its inputs change. On a user's machine a harness whose toolchain
 * is missing is skipped with a line saying what to install; in CI (CI=true)
 * that, like a failed build, fails the run.
 */
const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2);

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function build(m: HarnessManifest): { ok: boolean; line: string } {
  const names = m.adapters.map((a) => a.name).join(', ');
  if (isBuilt(m)) return { ok: true, line: `${names}: up to date` };
  if (!hasCommand(m.toolchain.command)) {
    return { ok: !ci, line: `${names}: ${ci ? 'FAILED' : 'skipped'}: "${m.toolchain.command}" not found; install ${m.toolchain.install}` };
  }
  rmSync(stampPath(m), { force: true });
  const started = Date.now();
  for (const step of m.build) {
    const r = spawnSync(step[0]!, step.slice(1), { cwd: m.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) {
      const output = (r.stderr || r.stdout || r.error?.message || '').trim();
      if (m.unavailable && new RegExp(m.unavailable.match, 'i').test(output)) {
        return { ok: !ci, line: `${names}: ${ci ? 'FAILED' : 'skipped'}: ${m.unavailable.say}` };
      }
      const why = output.split('\n').slice(-6).join('\n    ');
      return { ok: false, line: `${names}: FAILED at "${step.join(' ')}":\n    ${why}` };
    }
  }
  mkdirSync(dirname(stampPath(m)), { recursive: true });
  writeFileSync(stampPath(m), inputsDigest(m) + '\n');
  return { ok: true, line: `${names}: built in ${((Date.now() - started) / 1000).toFixed(1)}s` };
}

let manifests: HarnessManifest[];
try {
  manifests = loadManifests();
} catch (e) {
  // a manifest that breaks its schema is one line naming the file, not a stack
  process.stderr.write(`adapters:setup: ${(e as Error).message}\n`);
  process.exit(2);
}
let failed = false;
for (const m of manifests.filter((m) => only.length === 0 || m.adapters.some((a) => only.includes(a.name)))) {
  process.stdout.write(`adapters:setup ${m.folder} …\n`);
  const r = build(m);
  failed ||= !r.ok;
  process.stdout.write(`  ${r.line}\n`);
}
process.exitCode = failed ? 1 : 0;
