/**
 * Bad input from a careless user or someone else's file: one line that names
 * the thing and the fix, the documented exit code, bounded time, and never
 * "internal error".
 */
import { deflateRawSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeFile } from '../reports/badges.js';
import { encodeReplay } from '../runner/replay-token.js';
import { orc } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'orc-bad-input-'));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const GEN = 'OpenResponsesImageGenCallGenerating';
const token = (fields: unknown[]) => `orc1.${deflateRawSync(JSON.stringify(fields)).toString('base64url')}`;
const corpus = (payload: string) =>
  file(
    `corpus-${payload.length}.json`,
    JSON.stringify({
      corpus: 1,
      adapter: 'reference',
      model: GEN,
      mutation: 'Numbers.Hex',
      category: 'numbers',
      expect: 'reject',
      detail: 'd',
      kind: 'accepted-invalid',
      message: 'm',
      payload,
      size: 2,
      foundAt: '2026-01-01T00:00:00Z',
    }),
  );
/** A corpus entry as orc fuzz saves one, one field changed: each field is checked before anything runs. */
const entry = (name: string, over: Record<string, unknown>) => {
  const payload = Buffer.from('{}').toString('base64');
  return file(
    name,
    JSON.stringify({
      corpus: 1,
      adapter: 'reference',
      model: GEN,
      mutation: 'Numbers.Hex',
      category: 'numbers',
      expect: 'reject',
      detail: 'd',
      kind: 'accepted-invalid',
      message: 'm',
      payload,
      size: 2,
      foundAt: '2026-01-01T00:00:00Z',
      ...over,
    }),
  );
};
/** A file of `bytes` that costs no disk: its size alone is refused, before it is read. */
const sparse = (name: string, bytes: number) => {
  const f = file(name, '{"corpus":1,"payload":"');
  truncateSync(f, bytes);
  return f;
};

/** [what, argv, exit code, the one line (a pattern)] */
const CASES: [string, () => string[], number, RegExp][] = [
  ['a replay token of 108 KB', () => ['replay', `orc1.${'A'.repeat(108_000)}`], 2, /a replay token is a few hundred characters, this one 108005/],
  [
    'a replay token whose path is out of range',
    () => ['replay', token(['reference', GEN, 'Required.Parse.AcceptsValid', 1, '99999999999', 100])],
    2,
    /the replay token is damaged \(its case path is not numbers of up to 7 digits separated by ":"\); copy it again whole/,
  ],
  [
    'a replay token with a null model',
    () => ['replay', token(['reference', null, 'Required.Parse.AcceptsValid', 1, '0', 100])],
    2,
    /the replay token is damaged/,
  ],
  [
    'a replay token that names a case past the run',
    () => ['replay', encodeReplay({ adapter: 'reference', model: GEN, check: 'Required.Parse.AcceptsValid', seed: 1, path: '9999999', runs: 100 })],
    2,
    /the replay token is damaged/,
  ],
  ['a corpus entry whose payload is not base64', () => ['replay', corpus('!!not base64!!')], 2, /"payload" is not base64, so the case cannot be rebuilt/],
  [
    'a corpus entry with an unknown "expect" (it passed)',
    () => ['replay', entry('expect.json', { expect: 'maybe' })],
    2,
    /is not an orc fuzz corpus entry \("expect" is "maybe"; it is one of reject, accept, implementation-defined\)/,
  ],
  [
    'a corpus entry naming an unknown model (the adapter was blamed)',
    () => ['replay', entry('model.json', { model: 'Nope' })],
    2,
    /\("model" is "Nope", which this orc does not have; "orc list" names the models\)/,
  ],
  [
    'a corpus entry with an unknown category',
    () => ['replay', entry('category.json', { category: 7 })],
    2,
    /\("category" is 7; it is one of numbers, strings, structure, size\)/,
  ],
  ['a corpus entry whose detail is not a string', () => ['replay', entry('detail.json', { detail: null })], 2, /\(it needs "detail", a string\)/],
  ["a corpus entry whose size is not its payload's", () => ['replay', entry('size.json', { size: 3 })], 2, /\("size" is 3, and its payload is 2 bytes\)/],
  [
    'a corpus entry with a payload past 32 MiB',
    () => ['replay', entry('big-payload.json', { payload: 'A'.repeat(44_739_244), size: 33_554_433 })],
    2,
    /\(its payload is over 33554432 bytes, more than orc fuzz makes\)/,
  ],
  [
    'a corpus file of 200 MB (it exited 3)',
    () => ['replay', sparse('huge.json', 200_000_000)],
    2,
    /corpus file ".*huge\.json" is 200000000 bytes; an entry "orc fuzz" saves is at most \d+ \(a payload of at most 33554432 bytes\)/,
  ],
  [
    'baseline update of a report that is null',
    () => ['baseline', 'update', '--baseline', join(dir, 'b1.json'), '--report', file('null.json', 'null')],
    2,
    /is not an orc report \(\/ must be object\); name a report.json/,
  ],
  [
    'baseline update of a fake report',
    () => ['baseline', 'update', '--baseline', join(dir, 'b2.json'), '--report', file('fake.json', '{"results":[{"status":"failed"}]}')],
    2,
    /is not an orc report/,
  ],
  ['fuzz --time 0', () => ['fuzz', '--time', '0'], 2, /--time takes a duration from 1ms to 168h, not "0"/],
  ['fuzz --time of 10^20 minutes', () => ['fuzz', '--time', '99999999999999999999999m'], 2, /--time takes a duration from 1ms to 168h/],
  [
    'fuzz --corpus under a regular file',
    () => ['fuzz', '--time', '1s', '--corpus', join(file('plain', 'x'), 'c'), '--out', join(dir, 'fz')],
    2,
    /cannot make the corpus folder .*ENOTDIR; give --corpus a folder you can write to/,
  ],
  [
    'a self-referencing --schema',
    () => [
      'run',
      '--schema',
      file('self.json', '{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://x.example/s.json","title":"Self","$ref":"#"}'),
      '--model',
      'Self',
      '--out',
      join(dir, 'o1'),
    ],
    2,
    /\$ref cycle/,
  ],
];

