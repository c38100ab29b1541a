import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asDoubles, LosslessNumber, type Answer } from '../../core/json.js';
import { SCHEMA_DIR } from '../../core/models.js';
import { createAjv } from '../../core/oracle.js';
import { isBase64 } from '../../core/base64.js';
import { readJson } from '../../core/read-json.js';
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
  | { id: number; ok: true; value: Answer; as?: string }
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: true; events: DecodedEvent[] }
  | { id: number; ok: false; error: AdapterError };

type Validator = ReturnType<ReturnType<typeof createAjv>['compile']>;
let validators: Record<'hello' | 'request' | 'reply', Validator> | undefined;

/** Compiled when a message is first checked, not when a command that starts no harness loads this (orc list). */
function protocolValidators(): Record<'hello' | 'request' | 'reply', Validator> {
  // the package's own schemas, held to the meta-schema by test/models-valid.test.ts
  const ajv = createAjv({ allErrors: true, validateSchema: false });
  return Object.fromEntries(
    (['hello', 'request', 'reply'] as const).map((n) => [n, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'protocol', `${n}.schema.json`), 'utf8')))]),
  ) as Record<'hello' | 'request' | 'reply', Validator>;
}

/** Checks one message against its schema in schema/protocol/; the first problem, or undefined. */
export function protocolProblem(kind: 'hello' | 'request' | 'reply', message: unknown): string | undefined {
  const v = (validators ??= protocolValidators())[kind];
  if (v(asDoubles(message as Answer))) return undefined;
  const e = v.errors![0]!;
  return `${kind} breaks schema/protocol/${kind}.schema.json: ${e.instancePath || '/'} ${e.message}`;
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

const ERROR_KINDS = new Set(['parse_error', 'serialize_error', 'unsupported', 'exception', 'unrepresentable']);

/**
 * A reply line, its numbers read losslessly: an int64 the harness answers is
 * kept digit for digit. Throws ProtocolError on anything that is not a reply.
 */
export function readReply(line: string, check: boolean): Reply {
  let msg: any;
  try {
    msg = readJson(line);
  } catch (e) {
    // every size and depth JSON.parse reads is read: what is left is text that is not JSON, or a line past what this process can hold
    if (e instanceof SyntaxError) throw new ProtocolError(`not JSON: ${JSON.stringify(line.slice(0, 120))}`);
    throw new ProtocolError(`a reply of ${line.length} characters that orc cannot hold (${(e as Error).message}): ${JSON.stringify(line.slice(0, 120))}`);
  }
  if (check) {
    const problem = protocolProblem('reply', msg);
    if (problem) throw new ProtocolError(problem);
  }
  const id = typeof msg?.id === 'number' ? msg.id : msg?.id instanceof LosslessNumber ? Number(msg.id.toString()) : NaN;
  if (typeof msg !== 'object' || msg === null || !Number.isInteger(id) || typeof msg.ok !== 'boolean') {
    throw new ProtocolError(`not a reply (needs an integer "id" and a boolean "ok"): ${line.slice(0, 120)}`);
  }
  if (msg.ok && 'value' in msg) return { id, ok: true, value: msg.value, ...(typeof msg.as === 'string' ? { as: msg.as } : {}) };
  if (msg.ok && typeof msg.bytes === 'string') {
    // Node's decoder skips what is not base64; the harness's mistake must not become the SDK's output
    if (!isBase64(msg.bytes)) throw new ProtocolError(`reply ${id}: "bytes" is not base64: ${JSON.stringify(msg.bytes.slice(0, 60))}`);
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

/**
 * The hello, checked against schema/protocol/hello.schema.json and, given
 * the run's models, against them: an operation declared for a model the run
 * does not have would leave every check of it n/a while the harness looks
 * complete (`sse: ["text/event-stream"]` names the request, not a model).
 */
export function readHello(line: string, models?: readonly string[]): Hello {
  let msg: any;
  try {
    msg = JSON.parse(line);
  } catch {
    throw new ProtocolError(`the first line is not a JSON hello: ${JSON.stringify(line.slice(0, 120))}`);
  }
  // always checked, whatever --check-protocol says: a report is built on what the hello declares
  const problem = protocolProblem('hello', msg);
  if (problem) {
    throw new ProtocolError(
      msg?.protocol !== undefined && msg.protocol !== PROTOCOL_VERSION
        ? `the harness speaks protocol ${msg.protocol}; this orc speaks ${PROTOCOL_VERSION}`
        : problem,
    );
  }
  const hello = msg as Hello;
  if (models) {
    for (const [op, names] of Object.entries(hello.operations)) {
      // an event type the run has no model of is the SDK modelling more than this run checks: not a mistake
      const unknown = names?.find((n) => !models.includes(n) && !isEventType(n));
      if (unknown !== undefined)
        throw new ProtocolError(`the hello declares ${op} for ${JSON.stringify(unknown)}, which is not a model of this run; its models: ${models.join(', ')}`);
    }
  }
  return hello;
}

/** Spelled as a wire event type (`response.output_text.delta`, `error`, `acme:trace_event`), not as a model's title. */
export function isEventType(name: string): boolean {
  return /^[a-z][a-z0-9_]*(?:[.:][a-z0-9_]+)*$/.test(name);
}

/**
 * What a hello declares, by model title: an entry naming an event type
 * stands for the run's model of that type, so a harness lists the event
 * types its SDK's union models, as data, and a new model of one of them
 * costs it no code.
 */
export function declaredModels(operations: Hello['operations'], eventTypes: Readonly<Record<string, string>> = {}): Partial<Record<Operation, string[]>> {
  const byType = new Map(Object.entries(eventTypes).map(([model, type]) => [type, model]));
  const out: Partial<Record<Operation, string[]>> = {};
  for (const [op, names] of Object.entries(operations) as [Operation, string[] | undefined][]) {
    if (names) out[op] = [...new Set(names.flatMap((n) => (byType.has(n) ? [byType.get(n)!] : isEventType(n) && op !== 'sse' ? [] : [n])))];
  }
  return out;
}
