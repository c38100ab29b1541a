import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeReplay } from '../src/runner/replay-token.js';
import { orc } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'orc-replay-safety-'));

/** A token or corpus file from someone else names a "cmd:" adapter that would leave a file behind if it ran. */
function crafted(dir: string) {
  const proof = join(dir, 'pwned');
  const adapter = `cmd:id > ${proof}; echo pwned`;
  const token = encodeReplay({ adapter, model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.AcceptsValid', seed: 1, path: '0', runs: 100 });
  const corpus = join(dir, 'entry.json');
  writeFileSync(corpus, JSON.stringify({
    corpus: 1, adapter: `evil=${adapter}`, model: 'OpenResponsesImageGenCallGenerating', mutation: 'x', category: 'numbers', expect: 'reject',
    detail: 'd', kind: 'accepted-invalid', message: 'm', payload: Buffer.from('{}').toString('base64'), size: 2, foundAt: '2026-01-01T00:00:00Z',
  }));
  return { proof, token, corpus };
}

describe('orc replay starts no program that a token or a file names', () => {
  it('a crafted token: nothing runs, exit 2, and the line says how to name a harness', () => {
    const dir = tmp();
    const { proof, token } = crafted(dir);
    const r = orc(['replay', token]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^orc: this case came from adapter .* which is not bundled.*--adapter 'NAME=cmd:<your command line>'\n$/);
    expect(existsSync(proof)).toBe(false);
  });

  it('a crafted corpus file: nothing runs', () => {
    const dir = tmp();
    const { proof, corpus } = crafted(dir);
    const r = orc(['replay', corpus]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not bundled/);
    expect(existsSync(proof)).toBe(false);
  });

  it('a bundled adapter named by a token runs; a harness named in the call runs', () => {
    const token = encodeReplay({ adapter: 'reference', model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.AcceptsValid', seed: 1, path: '0', runs: 100 });
    expect(orc(['replay', token]).stdout).toContain('verdict: passes now');
    const dir = tmp();
    const { token: evil, proof } = crafted(dir);
    const r = orc(['replay', evil, '--adapter', `mine=cmd:${process.execPath} test/harnesses/faulty-harness.mjs none`]);
    expect(r.stdout).toContain('· mine (seed 1');
    expect(r.status).toBe(0);
    expect(existsSync(proof)).toBe(false);
  });

  it('a name for a harness must be a plain word', () => {
    const r = orc(['run', '--adapter', 'a b=cmd:true', '--quiet']);
    expect(r.status).toBe(2);
    const s = orc(['run', '--adapter', 'reference=cmd:true', '--quiet']);
    expect(s.stderr).toMatch(/bundled adapter's name/);
  });
});