describe('bad input is one line and its exit code', () => {
  it.each(CASES)('%s', (_what, args, status, line) => {
    const r = orc(args());
    expect(r.status, r.stdout + r.stderr).toBe(status);
    expect(r.stderr).not.toMatch(/internal error/);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it('a baseline of 200,000 entries gates without a stack overflow, and the summary names only the first few', () => {
    const failures = Array.from({ length: 200_000 }, (_, i) => ({ adapter: 'reference', model: GEN, check: `Required.Gone.${i}`, reason: 'r' }));
    const b = file('big-baseline.json', JSON.stringify({ format: 'openresponses-conformance/baseline@1', failures }));
    const r = orc([
      'run',
      '--suite',
      'Required.Parse.AcceptsValid',
      '--model',
      'generating',
      '--runs',
      '1',
      '--baseline',
      b,
      '--out',
      join(dir, 'o2'),
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('… and 199975 more (no longer exists, take it off the list); report.json lists them all');
    expect(r.stdout.split('\n').length).toBeLessThan(100);
  });

  it('a cmd: line of any length gives a badge file name a file system takes', () => {
    const name = `cmd:${'/very/long/path/'.repeat(40)}harness --flag`;
    const f = badgeFile(name);
    expect(Buffer.byteLength(f)).toBeLessThanOrEqual(255);
    expect(badgeFile(`${name}2`)).not.toBe(f);
    expect(badgeFile('reference')).toBe('reference.json');
  });
});

describe('a full disk', () => {
  // a 64 kB file system of its own: needs root, as this project's CI has
  const mount = (dir: string) => spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  const root = process.getuid?.() === 0;

  it.skipIf(!root)('is one line and exit 2, and leaves no half-written file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-full-'));
    expect(mount(dir), 'mount a 64 kB tmpfs').toBe(true);
    try {
      const r = orc(['run', '--model', 'generating', '--runs', '5', '--quiet', '--out', join(dir, 'out')]);
      expect(r.status, r.stderr).toBe(2);
      // the run's own first line, then the one line of the error
      const errors = r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('orc: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^orc: cannot write .*: ENOSPC; free some space or give a folder you can write to$/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp') || f === '.orc.lock')).toEqual([]);
      // what was written is whole: the reports of the run's start, marked incomplete
      expect(JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).complete).toBe(false);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
