import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';
import type { CheckResult, RunEvent } from '../core/results.js';
import { terminalReport } from '../reports/terminal.js';
import { replayCommand } from '../runner/replay-token.js';
import { orc } from './helpers/cli.js';

// `orc run` and every printed replay start node harnesses: minutes on a loaded machine, never a verdict on its speed
const SLOW = 600_000;
const MUTANT = join(PROJECT_ROOT, 'mutants', 'stdio-harness.mjs');
/** One check, one case: the mutant truncates the fraction it is given. */
const ONE_CHECK = ['run', '--model', 'generating', '--suite', 'Required.Parse.AcceptsFraction.output_index', '--runs', '1', '--seed', '1', '--quiet'];
const COLUMNS = 120;
/** A line of a replay token broken with a backslash, as the terminal prints it. */
const TOKEN_PIECE = /^orc1\.[A-Za-z0-9_-]+\\$/;

/** The replay command as the terminal printed it, continuation lines and all, without its label. */
function terminalReplay(stdout: string): string {
  const lines = stdout.split('\n');
  const first = lines.findIndex((l) => l.startsWith('  replay:  '));
  expect(first, stdout).toBeGreaterThanOrEqual(0);
  let last = first;
  while (lines[last]!.endsWith('\\')) last++;
  return lines
    .slice(first, last + 1)
    .join('\n')
    .slice('  replay:  '.length);
}

/** The printed lines as one: a backslash at a line's end joins it to the next, as the shell reads it. */
const joined = (printed: string) => printed.replace(/ \\\n +/g, ' ').replace(/\\\n/g, '');

