import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../core/contract.js';
import { StdioAdapter } from '../adapters/stdio/client.js';
import { applyMutation, baseOf, MUTATIONS, SIZE_MUTATIONS } from '../arbitraries/wire/mutations.js';
import { fuzz, type FuzzResult } from '../fuzz/fuzzer.js';
import { behaviourTable } from '../reports/fuzz.js';
import { judge } from '../fuzz/judge.js';
import { PROJECT_ROOT } from '../core/models.js';
import { GENERATING, reference, set } from './helpers/adapters.js';
import { acceptsRawControls, acceptsTrailingCommas, lenientNumbers, overflowsOnDepth, smallBuffer, writesBareInfinity } from './helpers/broken-parsers.js';
import { orc } from './helpers/cli.js';

const HARNESS = join(PROJECT_ROOT, 'test', 'harnesses', 'faulty-harness.mjs');
const generating = set.models.filter((m) => m.name === GENERATING);

async function fuzzed(adapter: Adapter, maxCases = 3000): Promise<FuzzResult> {
  const corpusDir = mkdtempSync(join(tmpdir(), 'orc-corpus-'));
  try {
    return await fuzz({ set, models: generating, adapter, seed: 11, timeMs: 120_000, maxCases, corpusDir });
  } finally {
    await adapter.close?.();
  }
}
const keys = (r: FuzzResult) => r.failures.map((f) => `${f.mutation}:${f.kind}`);

describe('the mutation catalogue', () => {
  const base = baseOf(GENERATING, generating[0]!.schema, {
    type: 'response.image_generation_call.generating',
    item_id: 'ig',
    output_index: 1,
    sequence_number: 2,
  });

  it('knows what a conforming parser does with each case: the reference does exactly that', () => {
    const ref = reference();
    for (const m of [...MUTATIONS, ...SIZE_MUTATIONS]) {
      for (let pick = 0; pick < 64; pick++) {
        const c = applyMutation(m, base, pick)!;
        const v = judge(c, ref.parse(GENERATING, c.bytes) as any);
        expect(v.status, `${m.name} ${c.detail}: ${JSON.stringify(v)}`).toBe('pass');
      }
    }
  });

  it('truncates at every byte of the payload, and every prefix must be rejected', () => {
    const t = JSON.stringify(base.value);
    const m = MUTATIONS.find((x) => x.name === 'Structure.Truncated')!;
    const cuts = new Set(Array.from({ length: t.length }, (_, p) => applyMutation(m, base, p)!.bytes.length));
    expect(cuts.size).toBe(t.length);
    expect(m.expect).toBe('reject');
  });

  it('covers the JSONTestSuite categories, each case labelled reject, accept or implementation-defined', () => {
    const by = (cat: string) => [...MUTATIONS, ...SIZE_MUTATIONS].filter((m) => m.category === cat).map((m) => m.expect);
    for (const cat of ['numbers', 'strings', 'structure']) expect(new Set(by(cat))).toEqual(new Set(['reject', 'accept', 'implementation-defined']));
    expect(by('size')).toContain('accept');
    const huge = applyMutation(SIZE_MUTATIONS[0]!, base, 0)!;
    expect(huge.bytes.length).toBeGreaterThan(10_000_000);
  });

  it('gives every mutation a fair share of a run', () => {
    const cases = fc.sample(
      fc.constant(base).chain((b) => fc.nat(MUTATIONS.length - 1).chain((i) => fc.nat().map((p) => applyMutation(MUTATIONS[i]!, b, p)!))),
      { seed: 1, numRuns: 3000 },
    );
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.mutation, (counts.get(c.mutation) ?? 0) + 1);
    expect(counts.size).toBe(MUTATIONS.length);
    expect(Math.min(...counts.values())).toBeGreaterThan(40);
  });
});

