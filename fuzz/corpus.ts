import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, EXPECTATIONS, type Expectation, type FuzzCase, type MutationCategory } from '../arbitraries/wire/mutations.js';
import { isBase64 } from '../core/base64.js';
import { lineSafe, type Json } from '../core/json.js';
import { UsageError } from '../core/errors.js';
import { writeAtomic } from '../core/files.js';
import type { SchemaSet } from '../core/models.js';
import { quoted, visible } from '../core/visible.js';
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
export function saveFailure(
  dir: string,
  adapter: string,
  c: FuzzCase,
  v: Extract<FuzzVerdict, { status: 'fail' }>,
): { path: string; isNew: boolean; replaced: boolean } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, entryName(c.mutation, v.kind));
  const isNew = !existsSync(path);
  if (!isNew && JSON.parse(readFileSync(path, 'utf8')).size <= c.bytes.length) return { path, isNew, replaced: false };
  const entry: CorpusEntry = {
    corpus: 1,
    adapter,
    model: c.model,
    mutation: c.mutation,
    category: c.category,
    expect: c.expect,
    detail: c.detail,
    kind: v.kind,
    message: v.message.slice(0, 4000),
    ...(v.answer !== undefined ? { answer: v.answer.slice(0, 4000) } : {}),
    ...(c.expected !== undefined && c.bytes.length < 100_000 ? { expected: c.expected } : {}),
    ...(c.field !== undefined ? { field: c.field } : {}),
    ...(c.literal !== undefined ? { literal: c.literal } : {}),
    payload: Buffer.from(c.bytes).toString('base64'),
    size: c.bytes.length,
    foundAt: new Date().toISOString(),
  };
  writeAtomic(path, lineSafe(JSON.stringify(entry, null, 2)) + '\n');
  return { path, isNew, replaced: !isNew };
}

/**
 * The largest payload "orc fuzz" makes is Size.HugeString's: a base value
 * holding a string of 10,000,000 bytes (`SIZE_MUTATIONS`). The limit is three
 * times that, so that the same case with its string spelled in escapes, as a
 * hand-made entry may spell it, replays too. An entry holds the payload in
 * base64, with its message and answer cut at 4,000 characters and its
 * expected value only under 100,000 bytes: a file far larger, or a payload
 * past this, was not saved by orc fuzz, and is refused before it is read whole.
 */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
export const MAX_ENTRY_BYTES = Math.ceil(MAX_PAYLOAD_BYTES / 3) * 4 + 4 * 1024 * 1024;

const OPTIONAL_TEXT = ['answer', 'field', 'literal'] as const;
const TEXT = ['adapter', 'model', 'mutation', 'detail', 'kind', 'message', 'payload', 'foundAt'] as const;

/** The bytes a base64 text of this length and padding decodes to. */
const decodedLength = (b64: string) => (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

function readJson(path: string, hint: string): unknown {
  const shown = quoted(path);
  const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new UsageError(`cannot read corpus file ${shown}: ${code(e)}; ${hint}`);
  }
  if (size > MAX_ENTRY_BYTES)
    throw new UsageError(
      `corpus file ${shown} is ${size} bytes; an entry "orc fuzz" saves is at most ${MAX_ENTRY_BYTES} (a payload of at most ${MAX_PAYLOAD_BYTES} bytes); ${hint}`,
    );
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read corpus file ${shown}: ${code(e)}; ${hint}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    // JSON.parse quotes the text it stopped at: the file's own bytes, escapes included
    throw new UsageError(`corpus file ${shown} is not JSON (${visible((e as Error).message, 120)}); ${hint}`);
  }
}

/**
 * A saved failure, every field checked before anything runs: a file from
 * someone else that names an expectation or a model orc does not have would
 * otherwise pass for a verdict (an unknown expectation "passes", an unknown
 * model fails in the adapter). With `set`, the model must be one of its models.
 */
export function readEntry(path: string, set?: SchemaSet): CorpusEntry {
  const hint = 'give a corpus file "orc fuzz" saved, or a replay token';
  const e = readJson(path, hint) as Record<string, unknown> | null;
  const bad = (what: string, fix = 'take the file as "orc fuzz" saved it') =>
    new UsageError(`${quoted(path)} is not an orc fuzz corpus entry (${what}); ${fix}`);
  if (typeof e !== 'object' || e === null || Array.isArray(e) || e.corpus !== 1) throw bad('it needs "corpus": 1, "adapter", "model" and "payload"', hint);
  for (const k of TEXT) if (typeof e[k] !== 'string') throw bad(`it needs "${k}", a string`);
  for (const k of OPTIONAL_TEXT) if (e[k] !== undefined && typeof e[k] !== 'string') throw bad(`"${k}" is not a string`);
  const text = e as Record<(typeof TEXT)[number], string>;
  if (!(EXPECTATIONS as readonly unknown[]).includes(e.expect)) throw bad(`"expect" is ${quotedJson(e.expect)}; it is one of ${EXPECTATIONS.join(', ')}`);
  if (!(CATEGORIES as readonly unknown[]).includes(e.category)) throw bad(`"category" is ${quotedJson(e.category)}; it is one of ${CATEGORIES.join(', ')}`);
  if (set && !set.models.some((m) => m.name === text.model))
    throw bad(`"model" is ${quoted(text.model)}, which this orc does not have; "orc list" names the models`);
  // the length first: a payload past the limit is refused before it is scanned or decoded
  if (text.payload.length > Math.ceil(MAX_PAYLOAD_BYTES / 3) * 4) throw bad(`its payload is over ${MAX_PAYLOAD_BYTES} bytes, more than orc fuzz makes`);
  if (!isBase64(text.payload)) {
    throw new UsageError(`${quoted(path)}: "payload" is not base64, so the case cannot be rebuilt; take the file as "orc fuzz" saved it`);
  }
  if (decodedLength(text.payload) > MAX_PAYLOAD_BYTES) throw bad(`its payload is over ${MAX_PAYLOAD_BYTES} bytes, more than orc fuzz makes`);
  if (e.size !== decodedLength(text.payload)) throw bad(`"size" is ${quotedJson(e.size)}, and its payload is ${decodedLength(text.payload)} bytes`);
  return e as unknown as CorpusEntry;
}

/** A field's value as it stands in the file, for a message: JSON, cut and escaped. */
const quotedJson = (v: unknown) => (v === undefined ? 'missing' : visible(JSON.stringify(v) ?? String(v), 60));

/** The case a saved entry stands for, rebuilt from its bytes. */
export function caseOf(e: CorpusEntry): FuzzCase {
  return {
    mutation: e.mutation,
    category: e.category,
    expect: e.expect,
    model: e.model,
    detail: e.detail,
    bytes: new Uint8Array(Buffer.from(e.payload, 'base64')),
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(typeof e.field === 'string' ? { field: e.field } : {}),
    ...(typeof e.literal === 'string' ? { literal: e.literal } : {}),
  };
}