/** Markup's escapes undone, for comparing the text a page or a JUnit file shows. */
const unescaped = (markup: string) =>
  markup.replace(/&(apos|#39|quot|lt|gt|amp);/g, (_, e: string) => ({ apos: "'", '#39': "'", quot: '"', lt: '<', gt: '>', amp: '&' })[e]!);

/** The replay command in summary.md's fenced block. */
function markdownReplay(out: string): string {
  const md = readFileSync(join(out, 'summary.md'), 'utf8');
  const m = /\nReplay:\n\n(`{3,})\n([^\n]*)\n\1\n/.exec(md);
  expect(m, md).not.toBeNull();
  return m![2]!;
}

/** A pasted command: the POSIX shell, where the run was started. */
function pasted(command: string) {
  return spawnSync('/bin/sh', ['-c', command], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: SLOW });
}

function expectFailsAgain(command: string): void {
  const r = pasted(command);
  expect(r.stdout, `${command}\n${r.stderr}`).toMatch(/^verdict: FAILS \(mismatch\): \/output_index: expected 0\.5, got 0$/m);
  expect(r.status, command).toBe(1);
}

/** The mutant, copied where its path needs quoting: the compiled reference it wraps found where it is, and whatever else `edits` change. */
function mutantIn(dir: string, edits: [string, string][] = []): string {
  let text = readFileSync(MUTANT, 'utf8');
  for (const [from, to] of [["'../dist/faces/index.js'", JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'dist', 'faces', 'index.js')).href)], ...edits]) {
    expect(text.split(from!).length, from).toBe(2);
    text = text.replace(from!, () => to!);
  }
  const file = join(dir, 'stdio-harness.mjs');
  writeFileSync(file, text);
  return file;
}

/** Every terminal line too wide. */
const tooWide = (text: string) => text.split('\n').filter((l) => [...l].length > COLUMNS);

describe("the printed replay of a harness of the user's own runs as printed", () => {
  it(
    'NAME=cmd: from mutants/: the terminal and summary.md print the command line, and pasting either fails the case again (exit 1)',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'orc-replay-printed-'));
      const r = orc([...ONE_CHECK, '--verbose', '--out', out, '--adapter', 'mine=cmd:node mutants/stdio-harness.mjs truncates-fractions']);
      expect(r.status, r.stderr).toBe(1);
      const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      const command: string = json.results[0].failure.replayCommand;
      expect(command).toBe(`npx orc replay --adapter 'mine=cmd:node mutants/stdio-harness.mjs truncates-fractions' ${json.results[0].failure.replay}`);
      // every format shows the one string: the terminal between words, Markdown as it is, HTML and JUnit escaped for their markup
      expect(joined(terminalReplay(r.stdout))).toBe(command);
      expect(markdownReplay(out)).toBe(command);
      expect(unescaped(readFileSync(join(out, 'report.html'), 'utf8'))).toContain(`<pre class="replay">${command}</pre>`);
      expect(unescaped(readFileSync(join(out, 'junit.xml'), 'utf8'))).toContain(`replay: ${command}`);
      expectFailsAgain(terminalReplay(r.stdout));
      expectFailsAgain(markdownReplay(out));
      // what the command adds is what makes it work: the bare token names a program it may not start
      const bare = pasted(`npx orc replay ${json.results[0].failure.replay}`);
      expect(bare.status).toBe(2);
      expect(bare.stderr).toContain('never starts a program a token or file names');
    },
    SLOW,
  );

  it(
    'a command line with a quote and spaces in its path is quoted for the shell, and the pasted command runs exactly it',
    () => {
      const dir = mkdtempSync(join(tmpdir(), "orc replay 'q "));
      const harness = mutantIn(dir);
      const out = join(dir, 'out');
      const line = `node "${harness}" truncates-fractions`;
      const r = orc([...ONE_CHECK, '--out', out, '--adapter', `mine=cmd:${line}`]);
      expect(r.status, r.stderr).toBe(1);
      const printed = terminalReplay(r.stdout);
      expect(joined(printed)).toContain(` --adapter 'mine=cmd:node "${harness.replaceAll("'", `'\\''`)}" truncates-fractions' orc1.`);
      expectFailsAgain(printed);
      expectFailsAgain(markdownReplay(out));
    },
    SLOW,
  );

  it(
    'a run given --schema: the replay command gives the same files, without which the token names a model orc does not have',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'orc-replay-schema-'));
      const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schema', 'models', 'OpenResponsesImageGenCallGenerating.schema.json'), 'utf8'));
      const file = join(dir, 'my schema.json');
      writeFileSync(file, JSON.stringify({ ...schema, $id: 'https://example.test/MyGenerating.schema.json', title: 'MyGenerating' }));
      // the mutant, reading and declaring the model of the schema file
      const harness = mutantIn(dir, [
        ['loadSchemaSet()', `loadSchemaSet([${JSON.stringify(file)}])`],
        ["['OpenResponsesImageGenCallGenerating']", "['MyGenerating']"],
      ]);
      const out = join(dir, 'out');
      const args = ONE_CHECK.map((a) => (a === 'generating' ? 'MyGenerating' : a));
      const r = orc([...args, '--out', out, '--schema', file, '--adapter', `mine=cmd:node '${harness}' truncates-fractions`]);
      expect(r.status, r.stderr).toBe(1);
      const printed = terminalReplay(r.stdout);
      expect(joined(printed)).toContain(` --schema '${file}' orc1.`);
      expectFailsAgain(printed);
      expectFailsAgain(markdownReplay(out));
      const without = pasted(joined(printed).replace(` --schema '${file}'`, ''));
      expect(without.status).toBe(2);
      expect(without.stderr).toContain('the replay token names the model "MyGenerating", which this orc does not have');
    },
    SLOW,
  );
});