describe('each category catches a parser broken for the purpose', () => {
  it('the reference parser has no failures at all', async () => {
    const r = await fuzzed(reference());
    expect(r.cases).toBeGreaterThanOrEqual(3000);
    expect(r.failures).toEqual([]);
    const t = r.tallies;
    expect(t.numbers.reject.cases).toBeGreaterThan(0);
    expect(t.strings['implementation-defined'].accepted + t.strings['implementation-defined'].rejected).toBe(t.strings['implementation-defined'].cases);
    expect(t.size.accept.cases).toBeGreaterThan(0);
  });

  it('numbers: a lenient number reader', async () => {
    const k = keys(await fuzzed(lenientNumbers()));
    expect(k).toEqual(
      expect.arrayContaining(['Numbers.PlusSign:accepted-invalid', 'Numbers.LeadingZero:accepted-invalid', 'Numbers.LeadingDot:accepted-invalid']),
    );
  });

  it('numbers: NaN taken where the model does not look (json.loads, then a model of its own fields) is found there', async () => {
    const base = reference();
    // NaN read as null: refused in a known number field, kept in a member the model does not name
    const nanOutside: Adapter = {
      ...base,
      info: { ...base.info, name: 'nan-outside-known-fields' },
      parse: (m, p) => base.parse(m, new TextEncoder().encode(new TextDecoder().decode(p).replace(/(?<=[:[,]\s*)-?(NaN|Infinity)\b/g, 'null'))),
    };
    const r = await fuzzed(nanOutside);
    expect(keys(r)).toEqual(['Numbers.NaNInfinity:accepted-invalid']);
    expect(r.behaviours['Numbers.NaNInfinity']!.find((b) => b.behaviour === 'accepted')!.example).toMatch(/^orc_extra/);
  });

  it('strings: raw control characters accepted', async () => {
    expect(keys(await fuzzed(acceptsRawControls()))).toContain('Strings.RawControl:accepted-invalid');
  });

  it('structure: trailing commas accepted, and a stack overflow on deep nesting', async () => {
    expect(keys(await fuzzed(acceptsTrailingCommas()))).toContain('Structure.TrailingComma:accepted-invalid');
    const deep = await fuzzed(overflowsOnDepth());
    expect(keys(deep)).toContain('Structure.DeepNesting:exception');
    expect(deep.failures.find((f) => f.mutation === 'Structure.DeepNesting')!.message).toContain('RangeError');
  });

  it('what a serializer writes after accepting an implementation-defined payload must be JSON: a bare Infinity is a failure', async () => {
    const r = await fuzzed(writesBareInfinity());
    const f = r.failures.find((x) => x.mutation === 'Numbers.HugeExponent')!;
    expect(f, JSON.stringify(r.failures)).toBeDefined();
    expect(f.kind).toBe('invalid-output');
    expect(f.message).toMatch(/^written again: output is not JSON/);
    expect(r.behaviours['Numbers.HugeExponent']!.map((b) => b.behaviour).sort()).toEqual(['→ -Infinity', '→ Infinity']);
    const saved = JSON.parse(readFileSync(f.file, 'utf8'));
    expect(Buffer.from(saved.payload, 'base64').toString()).toMatch(/e\d{3}/);
  });

  it('records what the parser did with each mutation, by behaviour, with counts', async () => {
    const r = await fuzzed(reference(), 1500);
    const of = (m: string) => Object.fromEntries(r.behaviours[m]!.map((b) => [b.behaviour, b.count]));
    expect(Object.keys(of('Numbers.HugeExponent'))).toEqual(['rejected']);
    expect(Object.keys(of('Numbers.NegativeZero'))).toEqual(['kept']);
    expect(Object.keys(of('Strings.InvalidUtf8'))).toEqual(['rejected']);
    expect(Object.keys(of('Numbers.ExponentForms'))).toEqual(['as expected']);
    expect(Object.keys(of('Strings.LoneSurrogateEscape')).every((b) => b.startsWith('→ "'))).toBe(true);
    const total = Object.values(r.behaviours)
      .flat()
      .reduce((n, b) => n + b.count, 0);
    expect(total).toBe(r.cases);
    expect(behaviourTable([r])).toMatch(/\| Numbers\.NegativeZero \| kept \d+ \|/);
  });

  it('size: a reader that gives up past 1 MB', async () => {
    expect(keys(await fuzzed(smallBuffer()))).toContain('Size.HugeString:rejected-valid');
  });

  it.each([
    ['crash-on-deep', 'crash'],
    ['hang-on-deep', 'timeout'],
  ])('a harness that %s is a failure with its payload, and the run goes on', async (fault, kind) => {
    const adapter = await StdioAdapter.start({ name: fault, command: [process.execPath, HARNESS, fault], timeoutMs: 300 });
    const corpusDir = mkdtempSync(join(tmpdir(), 'orc-corpus-'));
    const r = await fuzz({ set, models: generating, adapter, seed: 5, timeMs: 60_000, maxCases: 400, batch: 40, corpusDir });
    await adapter.close();
    const f = r.failures.find((x) => x.mutation === 'Structure.DeepNesting' && x.kind === kind)!;
    expect(f, JSON.stringify(r.failures)).toBeDefined();
    expect(r.cases).toBeGreaterThanOrEqual(400);
    expect(r.complete).toBe(true);
    const saved = JSON.parse(readFileSync(f.file, 'utf8'));
    expect(Buffer.from(saved.payload, 'base64').toString()).toContain('[[[[[[[[[[');
  });
});

describe('orc fuzz on the command line', () => {
  it('runs for its time, saves each distinct failure, and orc replay FILE reruns one', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'orc-corpus-'));
    const out = mkdtempSync(join(tmpdir(), 'orc-fuzz-out-'));
    const r = orc(['fuzz', '--adapter', `cmd:${process.execPath} ${HARNESS} crash-on-deep`, '--time', '3s', '--seed', '2', '--corpus', corpus, '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/\d+ cases · \d+ failures \(\d+ distinct\) · \d+ cases\/s · \d+s left/);
    expect(r.stdout).toContain('must reject');
    const [dir] = readdirSync(corpus);
    const files = readdirSync(join(corpus, dir!));
    expect(files).toContain('Structure.DeepNesting--crash.json');
    const file = join(corpus, dir!, 'Structure.DeepNesting--crash.json');
    // a corpus file names its adapter but never starts it: the user names the harness in the call
    const refused = orc(['replay', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/never starts a program .*--adapter 'NAME=cmd:/);
    const replay = orc(['replay', file, '--adapter', `deep=cmd:${process.execPath} ${HARNESS} crash-on-deep`]);
    expect(replay.status, replay.stderr).toBe(1);
    expect(replay.stdout).toMatch(/verdict: FAILS \(crash\)/);
    expect(orc(['replay', file, '--adapter', 'reference']).status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'fuzz-report.json'), 'utf8'));
    expect(report.results[0].cases).toBeGreaterThan(100);
    expect(readFileSync(join(out, 'fuzz-summary.md'), 'utf8')).toContain('| numbers |');
  });

  it('stops cleanly on Ctrl-C and keeps the corpus', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'orc-corpus-'));
    const out = mkdtempSync(join(tmpdir(), 'orc-fuzz-out-'));
    const child = spawn(
      process.execPath,
      [join(PROJECT_ROOT, 'bin/orc.js'), 'fuzz', '--adapter', 'ts-openrouter-latest', '--time', '120s', '--corpus', corpus, '--out', out],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const end = Date.now() + 60_000;
    while (!existsSync(join(corpus, 'ts-openrouter-latest')) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(readdirSync(join(corpus, 'ts-openrouter-latest')).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, 'fuzz-report.json'), 'utf8'))).toMatchObject({ complete: false });
  });

  it('says what is wrong with a bad budget or a bad corpus file', () => {
    const r = orc(['fuzz', '--time', 'soon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('orc: --time takes a duration like 60s, 5m or 500ms, not "soon"\n');
    expect(orc(['replay', join(PROJECT_ROOT, 'package.json')]).stderr).toMatch(/is not an orc fuzz corpus entry/);
  });
});
