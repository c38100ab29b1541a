import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium.js';

/**
 * `npm run browser:setup`: installs Debian's chromium for the HTML report's
 * browser tests when it is missing. Without apt or root it says what to
 * install; in CI (CI=true) that fails the run, since the tests would not run.
 */
const ci = process.env.CI === 'true' || process.env.CI === '1';

function sh(script: string): boolean {
  const r = spawnSync('sh', ['-c', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) process.stderr.write(`  "${script}" failed:\n    ${(r.stderr ?? '').trim().split('\n').slice(-4).join('\n    ')}\n`);
  return r.status === 0;
}

function install(): string | undefined {
  const root = process.getuid?.() === 0;
  const sudo = root ? '' : 'sudo -n ';
  if (!sh('command -v apt-get') || (!root && !sh('sudo -n true'))) return 'apt-get as root is not available';
  const started = Date.now();
  // a half-finished earlier install blocks apt until dpkg finishes it
  if (!sh(`${sudo}dpkg --configure -a`)) return 'dpkg --configure -a failed';
  if (!sh(`${sudo}apt-get update -qq`) || !sh(`${sudo}apt-get install -y -qq --no-install-recommends chromium`)) return 'apt-get install chromium failed';
  process.stdout.write(`  installed in ${((Date.now() - started) / 1000).toFixed(0)}s\n`);
  return undefined;
}

process.stdout.write('browser:setup chromium …\n');
const present = chromiumPath();
if (present) {
  process.stdout.write(`  ${present}: present\n`);
} else {
  const why = install();
  const found = chromiumPath();
  if (found) {
    process.stdout.write(`  ${found}: ready\n`);
  } else {
    process.stdout.write(
      `  ${ci ? 'FAILED' : 'skipped'}: ${why ?? 'chromium not found after install'}; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH, or the HTML report's browser tests ${ci ? 'cannot run' : 'are skipped'}\n`,
    );
    process.exitCode = ci ? 1 : 0;
  }
}
