/**
 * py-jsonschema, a second reference written apart from the TypeScript one (Python's json, jsonschema 2020-12),
 * learns every model from ORC_SCHEMAS and passes every Required check, on the bundled models and on the spec's
 * events, with nothing unsupported. Its one-bug versions (mutants/py_jsonschema_bugs.py) each fail, at default runs
 * and a fixed seed, the check their bug breaks, on a spec event that has what the bug needs, with a shrunk
 * counterexample; the harness without the bug passes the same check in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';
import { PROJECT_ROOT } from '../core/models.js';
import { cutSpecEvents, DEFAULT_SPEC } from '../scripts/cut-spec-events.js';
import { orc } from './helpers/cli.js';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const NAME = 'py-jsonschema';
const manifest = loadManifests().find((m) => m.adapters.some((a) => a.name === NAME))!;
const ready = isBuilt(manifest);
if (!ready && CI) throw new Error(`${NAME} is not built in CI: "npm run adapters:setup" must build every harness`);
const spec = existsSync(DEFAULT_SPEC);
if (!spec) process.stdout.write(`harness-py-jsonschema: the spec document is not at ${DEFAULT_SPEC}; its events are not tried here\n`);

const PYTHON = join(manifest.dir, 'build', 'venv', 'bin', 'python');
const bug = (name: string) => `${name}=cmd:${JSON.stringify(PYTHON)} ${JSON.stringify(join(PROJECT_ROOT, 'mutants', 'py_jsonschema_bugs.py'))} ${name}`;

interface Result {
  adapter: string;
  model: string;
  id: string;
  level: string;
  status: string;
  failure?: { kind: string; message: string; counterexample?: { payload?: { text: string } }; answer?: string; shrinks?: number };
}

/** The spec's events, cut as scripts/cut-spec-events.ts cuts them, one file each; their titles by event type. */
const events = (() => {
  if (!spec) return { files: {} as Record<string, string>, titles: {} as Record<string, string> };
  const dir = mkdtempSync(join(tmpdir(), 'orc-py-jsonschema-'));
  const files: Record<string, string> = {};
  const titles: Record<string, string> = {};
  for (const e of cutSpecEvents(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')))) {
    files[e.type] = join(dir, `${e.type}.schema.json`);
    titles[e.type] = e.schema.title as string;
    writeFileSync(files[e.type]!, JSON.stringify(e.schema));
  }
  return { files, titles };
})();

function run(args: string[], timeout = 120_000): Result[] {
  const out = mkdtempSync(join(tmpdir(), 'orc-py-jsonschema-run-'));
  const r = orc(['run', '--seed', '1', '--out', out, '--check-protocol', ...args], {}, undefined, timeout);
  expect(r.stderr).not.toMatch(/did not start/);
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).results as Result[];
}

const withEvents = (types: string[]) => types.flatMap((t) => ['--schema', events.files[t]!]).concat(['--model', types.map((t) => events.titles[t]).join(',')]);

