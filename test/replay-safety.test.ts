import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validValues } from '../arbitraries/index.js';
import { baseOf, SIZE_MUTATIONS } from '../arbitraries/wire/mutations.js';
import { loadSchemaSet } from '../core/models.js';
import { quoted, visible } from '../core/visible.js';
import { MAX_PAYLOAD_BYTES } from '../fuzz/corpus.js';
import { decodeReplay, encodeReplay, MAX_RUNS, MAX_SHRINK_SKIPPED, MAX_SHRINK_STEPS } from '../runner/replay-token.js';
import { orc } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'orc-replay-safety-'));

/** A token or corpus file from someone else names a "cmd:" adapter that would leave a file behind if it ran. */
function crafted(dir: string) {
  const proof = join(dir, 'pwned');
  const adapter = `cmd:id > ${proof}; echo pwned`;
  const token = encodeReplay({ adapter, model: 'OpenResponsesImageGenCallGenerating', check: 'Required.Parse.AcceptsValid', seed: 1, path: '0', runs: 100 });
  const corpus = join(dir, 'entry.json');
  writeFileSync(
    corpus,
    JSON.stringify({
      corpus: 1,
      adapter: `evil=${adapter}`,
      model: 'OpenResponsesImageGenCallGenerating',
      mutation: 'x',
      category: 'numbers',
      expect: 'reject',
      detail: 'd',
      kind: 'accepted-invalid',
      message: 'm',
      payload: Buffer.from('{}').toString('base64'),
      size: 2,
      foundAt: '2026-01-01T00:00:00Z',
    }),
  );
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
    const token = encodeReplay({
      adapter: 'reference',
      model: 'OpenResponsesImageGenCallGenerating',
      check: 'Required.Parse.AcceptsValid',
      seed: 1,
      path: '0',
      runs: 100,
    });
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

const GEN = 'OpenResponsesImageGenCallGenerating';
/** A token as anyone can make one: any fields, deflated as orc does. */
const anyToken = (fields: unknown[]) => `orc1.${deflateRawSync(JSON.stringify(fields)).toString('base64url')}`;
/** What a terminal acts on: C0 controls but the line feed, DEL, C1 controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** Sequences that set a window title and clear the screen, where they would reach a terminal. */
const ESCAPES = '\u001b]0;owned\u0007\u001b[2J\u009b1m';

/** Refused as bad input: exit 2, one short line on stderr, nothing on stdout, no raw control byte anywhere. */
function refused(args: string[], line: RegExp) {
  const r = orc(args);
  expect(r.status, r.stdout + r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toEqual([expect.stringMatching(line), '']);
  expect(r.stderr.length).toBeLessThan(400);
  expect(r.stderr).not.toMatch(RAW_CONTROL);
}

describe('a replay token asks for no more than a run writes', () => {
  it('decodes a token at every bound, and refuses one past each', () => {
    const steps = (n: number, each: number) => Array.from({ length: n }, () => each).join(':');
    const at =
      (path: string, runs = MAX_RUNS, seed = 1) =>
      () =>
        decodeReplay(anyToken(['reference', GEN, 'Required.Parse.AcceptsValid', seed, path, runs]));
    const many = MAX_SHRINK_SKIPPED / MAX_SHRINK_STEPS;
    expect(at(`${MAX_RUNS - 1}:${steps(MAX_SHRINK_STEPS, many)}`)()).toMatchObject({ runs: MAX_RUNS, path: expect.stringMatching(/^99999:25:/) });
    expect(at(`0:${steps(MAX_SHRINK_STEPS + 1, 0)}`)).toThrow(
      `its case path has ${MAX_SHRINK_STEPS + 1} shrink steps; orc replays at most ${MAX_SHRINK_STEPS}`,
    );
    expect(at(`0:${steps(MAX_SHRINK_STEPS - 1, many)}:${many + 1}`)).toThrow(
      `its case path skips ${MAX_SHRINK_SKIPPED + 1} shrink candidates; orc replays at most ${MAX_SHRINK_SKIPPED}`,
    );
    expect(at('0', MAX_RUNS + 1)).toThrow(
      `the replay token asks for more than orc replays (${MAX_RUNS + 1} cases per property; "orc run --runs" takes at most ${MAX_RUNS})`,
    );
    expect(at(String(MAX_RUNS))).toThrow(`its case path starts at case ${MAX_RUNS} of a run of ${MAX_RUNS}`);
    // a check's seed is 32-bit (checkSeed)
    expect(at('0', 100, -(2 ** 31))()).toMatchObject({ seed: -(2 ** 31) });
    expect(at('0', 100, 2 ** 31)).toThrow('its seed is not a 32-bit whole number');
    expect(at(`0:${'1'.repeat(100_000)}`)).toThrow(/its case path is 100002 characters/);
  });

  it('the token of issue 24 (10,000,000 runs, a long path) is refused before anything is generated', () => {
    const path = `9999999:${Array.from({ length: 40 }, () => '9999999').join(':')}`;
    refused(
      ['replay', anyToken(['reference', GEN, 'Required.Parse.AcceptsValid', 1, path, 10_000_000])],
      /^orc: the replay token asks for more than orc replays \(10000000 cases per property; "orc run --runs" takes at most 100000\); replay a token "orc run" wrote$/,
    );
  });

  it('orc run takes no more runs than a token may ask for', () => {
    refused(['run', '--runs', String(MAX_RUNS + 1), '--out', join(tmp(), 'out')], /^orc: --runs takes a whole number from 1 to 100000, not "100001"$/);
  });

  it('a check id of 500,000 characters: one short line, not the id', () => {
    refused(
      ['replay', anyToken(['reference', GEN, 'X'.repeat(500_000), 1, '0', 100])],
      /^orc: the replay token is damaged \(its check id is 500000 characters; no check of OpenResponsesImageGenCallGenerating has more than \d+\); copy it again whole$/,
    );
  });

  it('a check that does not exist is named cut and escaped', () => {
    refused(
      ['replay', anyToken(['reference', GEN, `Required.Parse.${ESCAPES}`, 1, '0', 100])],
      /^orc: check "Required\.Parse\.\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b1m" no longer exists for OpenResponsesImageGenCallGenerating/,
    );
  });

  it('a model orc does not have: cut and escaped, and said before an adapter starts', () => {
    refused(
      ['replay', anyToken(['reference', `${ESCAPES}${'M'.repeat(10_000)}`, 'Required.Parse.AcceptsValid', 1, '0', 100])],
      /^orc: the replay token names the model "\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b1mMMM+… \(\d+ UTF-16 units in all\)", which this orc does not have/,
    );
  });

  it('an adapter that is not bundled, and a word that is not a token, are echoed escaped', () => {
    refused(['replay', anyToken([`cmd:${ESCAPES}`, GEN, 'Required.Parse.AcceptsValid', 1, '0', 100])], /not bundled/);
    refused(['replay', `orc1.${ESCAPES}`], /^orc: "orc1\.\\u001b\]0;owned.* is not a replay token/);
  });

  it('a path the shrink streams cannot follow: one line, and no header first', () => {
    refused(
      ['replay', encodeReplay({ adapter: 'reference', model: GEN, check: 'Required.Parse.AcceptsValid', seed: 1, path: '0:99999', runs: 100 })],
      /^orc: the replay token names a case that no longer exists/,
    );
  });
});

/** A corpus entry as "orc fuzz" saves one, with `over` laid over it. */
function entry(over: Record<string, unknown>, name = 'entry.json'): string {
  const payload = Buffer.from(JSON.stringify({ type: 'response.image_generation_call.generating', item_id: 'x', output_index: 0, sequence_number: 0 }));
  const file = join(tmp(), name);
  writeFileSync(
    file,
    JSON.stringify({
      corpus: 1,
      adapter: 'reference',
      model: GEN,
      mutation: 'Numbers.Hex',
      category: 'numbers',
      expect: 'accept',
      detail: 'd',
      kind: 'mismatch',
      message: 'm',
      payload: payload.toString('base64'),
      size: payload.length,
      foundAt: '2026-01-01T00:00:00Z',
      ...over,
    }),
  );
  return file;
}

describe('a corpus file says only what orc fuzz saves', () => {
  it('its words reach the terminal escaped and cut', () => {
    const r = orc(['replay', entry({ mutation: `Numbers.${ESCAPES}`, detail: `${ESCAPES}${'d'.repeat(5000)}`, kind: `k${ESCAPES}` })]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('verdict: passes now (accepted)');
    expect(r.stdout).toContain('Numbers.\\u001b]0;owned\\u0007\\u001b[2J\\u009b1m · OpenResponsesImageGenCallGenerating · reference');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThan(700);
  });

  it('a file that is not JSON, and a path, are echoed escaped', () => {
    const dir = tmp();
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, `${ESCAPES}{`);
    refused(['replay', notJson], /^orc: corpus file ".*x\.json" is not JSON \(.*\\u001b.*\); give a corpus file "orc fuzz" saved, or a replay token$/);
    refused(['replay', join(dir, `${ESCAPES}.json`)], /^orc: cannot read corpus file ".*\\u001b\]0;owned.*\.json": ENOENT/);
  });
});

describe('the payload limit', () => {
  it('is above the largest payload orc fuzz makes, for every model', () => {
    const set = loadSchemaSet([]);
    let largest = 0;
    for (const m of set.models) {
      const base = baseOf(m.name, m.schema, fc.sample(validValues(set, m.id, { tame: true }), { seed: 1, numRuns: 1 })[0]!);
      // each pick >> 2 is one of the sizes; the field is pick's own
      for (const mutation of SIZE_MUTATIONS)
        for (const pick of [0, 4, 8]) {
          const made = mutation.make(base, pick);
          if (made) largest = Math.max(largest, typeof made.bytes === 'string' ? Buffer.byteLength(made.bytes) : made.bytes.length);
        }
    }
    expect(largest).toBeGreaterThan(10_000_000);
    expect(largest).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    // and tied to it: the same cases in their longest spelling, not any size at all
    expect(MAX_PAYLOAD_BYTES).toBeLessThan(4 * largest);
  });
});

describe('visible', () => {
  it('escapes what a terminal acts on or a reader cannot see, and cuts between characters', () => {
    expect(visible(`a${ESCAPES}`)).toBe('a\\u001b]0;owned\\u0007\\u001b[2J\\u009b1m');
    // the tag characters (invisible ASCII) and the Arabic letter mark (a bidi control)
    expect(visible('\u{e0041}\u061c\ufff9😀')).toBe('\\udb40\\udc41\\u061c\\ufff9😀');
    // never half an escape, never half a surrogate pair
    expect(visible('ab\u0001', 4)).toBe('ab… (3 UTF-16 units in all)');
    expect(visible('abc😀', 4)).toBe('abc… (5 UTF-16 units in all)');
    expect(visible('abcd', 4)).toBe('abcd');
    expect(quoted('x'.repeat(1000))).toMatch(/^"x{200}… \(1000 UTF-16 units in all\)"$/);
  });
});
