import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { UsageError } from '../errors.ts';

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

export function decodeReplay(token: string): ReplayTarget {
  const m = /^orc(\d+)\.([A-Za-z0-9_-]+)$/.exec(token.trim());
  if (!m || Number(m[1]) !== VERSION) throw new UsageError(`"${token.slice(0, 40)}" is not a replay token; copy the token from a report or from "orc run" output (or give the path of a file "orc fuzz" saved)`);
  try {
    const [adapter, model, check, seed, path, runs] = JSON.parse(inflateRawSync(Buffer.from(m[2]!, 'base64url')).toString('utf8'));
    if (typeof adapter !== 'string' || typeof check !== 'string' || typeof seed !== 'number' || typeof path !== 'string') throw new Error();
    return { adapter, model, check, seed, path, runs };
  } catch {
    throw new UsageError('the replay token is damaged; copy it again whole');
  }
}

export function replayCommand(token: string): string {
  return `npx orc replay ${token}`;
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
