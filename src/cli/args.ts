import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';

/** node's parseArgs, its errors turned into one line that says what to do. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T, positionals = 0) {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: positionals > 0, strict: true });
    if (r.positionals.length > positionals) throw new UsageError(`"orc ${command}" takes ${positionals || 'no'} argument(s), got ${r.positionals.join(' ')}; see "orc help"`);
    return r;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${(e as Error).message.replace(/\s+/g, ' ').replace(/\.$/, '')}; see "orc help"`);
  }
}

export function intOption(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} takes a whole number${min > -Infinity ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return Number(value);
}