describe('--verbose terminal lines fit 120 columns', () => {
  it(
    'a failing run of a harness of the user\'s own: every line within 120 columns, the replay token too, and "1 check", "1 result", "1 adapter", "1 case"',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'orc-verbose-width-'));
      const r = orc([...ONE_CHECK, '--verbose', '--out', join(dir, 'out'), '--adapter', 'mine=cmd:node mutants/stdio-harness.mjs truncates-fractions']);
      expect(r.status, r.stderr).toBe(1);
      // the report, and stderr: the header and the line that says where the reports are
      expect(tooWide(`${r.stdout}\n${r.stderr}`)).toEqual([]);
      expect(r.stdout.split('\n').filter((l) => TOKEN_PIECE.test(l))).toHaveLength(1);
      expect(r.stderr).toMatch(/: 1 check × 1 adapter, 1 case per property, seed 1$/m);
      expect(r.stdout).toContain('Failures: 1 adapter × check (1 result)\n');
      expect(r.stdout).not.toMatch(/\b1 (checks|results|adapters|cases|failures|observations)\b/);
    },
    SLOW,
  );

  /** One failed result of a user's harness, and what else a run may say at length. */
  function longRun(command: string): RunEvent[] {
    const failed: CheckResult = {
      adapter: 'mine',
      model: 'OpenResponsesImageGenCallGenerating',
      id: 'Required.Parse.AcceptsFraction.output_index',
      level: 'Required',
      suite: 'Parse',
      description: 'd',
      status: 'failed',
      casesRun: 1,
      durationMs: 1,
      seed: 1,
      failure: {
        kind: 'mismatch',
        message: `a message of many words ${'word '.repeat(60)}`,
        counterexample: { value: 1 },
        path: '0',
        shrinks: 0,
        replay: 'orc1.x',
        replayCommand: command,
      },
    };
    const why = `because ${'a long reason '.repeat(20)}`;
    return [
      {
        type: 'run-started',
        run: { tool: { name: 'orc', version: '0' }, command: 'orc run', models: [failed.model], seed: 1, runs: 1, startedAt: 'now', checks: 1 },
      },
      { type: 'adapter-error', adapter: 'theirs', message: why },
      { type: 'adapter-started', adapter: { name: 'mine', implementation: 'mine', version: '0', language: 'JavaScript', operations: {} } },
      { type: 'check-finished', result: failed },
      { type: 'adapter-restarts', adapter: 'mine', restarts: [{ kind: 'crash', message: why, count: 3 }] },
      { type: 'run-finished', finishedAt: 'then', complete: false, reason: why },
    ] as unknown as RunEvent[];
  }

  it('long messages are broken between words; a long replay command between shell words, pasting to the same words', () => {
    const token = `orc1.${'A'.repeat(150)}`;
    const command = replayCommand(token, { adapter: `mine=cmd:node "/tmp/it's a dir/${'x'.repeat(40)}/h.mjs" bug`, schemas: ['a b.json', '-c.json'] });
    const t = terminalReport(longRun(command), { color: false, verbose: true });
    expect(tooWide(t)).toEqual([]);
    const printed = terminalReplay(t);
    expect(printed.split('\n').length).toBeGreaterThan(1);
    // the token, too long for a line, is broken inside with a backslash the shell joins to nothing
    expect(printed.split('\n').at(-2)).toMatch(TOKEN_PIECE);
    // the shell reads the printed lines as the one-line command's words
    const words = (c: string) => spawnSync('/bin/sh', ['-c', `printf '<%s>\\n' ${c.slice('npx orc replay '.length)}`], { encoding: 'utf8' }).stdout;
    expect(words(printed)).toBe(words(command));
    expect(words(command)).toBe(
      [`--adapter`, `mine=cmd:node "/tmp/it's a dir/${'x'.repeat(40)}/h.mjs" bug`, '--schema', 'a b.json', '--schema=-c.json', token]
        .map((w) => `<${w}>\n`)
        .join(''),
    );
    expect(t).not.toMatch(/\b1 (checks|results|adapters|failures)\b/);
  });

  it('a quoted word longer than a line, quotes inside, is broken too: the quote closed and opened again, pasting to the same word', () => {
    const long = `mine=cmd:node "/tmp/it's here/${'d'.repeat(130)}/h.mjs" ${'e'.repeat(100)}`;
    const token = `orc1.${'B'.repeat(150)}`;
    const command = replayCommand(token, { adapter: long });
    const t = terminalReport(longRun(command), { color: false, verbose: true });
    expect(tooWide(t)).toEqual([]);
    const printed = terminalReplay(t);
    expect(printed.split('\n').length).toBeGreaterThan(4);
    const words = (c: string) => spawnSync('/bin/sh', ['-c', `printf '<%s>\\n' ${c.slice('npx orc replay '.length)}`], { encoding: 'utf8' }).stdout;
    expect(words(printed)).toBe(['--adapter', long, token].map((w) => `<${w}>\n`).join(''));
  });
});
