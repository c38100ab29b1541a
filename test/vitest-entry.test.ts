import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';

describe("openresponses-conformance/vitest in a project with vitest's defaults", () => {
  it("gives each test its check's time budget, not vitest's 5 s, and says in the default reporter why a check was skipped", () => {
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'vitest-entry');
    const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir, '--reporter=default'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      timeout: 600_000,
    });
    const out = r.stdout + r.stderr;
    // the first parse answers after 6 s: within the check's budget, past vitest's default timeout
    expect(out, out).not.toMatch(/timed out/i);
    expect(r.status, out).toBe(0);
    expect(out).toMatch(/1 passed \| 1 skipped|1 skipped \| 1 passed|Tests\s+1 passed \| 1 skipped/);
    expect(out).toMatch(
      /openresponses-conformance: 1 check n\/a for unhurried, skipped:\n\s+1 × unhurried has no serialize for OpenResponsesImageGenCallGenerating/,
    );
  }, 600_000);
});
