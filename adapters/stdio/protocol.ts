import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asDoubles, LosslessNumber, type Answer } from '../../core/json.js';
import { SCHEMA_DIR } from '../../core/models.js';
import { createAjv } from '../../core/oracle.js';
import { parseReplyText } from './reply-text.js';
import type { AdapterError, DecodedEvent, Operation } from '../../core/contract.js';

export const PROTOCOL_VERSION = 1;

export interface Hello {
  type: 'hello';
  protocol: number;
  implementation: { name: string; language: string; version: string };
  operations: Partial<Record<Operation, string[]>>;
  sseData?: 'text' | 'json';
}

export type Reply =
  | { id: number; ok: true; value: Answer }
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: true; events: DecodedEvent[] }
  | { id: number; ok: false; error: AdapterError };

const ajv = createAjv({ allErrors: true });
const validators = Object.fromEntries(
  (['hello', 'request', 'reply'] as const).map((n) => [n, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'protocol', `${n}.schema.json`), 'utf8')))]),
) as Record<'hello' | 'request' | 'reply', ReturnType<typeof ajv.compile>>;

/** Checks one message against its schema in schema/protocol/; the first problem, or undefined. */
export function protocolProblem(kind: 'hello' | 'request' | 'reply', message: unknown): string | undefined {
  const v = validators[kind];
  if (v(asDoubles(message as Answer))) return undefined;
  const e = v.errors![0]!;
  return `${kind} breaks schema/protocol/${kind}.schema.json: ${e.instancePath || '/'} ${e.message}`;
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const ERROR_KINDS = new Set(['parse_error', 'serialize_error', 'unsupported', 'exception']);

/**
 * A reply line, its numbers read losslessly: an int64 the harness answers is
 * kept digit for digit. Throws ProtocolError on anything that is not a reply.
 */
export function readReply(line: string, check: boolean): Reply {
  let msg: any;
  try {
    msg = parseReplyText(line);
  } catch {
    throw new ProtocolError(`not JSON: ${JSON.stringify(line.slice(0, 120))}`);
  }
  if (check) {
    const problem = protocolProblem('reply', msg);
    if (problem) throw new ProtocolError(problem);
  }
  const id = typeof msg?.id === 'number' ? msg.id : msg?.id instanceof LosslessNumber ? Number(msg.id.toString()) : NaN;
  if (typeof msg !== 'object' || msg === null || !Number.isInteger(id) || typeof msg.ok !== 'boolean') {
    throw new ProtocolError(`not a reply (needs an integer "id" and a boolean "ok"): ${line.slice(0, 120)}`);
  }
  if (msg.ok && 'value' in msg) return { id, ok: true, value: msg.value };
  if (msg.ok && typeof msg.bytes === 'string') {
    // Node's decoder skips what is not base64; the harness's mistake must not become the SDK's output
    if (!BASE64.test(msg.bytes)) throw new ProtocolError(`reply ${id}: "bytes" is not base64: ${JSON.stringify(msg.bytes.slice(0, 60))}`);
    return { id, ok: true, bytes: new Uint8Array(Buffer.from(msg.bytes, 'base64')) };
  }
  if (msg.ok && Array.isArray(msg.events) && msg.events.every((e: any) => typeof e?.data === 'string' && (e.event === null || typeof e.event === 'string'))) {
    return { id, ok: true, events: msg.events.map((e: any) => ({ event: e.event, data: e.data })) };
  }
  if (!msg.ok && msg.error && ERROR_KINDS.has(msg.error.kind) && typeof msg.error.message === 'string') {
    return { id, ok: false, error: { kind: msg.error.kind, message: msg.error.message } };
  }
  throw new ProtocolError(`reply ${id} has neither "value", "bytes", "events" nor a known "error": ${line.slice(0, 120)}`);
}

export function readHello(line: string): Hello {
  let msg: any;
  try {
    msg = JSON.parse(line);
  } catch {
    throw new ProtocolError(`the first line is not a JSON hello: ${JSON.stringify(line.slice(0, 120))}`);
  }
  // always checked, whatever --check-protocol says: a report is built on what the hello declares
  const problem = protocolProblem('hello', msg);
  if (problem) {
    throw new ProtocolError(msg?.protocol !== undefined && msg.protocol !== PROTOCOL_VERSION ? `the harness speaks protocol ${msg.protocol}; this orc speaks ${PROTOCOL_VERSION}` : problem);
  }
  return msg as Hello;
}
