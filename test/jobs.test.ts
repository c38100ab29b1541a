import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { orc } from './helpers/cli.js';

const built = (name: string) => isBuilt(loadManifests().find((m) => m.adapters.some((a) => a.name === name))!);

describe('--jobs: adapters run at once, reports unchanged', () => {
  it.skipIf(!built('ts-openai-node') && process.env.CI !== 'true')('the same results, in the same order, with one job and with three', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-jobs-'));
    const args = [
      'run',
      '--adapter',
      'ts-openai-node,reference,ts-openrouter-latest',
      '--model',
      'generating,OpenResponsesImageGenCallCompleted',
      '--suite',
      'Parse,Serialize,Sse',
      '--runs',
      '20',
      '--seed',
      '8',
      '--quiet',
      '--json',
    ];
    const one = orc([...args, '--jobs', '1', '--out', join(dir, 'one')]);
    const three = orc([...args, '--jobs', '3', '--out', join(dir, 'three')]);
    expect(one.status).toBe(three.status);
    const results = (text: string) => JSON.parse(text).results.map((r: { durationMs: number }) => ({ ...r, durationMs: 0 }));
    expect(results(three.stdout)).toEqual(results(one.stdout));
    expect(results(one.stdout).length).toBeGreaterThan(50);
    const md = (d: string) => readFileSync(join(dir, d, 'summary.md'), 'utf8');
    expect(md('three')).toBe(md('one'));
  });
});
