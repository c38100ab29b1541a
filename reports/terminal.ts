import type { CheckResult, RunEvent, Status } from '../core/results.js';
import {
  adapterKey,
  baselineLines,
  behaviourClasses,
  cellText,
  collect,
  countLine,
  failureGroups,
  familyRows,
  headline,
  isKnown,
  knownFailures,
  modelsNamed,
  restartLines,
  shortModel,
  suiteCell,
  suiteRows,
  type RunData,
} from './collect.js';
import { counted, visible } from '../core/visible.js';
import { brokenWord, shellWords } from '../core/shell-word.js';
import { byFamily, modelFamily } from '../core/families.js';

export interface TerminalOptions {
  color: boolean;
  /** Every check of every model, in blocks of adapters that fit the width. */
  verbose?: boolean;
  /** How many adapter × check failure groups to print in full (default 5). */
  maxFailures?: number;
  /** Columns to fit (default 120). */
  width?: number;
}

const COLOR: Record<Status | 'known', string> = { passed: '\x1b[32m', failed: '\x1b[31;1m', unsupported: '\x1b[2m', observed: '\x1b[36m', known: '\x1b[33m' };
/** Observations of one row, coloured by behaviour: cells in one colour behave alike. */
const BEHAVIOUR_COLORS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[34m', '\x1b[96m', '\x1b[95m', '\x1b[93m', '\x1b[94m'];
const RESET = '\x1b[0m';
const fit = (text: string, width: number) => (text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`);
/** One terminal line: hostile characters escaped, cut to the width. */
const clip = (text: string, width: number) => {
  const v = visible(text, 100_000);
  return v.length <= width ? v : `${v.slice(0, width - 1)}…`;
};

/** Text too long for one line, hostile characters escaped, cut at `max` and broken between words (within a word past the width). */
function wrap(text: string, width: number, max = width * 2, indent = '  '): string[] {
  const shown = clip(text, max);
  const lead = /^ */.exec(shown)![0];
  const lines: string[] = [];
  let line = lead;
  for (const word of shown.slice(lead.length).split(' ')) {
    const fresh = line === lead || line === indent;
    if (!fresh && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += line === lead || line === indent ? word : ` ${word}`;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = indent + line.slice(width);
    }
  }
  return [...lines, line];
}

/**
 * The replay command, pasteable as printed and within the width: broken
 * between shell words with a backslash at each line's end, and a word too
 * long for a line (the token, ~150 characters; a long command line of the
 * user's own) broken inside as `brokenWord` does.
 */
function replayLines(command: string, width: number): string[] {
  const label = '  replay:  ';
  const shown = visible(command, 100_000);
  if (label.length + shown.length <= width) return [label + shown];
  const indent = ' '.repeat(label.length);
  const lines: string[] = [];
  let line = label;
  const fresh = () => line === label || line === indent;
  shellWords(shown).forEach((word, i, words) => {
    const more = i < words.length - 1 ? ' \\'.length : 0;
    if (indent.length + word.length + more > width) {
      if (!fresh()) lines.push(`${line} \\`);
      const pieces = brokenWord(word, width - more);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
      return;
    }
    if (!fresh() && line.length + 1 + word.length + more > width) {
      lines.push(`${line} \\`);
      line = indent;
    }
    line += fresh() ? word : ` ${word}`;
  });
  return [...lines, line];
}

/**
 * One screen for a person, ending in one line for CI: adapters that did not
 * start, the matrix by suite (every check with --verbose), the failures
 * grouped by adapter × check across models, each adapter's totals, and the
 * count line.
 */
export function terminalReport(events: readonly RunEvent[], options: TerminalOptions): string {
  const d = collect(events);
  const width = options.width ?? 120;
  const paint = (s: Status | 'known', text: string) => (options.color ? `${COLOR[s]}${text}${RESET}` : text);
  const keys = new Map(d.adapterNames.map((a, i) => [a, adapterKey(i)]));
  const lines: string[] = [];
  for (const e of d.adapterErrors) lines.push(...wrap(`✗ adapter ${e.adapter} did not start: ${e.message}`, width).map((l) => paint('failed', l)));
  const started = d.adapterNames.filter((a) => !d.adapterErrors.some((e) => e.adapter === a));
  if (started.length) {
    if (lines.length) lines.push('');
    lines.push(...(options.verbose ? checkMatrix(d, started, keys, options, paint, width) : suiteMatrix(d, started, keys, paint, width)));
  }
  const groups = failureGroups(d).filter((g) => !d.baseline || !g.known);
  const max = options.maxFailures ?? 5;
  if (groups.length) {
    const total = groups.reduce((n, g) => n + g.results.length, 0);
    lines.push(
      '',
      `${d.baseline ? 'New failures' : 'Failures'}: ${groups.length} adapter × check (${counted(total, 'result')})${groups.length > max ? `, the first ${max} (--max-failures N for more)` : ''}`,
    );
    for (const g of groups.slice(0, max)) lines.push('', ...groupLines(d, g, keys, paint, width));
    if (groups.length > max) lines.push('', `… ${groups.length - max} more; report.html and summary.md have every one`);
  }
  lines.push('');
  for (const a of d.adapterNames) {
    const t = d.tallies[a]!;
    const na = t.Required.unsupported + t.Recommended.unsupported + t.Informational.unsupported;
    lines.push(
      clip(
        `${keys.get(a)!.padStart(2)} ${a.padEnd(28)} Required ${t.Required.passed}/${t.Required.passed + t.Required.failed} · Recommended ${t.Recommended.passed}/${t.Recommended.passed + t.Recommended.failed} · ${t.Informational.observed} observed${na ? ` · ${na} n/a` : ''}`,
        width,
      ),
    );
  }
  lines.push(...restartLines(d).flatMap((l) => wrap(l, width)));
  if (!d.complete) lines.push(...wrap(`Incomplete run (${d.incompleteReason}).`, width));
  lines.push(
    ...baselineLines(d)
      .slice(1)
      .flatMap((l) => wrap(l, width, width * 2, '      ')),
  );
  lines.push('', ...wrap(headline(d), width), ...countLine(d).split('\n'));
  return lines.join('\n') + '\n';
}

type Paint = (s: Status | 'known', text: string) => string;

/**
 * Rows of suites, then of families of models; columns of adapters: how many
 * checks failed, or ok. Adapters come in blocks of even size that fit the
 * width, so that 28 adapters and every family fit one screen; the per-model
 * detail is summary.md's and report.html's.
 */
function suiteMatrix(d: RunData, adapters: string[], keys: Map<string, string>, paint: Paint, width: number): string[] {
  const known = knownFailures(d);
  // `Req Parse`: the level's first letters, so that twenty adapters' columns fit beside the longest suite
  const short = (row: string) => row.replace(/^Required /, 'Req ').replace(/^Recommended /, 'Rec ');
  const suites = suiteRows(d).map(([row, cells]) => [short(row), cells] as const);
  const families = familyRows(d).map(({ family, models, cells }) => [`${family} (${models.length})`, cells] as const);
  const label = Math.max(5, ...[...suites, ...(families.length > 1 ? families : [])].map(([row]) => row.length));
  const fitting = Math.max(1, Math.floor((width - label - 1) / 5));
  const perBlock = Math.ceil(adapters.length / Math.ceil(adapters.length / fitting));
  const out: string[] = [];
  for (let from = 0; from < adapters.length; from += perBlock) {
    const block = adapters.slice(from, from + perBlock);
    const head = (title: string) => `${title.padEnd(label)} ${block.map((a) => keys.get(a)!.padStart(5)).join('')}`;
    const row = (name: string, cells: Map<string, CheckResult[]>) =>
      `${name.padEnd(label)} ${block
        .map((a) => {
          const c = suiteCell(cells.get(a) ?? [], known);
          const text = c.kind === 'failed' ? `${c.count}✗` : c.kind === 'known' ? `${c.count}k` : c.kind === 'passed' ? 'ok' : '–';
          return paint(c.kind, text.padStart(5));
        })
        .join('')}`;
    if (from > 0) out.push('');
    out.push(head('suite'), ...suites.map(([name, cells]) => row(name, cells)));
    // one family's row would only add up the suite rows above it
    if (families.length > 1) out.push(head('family'), ...families.map(([name, cells]) => row(name, cells)));
  }
  out.push(clip('cells: failed checks (✗ new, k known), ok, – n/a · Req: Required, Rec: Recommended', width));
  if (families.length > 1) out.push(clip('family (models): both levels over its models; model by model: summary.md (By family) and report.html', width));
  const observed = d.results.filter((r) => r.status === 'observed').length;
  if (observed)
    out.push(clip(`Informational: ${counted(observed, 'observation')}, each with a behaviour label (--verbose, or report.html's Behaviours view)`, width));
  return out;
}

/** Every check of every model; adapters in blocks that fit the width, so nothing wraps. */
function checkMatrix(d: RunData, adapters: string[], keys: Map<string, string>, options: TerminalOptions, paint: Paint, width: number): string[] {
  const known = knownFailures(d);
  const cellWidth = 12;
  const checkWidth = Math.min(60, Math.max(...d.rows.map((r) => r.id.length), 5));
  const perBlock = Math.max(1, Math.floor((width - checkWidth - 2) / (cellWidth + 1)));
  const order = new Map(
    byFamily(d.models)
      .flatMap(([, models]) => models)
      .map((m, i) => [m, i]),
  );
  const rows = [...d.rows].sort((a, b) => order.get(a.model)! - order.get(b.model)!);
  const out: string[] = [];
  for (let from = 0; from < adapters.length; from += perBlock) {
    const block = adapters.slice(from, from + perBlock);
    if (from > 0) out.push('');
    out.push(`${'check'.padEnd(checkWidth)}  ${block.map((a) => fit(`${keys.get(a)} ${a}`, cellWidth)).join(' ')}`);
    let model = '';
    for (const row of rows) {
      if (row.model !== model) {
        model = row.model;
        const title = `${modelFamily(model)} · ${shortModel(model)}`;
        out.push(clip(`── ${title} ${'─'.repeat(Math.max(0, checkWidth - title.length - 4))}`, width));
      }
      const classes = behaviourClasses(row, block);
      const cells = block.map((a) => {
        const r = row.cells[a];
        if (!r) return ''.padEnd(cellWidth);
        if (r.status === 'failed' && isKnown(known, r)) return paint('known', fit('known', cellWidth));
        const text = fit(cellText(r), cellWidth);
        if (r.status !== 'observed' || !options.color) return paint(r.status, text);
        return `${BEHAVIOUR_COLORS[classes.get(cellText(r))! % BEHAVIOUR_COLORS.length]}${text}${RESET}`;
      });
      out.push(`${fit(row.id, checkWidth)}  ${cells.join(' ')}`);
    }
  }
  return out;
}

function groupLines(d: RunData, g: ReturnType<typeof failureGroups>[number], keys: Map<string, string>, paint: Paint, width: number): string[] {
  const r = g.results[0]!;
  const f = r.failure;
  const lines = [
    paint(
      g.known ? 'known' : 'failed',
      clip(
        `${g.known ? 'k' : '✗'} ${keys.get(g.adapter)} ${g.adapter} · ${g.id} · ${modelsNamed(
          g.results.map((x) => x.model),
          d,
        )}`,
        width,
      ),
    ),
  ];
  lines.push(clip(`  ${f.kind}: ${f.message}`, width));
  if (f.counterexample.payload) lines.push(clip(`  payload: ${f.counterexample.payload.text}`, width));
  if (f.counterexample.value !== undefined) lines.push(clip(`  value:   ${JSON.stringify(f.counterexample.value)}`, width));
  if (f.answer !== undefined) lines.push(clip(`  answer:  ${f.answer}`, width));
  if (f.stderr) lines.push(clip(`  stderr:  ${f.stderr}`, width));
  lines.push(...replayLines(f.replayCommand, width));
  return lines;
}
