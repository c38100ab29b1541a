/**
 * ts-openai-node-latest and go-openai-latest run the newest openai (npm) and openai-go/v3 releases through
 * the very harness code of ts-openai-node and go-openai, beside those pins: the hello says which release
 * answered, and each answers its pin's path payload as that path does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { ADAPTERS_DIR, isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { show } from '../core/equality.js';
import { GENERATING, set } from './helpers/adapters.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const manifests = loadManifests();
const enc = (s: string) => new TextEncoder().encode(s);
const built = (name: string) => {
  const ready = isBuilt(manifests.find((m) => m.adapters.some((a) => a.name === name))!);
  if (!ready && CI) throw new Error(`${name} is not built in CI: "npm run adapters:setup" must build every harness`);
  return ready;
};

async function withAdapters(names: string[], body: (...a: Adapter[]) => Promise<void>) {
  const adapters = await Promise.all(
    names.map((n) =>
      bundledHarnesses()
        .find((f) => f.name === n)!
        .create({ set, checkProtocol: true }),
    ),
  );
  try {
    await body(...adapters);
  } finally {
    await Promise.all(adapters.map((a) => a.close?.()));
  }
}

const parsed = async (a: Adapter, payload: string) => {
  const o = await a.parse(GENERATING, enc(payload));
  return o.ok ? show(o.value) : `${o.error.kind}: ${o.error.message}`;
};

describe('the newest releases beside the pins, through the same harness code', () => {
  const npm = built('ts-openai-node') && built('ts-openai-node-latest');
  it.skipIf(!npm)(`ts-openai-node-latest is openai 7.59.0 through ts-openai-node's harness${npm ? '' : ' (not built here)'}`, async () => {
    await withAdapters(['ts-openai-node', 'ts-openai-node-latest'], async (pinned, latest) => {
      expect([pinned.info.version, latest.info.version]).toEqual(['7.57.0', '7.59.0']);
      expect(latest.info.implementation).toBe(pinned.info.implementation);
      // JSON.parse under the SDK's Stream keeps -0: ts-openai-node's path pin
      const minusZero = '{"type":"response.image_generation_call.generating","item_id":"a","output_index":-0,"sequence_number":2}';
      expect(await parsed(latest, minusZero)).toContain('"output_index":-0');
      expect(await parsed(latest, minusZero)).toBe(await parsed(pinned, minusZero));
    });
  });

  it('harness.mjs refuses a package it does not have, in one line, with a non-zero exit', () => {
    const r = spawnSync(process.execPath, [join(ADAPTERS_DIR, 'ts-openai-node', 'harness.mjs'), 'left-pad'], { encoding: 'utf8', input: '' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('harness.mjs: no package "left-pad" installed here; give openai or an alias in package.json, and run npm run adapters:setup\n');
  });

  const go = built('go-openai') && built('go-openai-latest');
  it.skipIf(!go)(`go-openai-latest is openai-go v3.100.0 through go-openai's main package${go ? '' : ' (not built here)'}`, async () => {
    await withAdapters(['go-openai', 'go-openai-latest'], async (pinned, latest) => {
      expect([pinned.info.version, latest.info.version]).toEqual(['v3.96.0', 'v3.100.0']);
      expect(latest.info.implementation).toBe('github.com/openai/openai-go/v3');
      // encoding/json under the SDK turns a lone surrogate into U+FFFD: go-openai's path pin
      const surrogate = '{"type":"response.image_generation_call.generating","item_id":"\\ud800","output_index":1,"sequence_number":2}';
      expect(await parsed(latest, surrogate)).toContain('"item_id":"\ufffd"');
      expect(await parsed(latest, surrogate)).toBe(await parsed(pinned, surrogate));
    });
  });
});
