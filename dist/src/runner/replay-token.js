import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { UsageError } from '../../core/errors.js';
const VERSION = 1;
export function encodeReplay(t) {
    // shrink paths run long ("0:0:0:1:0:0:…"); deflate keeps a token short enough to paste
    return `orc${VERSION}.` + deflateRawSync(JSON.stringify([t.adapter, t.model, t.check, t.seed, t.path, t.runs])).toString('base64url');
}
/** Tokens orc writes are a few hundred characters; anything far longer was not written by orc. */
const MAX_TOKEN = 16_384;
/** A shrink path: run index, then shrink steps; or a listed case. Each step bounded, so a replay ends. */
const PATH = /^(?:case:\d{1,6}|\d{1,7}(?::\d{1,7}){0,4000})$/;
/** What a replay token names (adapter, model, check, seed, case path); a malformed token is a UsageError saying so. */
export function decodeReplay(token) {
    const t = token.trim();
    if (t.length > MAX_TOKEN)
        throw new UsageError(`a replay token is a few hundred characters, this one ${t.length}; copy the token from a report or from "orc run" output`);
    const m = /^orc(\d+)\.([A-Za-z0-9_-]+)$/.exec(t);
    if (!m || Number(m[1]) !== VERSION)
        throw new UsageError(`"${visibleStart(t)}" is not a replay token; copy the token from a report or from "orc run" output (or give the path of a file "orc fuzz" saved)`);
    try {
        const [adapter, model, check, seed, path, runs] = JSON.parse(inflateRawSync(Buffer.from(m[2], 'base64url'), { maxOutputLength: 1 << 20 }).toString('utf8'));
        if (typeof adapter !== 'string' || typeof model !== 'string' || typeof check !== 'string' || !Number.isSafeInteger(seed) || typeof path !== 'string' || !PATH.test(path))
            throw new Error();
        if (!Number.isSafeInteger(runs) || runs < 1 || runs > 10_000_000)
            throw new Error();
        // a run's failing case is one of its runs: an index past them was not written by orc
        if (!path.startsWith('case:') && Number(path.split(':')[0]) >= runs)
            throw new Error();
        return { adapter, model, check, seed, path, runs };
    }
    catch {
        throw new UsageError('the replay token is damaged; copy it again whole');
    }
}
const visibleStart = (s) => s.slice(0, 40).replace(/[^\x20-\x7e]/g, '?');
export function replayCommand(token) {
    return `npx orc replay ${token}`;
}
/** A run's seed when none is given: printed, and in every replay token, so the run can be had again. */
export const randomSeed = () => (Date.now() ^ (Math.random() * 0x7fffffff)) & 0x7fffffff;
/** A check's own seed: the same for every adapter, so a matrix row compares like with like. */
export function checkSeed(runSeed, model, id) {
    let h = 0x811c9dc5;
    for (const ch of `${runSeed}:${model}:${id}`) {
        h ^= ch.charCodeAt(0);
        h = Math.imul(h, 0x01000193);
    }
    return h | 0;
}
//# sourceMappingURL=replay-token.js.map