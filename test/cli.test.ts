import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../core/oracle.js';
import { findModel, loadSchemaSet, PROJECT_ROOT, SCHEMA_DIR } from '../core/models.js';
import { composeListing } from '../runner/compose-listing.js';
import { FAMILIES } from '../core/families.js';
import { orc } from './helpers/cli.js';

const reportSchema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'report.schema.json'), 'utf8'));
const validateReport = createAjv({ allErrors: true }).compile(reportSchema);
const tmp = () => mkdtempSync(join(tmpdir(), 'orc-test-'));

describe('orc run', () => {
  it('exits 0 when every Required check passes, and writes a report that validates against its schema', () => {
    const out = tmp();
    const r = orc(['run', '--model', 'OpenResponsesImageGenCallGenerating', '--runs', '30', '--seed', '5', '--out', out, '--quiet']);
    expect(r.stderr).toContain('seed 5');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Every Required check passed.');
    expect(r.stdout).toMatch(/^Req Parse +ok$/m);
    expect(r.stdout).toMatch(/^CONFORMANCE SUITE PASSED: \d+ successes, 0 skipped, 0 expected failures, 0 unexpected failures\n\d+ observations$/m);
    // every line within the 120 columns the README promises
    expect(r.stdout.split('\n').filter((l) => l.length > 120)).toEqual([]);
    expect(orc(['run', '--model', 'generating', '--runs', '5', '--seed', '5', '--out', out, '--quiet', '--verbose']).stdout).toMatch(
      /Required\.Parse\.AcceptsValid +pass/,
    );
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.complete).toBe(true);
    expect(report.results.length).toBeGreaterThan(40);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('| reference |');
  });

  it('exits 1 when a Required check fails, with a counterexample and a replay command that reproduces it', () => {
    const out = tmp();
    const r = orc([
      'run',
      '--adapter',
      'ts-openrouter-latest',
      '--model',
      'generating',
      '--suite',
      'Required.Parse.AcceptsFraction.*',
      '--runs',
      '50',
      '--seed',
      '9',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ A ts-openrouter-latest · Required.Parse.AcceptsFraction.output_index · Generating');
    expect(r.stdout).toMatch(/^CONFORMANCE SUITE FAILED: 0 successes, 0 skipped, 0 expected failures, 2 unexpected failures/m);
    expect(r.stdout).toContain('"output_index":0.5');
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    const failure = report.results.find((x: any) => x.id === 'Required.Parse.AcceptsFraction.output_index').failure;
    const replay = orc(['replay', failure.replay]);
    expect(replay.status).toBe(1);
    expect(replay.stdout).toContain(`payload: ${failure.counterexample.payload.text}`);
    expect(replay.stdout).toContain(`bytes:   ${failure.counterexample.payload.base64}`);
    expect(replay.stdout).toContain('verdict: FAILS (rejected-valid)');
  });

  it('prints one matrix column per adapter with --adapter all, and the JSON report with --json', () => {
    const r = orc([
      'run',
      '--adapter',
      'all',
      '--model',
      'response.image_generation_call.in_progress',
      '--suite',
      'Serialize',
      '--runs',
      '10',
      '--seed',
      '1',
      '--out',
      tmp(),
      '--quiet',
      '--json',
    ]);
    const report = JSON.parse(r.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.adapters.map((a: any) => a.name)).toEqual([
      'reference',
      'ts-openrouter-0.1.2',
      'ts-openrouter-latest',
      'go-openai',
      'go-openai-latest',
      'go-openrouter-latest',
      'go-openrouter-latest-union',
      'go-openrouter-seed',
      'go-openrouter-seed-union',
      'go-openrouter-v0.2.0',
      'go-openrouter-v0.2.0-union',
      'java-openai',
      'py-jsonschema',
      'py-litellm',
      'py-openai',
      'py-openai-strict',
      'py-openresponses',
      'py-openresponses-compat',
      'py-openresponses-openai',
      'py-openresponses-types',
      'py-openrouter',
      'py-openrouter-seed',
      'rust-async-openai',
      'rust-openresponses',
      'ts-ai-sdk-openai',
      'ts-ai-sdk-open-responses',
      'ts-openai-node',
      'ts-openai-node-latest',
    ]);
    expect(new Set(report.adapters.map((a: any) => a.language))).toEqual(new Set(['TypeScript', 'Go', 'Python', 'Rust', 'Java']));
    const latest = report.results.filter((x: any) => x.adapter === 'ts-openrouter-latest');
    expect(latest.every((x: any) => x.status === 'unsupported')).toBe(true);
  });

  it.each([
    [['run', '--adapter', 'nope'], /unknown adapter "nope"; run "orc list"/],
    [['run', '--model', 'Nope'], /unknown model "Nope"/],
    [['run', '--level', 'Mandatory'], /unknown level "Mandatory"/],
    [['run', '--suite', 'NoSuchSuite'], /selects no check/],
    [['run', '--runs', 'many'], /--runs takes a whole number/],
    // a negative number after an option is its value, not a forgotten one
    [['run', '--runs', '-1'], /^orc: --runs takes a whole number of at least 1, not "-1"$/m],
    [['run', '--frobnicate'], /unknown option --frobnicate \(see "orc run --help"\)/],
    [['run', '--adaptr', 'all'], /unknown option --adaptr; did you mean --adapter\?/],
    [['rnu'], /unknown command "rnu"; did you mean "orc run"\?/],
    [['run', '--out'], /--out needs a value; see "orc run --help"/],
    [['run', '--schema', '/does/not/exist.json'], /cannot read schema \/does\/not\/exist.json: ENOENT/],
    [['replay', 'not-a-token'], /is not a replay token/],
    [['explode'], /unknown command "explode"/],
    // each command's own options
    [['fuzz', '--tim', '5s'], /unknown option --tim; did you mean --time\? \(see "orc fuzz --help"\)/],
    [['replay', 'orc1.x', '--adaptr', 'reference'], /unknown option --adaptr; did you mean --adapter\?/],
    [['check-stream', 'x.sse', '--al'], /unknown option --al; did you mean --all\?/],
    [['report', 'merge', 'x', '--ot', 'y'], /unknown option --ot; did you mean --out\?/],
    [['baseline', 'update', '--baselin', 'b.json'], /unknown option --baselin; did you mean --baseline\?/],
    [['list', '--jsn'], /unknown option --jsn/],
    [['report', 'mrege'], /"orc report" takes "merge"/],
    [['baseline', 'updat'], /"orc baseline" takes "update"/],
  ])('bad usage %j: one clear line, exit 2', (args, message) => {
    const r = orc(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a negative seed is a seed: --seed -5 runs with seed -5', () => {
    const r = orc(['run', '--seed', '-5', '--runs', '1', '--suite', 'Required.Parse.AcceptsValid', '--model', 'generating', '--out', tmp()]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('seed -5');
  });

  it('an invalid schema or an unsupported keyword in a user model is bad usage too', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.schema.json');
    writeFileSync(bad, JSON.stringify({ title: 'Bad', type: 'object', properties: { a: { type: 'string', format: 'email' } } }));
    const r = orc(['run', '--schema', bad, '--model', 'Bad', '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not support "format" at .*#\/properties\/a/);
    const broken = join(dir, 'broken.schema.json');
    writeFileSync(broken, '{ "title": "X", "type": "objec" }');
    const r2 = orc(['run', '--schema', broken]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/not a valid JSON Schema 2020-12/);
  });
});

describe('command-line conventions', () => {
  it('a reader that closes the pipe early ends the output, not in an internal error', async () => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'orc.js'), 'list'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // closed before orc writes a byte: its first write meets a closed pipe
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((res) => child.on('exit', res));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it("orc <command> --help and -h print that command's help and exit 0", () => {
    for (const [cmd, flag, first] of [
      ['run', '--help', 'orc run [options]'],
      ['fuzz', '-h', 'orc fuzz [options]'],
      ['check-stream', '--help', 'orc check-stream FILE|-'],
    ] as const) {
      const r = orc([cmd, flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.startsWith(first)).toBe(true);
    }
  });

  it('colour follows --color/--no-color, then NO_COLOR, then FORCE_COLOR', () => {
    const args = ['run', '--model', 'generating', '--suite', 'Required.Parse.AcceptsValid', '--runs', '2', '--quiet', '--out', tmp()];
    const esc = /\x1b\[/;
    expect(orc(args, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(esc);
    expect(orc(args, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(esc);
    expect(orc([...args, '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toMatch(esc);
    expect(orc([...args, '--color'], { NO_COLOR: '1' }).stdout).toMatch(esc);
    expect(orc(args, { NO_COLOR: '' }).stdout).not.toMatch(esc); // not a terminal
  });
});

describe('orc list', () => {
  it('shows models by family with their event types, suites and adapters; checks counted, listed for --model', () => {
    const r = orc(['list']);
    expect(r.status).toBe(0);
    for (const s of [
      'OpenResponsesImageGenCallGenerating',
      'response.image_generation_call.partial_image',
      'WireSpelling',
      'ts-openrouter-latest',
      'item_id=ItemID',
    ]) {
      expect(r.stdout).toContain(s);
    }
    // every family a heading, in stream order, each model under its own with the event type it reads
    const models = r.stdout.split('\n\n')[0]!.split('\n');
    expect(models[0]).toBe('Models (28), by family:');
    const headings = models.filter((l) => /^ {2}\S/.test(l));
    expect(headings.map((l) => l.trim())).toEqual(FAMILIES.filter((f) => f !== 'other'));
    expect(r.stdout).toMatch(
      /^ {2}lifecycle\n {4}ResponseCompletedStreamingEvent +response\.completed +\d+ checks {2}fields: type, sequence_number, response$/m,
    );
    expect(r.stdout).toMatch(/^ {4}ErrorStreamingEvent +error +\d+ checks/m);
    expect(r.stdout).not.toContain('no event type');
    // the SDK's name only where it is not the wire name
    expect(r.stdout).not.toContain('sequence_number=sequence_number');
    // thousands of checks: counted, and how to see them said
    expect(r.stdout).not.toContain('Required.Parse.RejectsMissingField.item_id');
    expect(r.stdout).toMatch(/^Checks: \d+ over 28 models, .*"orc list --model M".*"orc list --checks"/m);
    expect(r.stdout.split('\n').length).toBeLessThan(120);
    const one = orc(['list', '--model', 'generating']);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('Required.Parse.RejectsMissingField.item_id');
    expect(one.stdout).not.toContain('ResponseCompletedStreamingEvent');
    // the whole listing is 1.5 MB of JSON, past what spawnSync keeps: two models say the same
    const json = JSON.parse(orc(['list', '--json', '--model', 'created,generating']).stdout);
    expect(json.models.map((m: { name: string; family: string; eventType: string }) => [m.name, m.family, m.eventType])).toEqual([
      ['ResponseCreatedStreamingEvent', 'lifecycle', 'response.created'],
      ['OpenResponsesImageGenCallGenerating', 'image generation', 'response.image_generation_call.generating'],
    ]);
    expect(json.checks.length).toBe(json.models.reduce((n: number, m: { checks: number }) => n + m.checks, 0));
  });

  it("lists a --schema model's checks as the suites compose them, beside the bundled ones, and one standing in for a bundled model in its place", () => {
    const dir = tmp();
    const mine = join(dir, 'mine.schema.json');
    writeFileSync(
      mine,
      JSON.stringify({
        title: 'MineDelta',
        type: 'object',
        properties: { type: { const: 'response.output_text.delta' }, delta: { type: 'string' } },
        required: ['type', 'delta'],
      }),
    );
    const json = JSON.parse(orc(['list', '--json', '--schema', mine, '--model', 'MineDelta,generating']).stdout);
    const set = loadSchemaSet([mine]);
    expect(json.checks).toEqual(
      composeListing(
        set,
        json.models.map((m: { name: string }) => findModel(set, m.name)),
      ),
    );
    expect(json.checks.some((c: { id: string }) => c.id === 'Required.Parse.RejectsMissingField.delta')).toBe(true);
    // the bundled model of that event type is gone from the listing: the user's stands in for it
    expect(orc(['list', '--schema', mine]).stdout).not.toContain('ResponseOutputTextDeltaStreamingEvent');
  });
});

describe('--adapter given more than once', () => {
  it('runs a harness of your own beside a bundled adapter, each its own column; a name given twice is one line, exit 2', () => {
    const out = tmp();
    const args = ['run', '--model', 'generating', '--suite', 'Required.Parse.AcceptsFraction.*', '--runs', '5', '--seed', '1', '--out', out, '--quiet'];
    const r = orc([...args, '--adapter', 'reference', '--adapter', 'mine=cmd:node mutants/stdio-harness.mjs truncates-fractions']);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.run.selection.adapters).toEqual(['reference', 'mine']);
    const failed = (a: string) => report.results.filter((x: { adapter: string; status: string }) => x.adapter === a && x.status === 'failed').length;
    expect([failed('reference'), failed('mine') > 0]).toEqual([0, true]);
    const twice = orc([...args, '--adapter', 'reference', '--adapter', 'reference']);
    expect(twice.status).toBe(2);
    expect(twice.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^orc: the adapter "reference" is named twice/)]);
  });
});
