import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../core/errors.js';

/** Edit distance, for "did you mean": small words only, so the table stays small. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest of `known` to `word`, when it is close enough to be what was meant. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(word, k);
    if (!best || d < best.d) best = { k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.k : undefined;
}

type Parsed<T extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>
>;

/**
 * `--seed -5` and `--runs -1` as the user means them: node's parseArgs takes
 * a value that starts with a dash for a forgotten one ("argument is
 * ambiguous"), so a negative number after an option that takes a value is
 * joined to it, and the option's own check says what is wrong with it.
 */
function withNegativeValues(argv: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const valued = new Set(
    Object.entries(options)
      .filter(([, o]) => o.type === 'string')
      .map(([k]) => `--${k}`),
  );
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (valued.has(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

/** node's parseArgs, its errors turned into one line that says what to do. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T, positionals = 0): Parsed<T> {
  const help = `see "orc ${command} --help"`;
  try {
    const r = parseArgs({ args: withNegativeValues(argv, options), options, allowPositionals: positionals > 0, strict: true });
    if (r.positionals.length > positionals)
      throw new UsageError(`"orc ${command}" takes ${positionals || 'no'} argument(s), got ${r.positionals.join(' ')}; ${help}`);
    return r;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const message = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = closest(unknown.replace(/^-+/, ''), Object.keys(options));
      throw new UsageError(`unknown option ${unknown}${near ? `; did you mean --${near}?` : ''} (${help})`);
    }
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message)?.[1];
    if (missing) throw new UsageError(`${missing} needs a value; ${help}`);
    throw new UsageError(
      `${message
        .replace(/\s+/g, ' ')
        .replace(/\.$/, '')
        .replace(/ To specify a positional argument.*$/, '')}; ${help}`,
    );
  }
}

/** Colour as CI and terminals ask for it: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(values: { color?: boolean | undefined; 'no-color'?: boolean | undefined }): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false') return true;
  return process.stdout.isTTY === true;
}

export const COLOR_OPTIONS = { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } } as const;

export function intOption(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} takes a whole number${min > -Infinity ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return Number(value);
}

/** Where every command writes and reads reports unless told: under the folder the user stands in, never inside the package. */
export const outDir = (given: string | undefined): string => resolve(given ?? join('reports', 'out'));