describe.skipIf(!ready)(`${NAME}, a second reference${ready ? '' : ' (not built here: run npm run adapters:setup)'}`, () => {
  it('says in one line that it needs ORC_SCHEMAS, when run without orc', () => {
    const env = { ...process.env };
    delete env.ORC_SCHEMAS;
    const r = spawnSync(PYTHON, [join(manifest.dir, 'harness.py')], { env, encoding: 'utf8', input: '' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ORC_SCHEMAS is not set/)]);
  });

  it('passes every Required check on the bundled models that the reference passes, with nothing unsupported', () => {
    // 28 models, the spec's nested ones among them: minutes on a loaded machine
    const results = run(['--adapter', 'reference', '--adapter', NAME, '--runs', '5', '--level', 'required'], 900_000);
    const mine = results.filter((r) => r.adapter === NAME);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((r) => r.status === 'unsupported')).toEqual([]);
    const passedByReference = results.filter((r) => r.adapter === 'reference' && r.level === 'Required' && r.status === 'passed');
    expect(passedByReference.length).toBeGreaterThan(0);
    for (const p of passedByReference) expect(mine.find((r) => r.model === p.model && r.id === p.id)?.status, `${p.model} ${p.id}`).toBe('passed');
  }, 960_000);

  it.skipIf(!spec)(
    'passes every Required and Recommended check on spec events with a nullable member, a map, a union, arrays of objects and nesting, nothing unsupported',
    () => {
      const results = run([...withEvents(['error', 'response.content_part.added', 'response.output_text.delta']), '--adapter', NAME, '--runs', '5']);
      // Recommended too: unknown members at every depth ignored, every JSON spelling read
      const judged = results.filter((r) => r.level !== 'Informational');
      expect(new Set(judged.map((r) => r.model)).size).toBe(3);
      expect(judged.filter((r) => r.status !== 'passed').map((r) => `${r.model} ${r.id}: ${r.status} ${r.failure?.message ?? ''}`)).toEqual([]);
      expect(results.filter((r) => r.status === 'unsupported')).toEqual([]);
    },
    120_000,
  );

  describe.skipIf(!spec)('each one-bug version fails the check its bug breaks, at default runs, with a shrunk counterexample', () => {
    /** One run of the bug and of the harness without it, at default runs: the bug's results and the harness's. */
    const judge = (name: string, type: string, suite: string) => {
      const results = run([...withEvents([type]), '--adapter', bug(name), '--adapter', NAME, '--suite', suite]);
      const of = (adapter: string) => results.filter((r) => r.adapter === adapter);
      expect(of(name).length).toBeGreaterThan(0);
      for (const r of of(NAME)) expect(r.status, `${NAME} ${r.id}`).toBe('passed');
      for (const r of of(name)) {
        expect(r.status, `${name} ${r.id}`).toBe('failed');
        expect(r.failure!.counterexample?.payload?.text).toEqual(expect.any(String));
        expect(r.failure!.shrinks).toBeGreaterThan(0);
      }
      return of(name);
    };

    it('null-anywhere (error: code and param are nullable, the rest are not) takes a null wherever the schema has none', () => {
      const failed = judge('null-anywhere', 'error', 'Required.Parse.RejectsNull.*');
      expect(failed.map((r) => r.id).sort()).toEqual(
        [
          'Required.Parse.RejectsNull.type',
          'Required.Parse.RejectsNull.sequence_number',
          'Required.Parse.RejectsNull.error',
          'Required.Parse.RejectsNull.error.type',
          'Required.Parse.RejectsNull.error.message',
          'Required.Parse.RejectsNull.error.headers',
          // a map's values: null where its schema says string
          'Required.Parse.RejectsNull.error.headers.*',
        ].sort(),
      );
      for (const r of failed) expect(r.failure).toMatchObject({ kind: 'accepted-invalid', answer: expect.stringContaining('null') });
    }, 120_000);

    it('wrong-branch (response.content_part.added: part is an 8-way union) reads a part as the first branch its other members fit', () => {
      const [r] = judge('wrong-branch', 'response.content_part.added', 'Required.Parse.AcceptsValid');
      expect(r!.failure).toMatchObject({ kind: 'rejected-valid', message: expect.stringMatching(/\/part: .* is not valid under any of the given schemas/) });
    }, 120_000);

    it('drops-array-item (response.output_text.delta: logprobs, an array of objects holding arrays of objects) loses an item', () => {
      const [r] = judge('drops-array-item', 'response.output_text.delta', 'Required.Parse.AcceptsValid');
      expect(r!.failure).toMatchObject({ kind: 'mismatch', message: expect.stringMatching(/^\/logprobs\b.*expected 2 items, got 1/) });
    }, 120_000);

    it('refuses-unknown-depth2 (response.content_part.added: part is an open object at depth 2) refuses a member it does not know', () => {
      const [r] = judge('refuses-unknown-depth2', 'response.content_part.added', 'Recommended.UnknownFields.Ignored');
      expect(r!.failure).toMatchObject({ kind: 'rejected-valid', message: expect.stringMatching(/unknown member \/part\//) });
    }, 120_000);
  });
});
