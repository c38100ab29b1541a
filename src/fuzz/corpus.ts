import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expectation, FuzzCase, MutationCategory } from '../../arbitraries/wire/mutations.js';
import type { Json } from '../../core/json.js';
import { UsageError } from '../../core/errors.js';
import { readUserJson, writeAtomic } from '../../core/files.js';
import type { FuzzVerdict } from './judge.js';

/** One distinct failure, as saved: enough to rerun it with nothing else at hand. */
export interface CorpusEntry {
  corpus: 1;
  adapter: string;
  model: string;
  mutation: string;
  category: MutationCategory;
  expect: Expectation;
  detail: string;
  kind: string;
  message: string;
  answer?: string;
  expected?: Json;
  /** The field the mutation aimed at, and a number mutation's literal: what names an accepted value. */
  field?: string;
  literal?: string;
  /** The payload, base64: it may not be UTF-8 at all. */
  payload: string;
  size: number;
  foundAt: string;
}

export const entryName = (mutation: string, kind: string) => `${mutation}--${kind}.json`;

/**
 * Saves a failure under its distinct key (check and kind of error). A later
 * payload for the same key replaces the saved one only if it is shorter: the
 * corpus drifts toward the smallest witness, as a minimizer would.
 */
export function saveFailure(dir: string, adapter: string, c: FuzzCase, v: Extract<FuzzVerdict, { status: 'fail' }>): { path: string; isNew: boolean; replaced: boolean } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, entryName(c.mutation, v.kind));
  const isNew = !existsSync(path);
  if (!isNew && JSON.parse(readFileSync(path, 'utf8')).size <= c.bytes.length) return { path, isNew, replaced: false };
  const entry: CorpusEntry = {
    corpus: 1, adapter, model: c.model, mutation: c.mutation, category: c.category, expect: c.expect, detail: c.detail,
    kind: v.kind, message: v.message.slice(0, 4000), ...(v.answer !== undefined ? { answer: v.answer.slice(0, 4000) } : {}),
    ...(c.expected !== undefined && c.bytes.length < 100_000 ? { expected: c.expected } : {}),
    ...(c.field !== undefined ? { field: c.field } : {}), ...(c.literal !== undefined ? { literal: c.literal } : {}),
    payload: Buffer.from(c.bytes).toString('base64'), size: c.bytes.length, foundAt: new Date().toISOString(),
  };
  writeAtomic(path, JSON.stringify(entry, null, 2) + '\n');
  return { path, isNew, replaced: !isNew };
}

export function readEntry(path: string): CorpusEntry {
  const hint = 'give a corpus file "orc fuzz" saved, or a replay token';
  const e = readUserJson(path, 'corpus file', { unreadable: hint, notJson: hint }) as CorpusEntry;
  if (e?.corpus !== 1 || typeof e.payload !== 'string' || typeof e.model !== 'string' || typeof e.adapter !== 'string') {
    throw new UsageError(`${path} is not an orc fuzz corpus entry (it needs "corpus": 1, "adapter", "model" and "payload")`);
  }
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(e.payload)) {
    throw new UsageError(`${path}: "payload" is not base64, so the case cannot be rebuilt; take the file as "orc fuzz" saved it`);
  }
  if (typeof e.mutation !== 'string' || typeof e.detail !== 'string') throw new UsageError(`${path} is not an orc fuzz corpus entry (it needs "mutation" and "detail")`);
  return e;
}

/** The case a saved entry stands for, rebuilt from its bytes. */
export function caseOf(e: CorpusEntry): FuzzCase {
  return {
    mutation: e.mutation, category: e.category, expect: e.expect, model: e.model, detail: e.detail,
    bytes: new Uint8Array(Buffer.from(e.payload, 'base64')), ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(typeof e.field === 'string' ? { field: e.field } : {}), ...(typeof e.literal === 'string' ? { literal: e.literal } : {}),
  };
}
