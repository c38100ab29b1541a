import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { readUserJson, writeAtomic } from '../../core/files.js';
export const entryName = (mutation, kind) => `${mutation}--${kind}.json`;
/**
 * Saves a failure under its distinct key (check and kind of error). A later
 * payload for the same key replaces the saved one only if it is shorter: the
 * corpus drifts toward the smallest witness, as a minimizer would.
 */
export function saveFailure(dir, adapter, c, v) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, entryName(c.mutation, v.kind));
    const isNew = !existsSync(path);
    if (!isNew && JSON.parse(readFileSync(path, 'utf8')).size <= c.bytes.length)
        return { path, isNew, replaced: false };
    const entry = {
        corpus: 1, adapter, model: c.model, mutation: c.mutation, category: c.category, expect: c.expect, detail: c.detail,
        kind: v.kind, message: v.message.slice(0, 4000), ...(v.answer !== undefined ? { answer: v.answer.slice(0, 4000) } : {}),
        ...(c.expected !== undefined && c.bytes.length < 100_000 ? { expected: c.expected } : {}),
        ...(c.field !== undefined ? { field: c.field } : {}), ...(c.literal !== undefined ? { literal: c.literal } : {}),
        payload: Buffer.from(c.bytes).toString('base64'), size: c.bytes.length, foundAt: new Date().toISOString(),
    };
    writeAtomic(path, JSON.stringify(entry, null, 2) + '\n');
    return { path, isNew, replaced: !isNew };
}
export function readEntry(path) {
    const hint = 'give a corpus file "orc fuzz" saved, or a replay token';
    const e = readUserJson(path, 'corpus file', { unreadable: hint, notJson: hint });
    if (e?.corpus !== 1 || typeof e.payload !== 'string' || typeof e.model !== 'string' || typeof e.adapter !== 'string') {
        throw new UsageError(`${path} is not an orc fuzz corpus entry (it needs "corpus": 1, "adapter", "model" and "payload")`);
    }
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(e.payload)) {
        throw new UsageError(`${path}: "payload" is not base64, so the case cannot be rebuilt; take the file as "orc fuzz" saved it`);
    }
    if (typeof e.mutation !== 'string' || typeof e.detail !== 'string')
        throw new UsageError(`${path} is not an orc fuzz corpus entry (it needs "mutation" and "detail")`);
    return e;
}
/** The case a saved entry stands for, rebuilt from its bytes. */
export function caseOf(e) {
    return {
        mutation: e.mutation, category: e.category, expect: e.expect, model: e.model, detail: e.detail,
        bytes: new Uint8Array(Buffer.from(e.payload, 'base64')), ...(e.expected !== undefined ? { expected: e.expected } : {}),
        ...(typeof e.field === 'string' ? { field: e.field } : {}), ...(typeof e.literal === 'string' ? { literal: e.literal } : {}),
    };
}
//# sourceMappingURL=corpus.js.map