import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { UsageError } from '../core/errors.js';
import { quoted } from '../core/visible.js';
import { shellWord } from '../core/shell-word.js';

/** Everything that names one case exactly: the same check, seed and path regenerate the same value. */
export interface ReplayTarget {
  adapter: string;
  model: string;
  check: string;
  seed: number;
  path: string;
  runs: number;
}

const VERSION = 1;

export function encodeReplay(t: ReplayTarget): string {
  // shrink paths run long ("0:0:0:1:0:0:…"); deflate keeps a token short enough to paste
  return `orc${VERSION}.` + deflateRawSync(JSON.stringify([t.adapter, t.model, t.check, t.seed, t.path, t.runs])).toString('base64url');
}

/** Tokens orc writes are a few hundred characters; anything far longer was not written by orc. */
const MAX_TOKEN = 16_384;
/** The most cases per property a run takes (`orc run --runs`): a token asks for no more than its run was given. */
export const MAX_RUNS = 100_000;
/**
 * A shrink path, "index:step:step:…": replaying it generates the run's first
 * `index` cases, then at each step skips `step` shrink candidates. Its cost
 * is bounded by its steps and by the candidates it skips in all. fast-check
 * bounds neither by the run's size (only the check's time budget does), so
 * these are ceilings far above what runs write: the longest path of
 * `orc run --adapter ts-openrouter-latest --seed 1` has 134 steps skipping 9
 * candidates in all. Walking the longest shrink streams of every bundled
 * check, 100,000 candidates take about 1.5 s to generate.
 */
export const MAX_SHRINK_STEPS = 4_000;
export const MAX_SHRINK_SKIPPED = 100_000;

/** Why a token's path is not one a run of `runs` cases writes (damaged, or past what orc replays), or undefined when it is. */
function pathProblem(path: string, runs: number): { damaged: string } | { tooMuch: string } | undefined {
  if (/^case:\d{1,6}$/.test(path)) return undefined;
  // the length first: a megabyte of digits is refused before it is split
  if (path.length > (MAX_SHRINK_STEPS + 1) * 8) return { tooMuch: `its case path is ${path.length} characters` };
  const parts = path.split(':');
  if (!parts.every((p) => /^\d{1,7}$/.test(p))) return { damaged: 'its case path is not numbers of up to 7 digits separated by ":"' };
  const [index, ...steps] = parts.map(Number) as [number, ...number[]];
  // a run's failing case is one of its runs: an index past them was not written by orc
  if (index >= runs) return { damaged: `its case path starts at case ${index} of a run of ${runs}` };
  if (steps.length > MAX_SHRINK_STEPS) return { tooMuch: `its case path has ${steps.length} shrink steps; orc replays at most ${MAX_SHRINK_STEPS}` };
  const skipped = steps.reduce((a, b) => a + b, 0);
  if (skipped > MAX_SHRINK_SKIPPED) return { tooMuch: `its case path skips ${skipped} shrink candidates; orc replays at most ${MAX_SHRINK_SKIPPED}` };
  return undefined;
}

const isInt32 = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= -(2 ** 31) && (n as number) < 2 ** 31;

/**
 * What a replay token names (adapter, model, check, seed, case path), bounded
 * to what a run writes; anything else is a UsageError saying so. Whether the
 * model and check exist is for the schemas at hand to say (`replayedCheck`).
 */
export function decodeReplay(token: string): ReplayTarget {
  const t = token.trim();
  if (t.length > MAX_TOKEN)
    throw new UsageError(`a replay token is a few hundred characters, this one ${t.length}; copy the token from a report or from "orc run" output`);
  const m = /^orc(\d+)\.([A-Za-z0-9_-]+)$/.exec(t);
  if (!m || Number(m[1]) !== VERSION)
    throw new UsageError(
      `${quoted(t, 60)} is not a replay token; copy the token from a report or from "orc run" output (or give the path of a file "orc fuzz" saved)`,
    );
  const damaged = (why?: string) => new UsageError(`the replay token is damaged${why ? ` (${why})` : ''}; copy it again whole`);
  // past a bound the token may be whole, and still not one "orc run" writes (runConformance and the vitest entry take any number of runs)
  const tooMuch = (why: string) => new UsageError(`the replay token asks for more than orc replays (${why}); replay a token "orc run" wrote`);
  let fields: unknown;
  try {
    fields = JSON.parse(inflateRawSync(Buffer.from(m[2]!, 'base64url'), { maxOutputLength: 1 << 20 }).toString('utf8'));
  } catch {
    throw damaged();
  }
  if (!Array.isArray(fields) || fields.length !== 6) throw damaged();
  const [adapter, model, check, seed, path, runs] = fields as unknown[];
  if (typeof adapter !== 'string' || typeof model !== 'string' || typeof check !== 'string' || typeof path !== 'string') throw damaged();
  // seeds are a check's own (checkSeed): 32-bit
  if (!isInt32(seed)) throw damaged('its seed is not a 32-bit whole number');
  if (!Number.isSafeInteger(runs) || (runs as number) < 1) throw damaged('its number of runs is not a whole number of at least 1');
  if ((runs as number) > MAX_RUNS) throw tooMuch(`${runs} cases per property; "orc run --runs" takes at most ${MAX_RUNS}`);
  const problem = pathProblem(path, runs as number);
  if (problem) throw 'damaged' in problem ? damaged(problem.damaged) : tooMuch(problem.tooMuch);
  return { adapter, model, check, seed, path, runs: runs as number };
}

/** How the run that wrote a token was started, where the token alone does not say: its replay needs the same. */
export interface ReplayContext {
  /** `--adapter` as given, for an adapter that is not bundled (`NAME=cmd:<command line>`). */
  adapter?: string;
  /** The `--schema` files, as given. */
  schemas?: readonly string[];
}

/**
 * The command that replays a token, for a POSIX shell, to be pasted where the
 * run was started: the user's own command line goes in it (never in the
 * token), quoted so that the shell hands it over unchanged. The token comes
 * last, so that a terminal can give it a line of its own.
 */
export function replayCommand(token: string, context: ReplayContext = {}): string {
  const words = ['npx', 'orc', 'replay'];
  if (context.adapter !== undefined) words.push('--adapter', shellWord(context.adapter));
  // `--schema -x.json` would read as a forgotten value
  for (const file of context.schemas ?? []) words.push(...(file.startsWith('-') ? [`--schema=${shellWord(file)}`] : ['--schema', shellWord(file)]));
  return [...words, token].join(' ');
}

/** A run's seed when none is given: printed, and in every replay token, so the run can be had again. */
export const randomSeed = () => (Date.now() ^ (Math.random() * 0x7fffffff)) & 0x7fffffff;

/** A check's own seed: the same for every adapter, so a matrix row compares like with like. */
export function checkSeed(runSeed: number, model: string, id: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${runSeed}:${model}:${id}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
