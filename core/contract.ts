import type { Answer } from './json.js';
import type { SchemaSet } from './models.js';

/**
 * What an implementation can be asked. `parse` and `serialize` are the
 * contract's core; `reserialize` (bytes → the implementation's parser → its
 * serializer → bytes, its native object in between) shows what a real
 * program that reads and writes events again does with them. `sse` is the
 * implementation's text/event-stream decoder: network chunks in, events out.
 * `union` is its stream-event union: one event's data in, whatever its type,
 * what a program iterating the stream gets out.
 */
export type Operation = 'parse' | 'serialize' | 'reserialize' | 'sse' | 'union';

/** What an adapter says of itself: its name (a matrix column), the implementation and version under test, and the operations it supports per model. */
export interface AdapterInfo {
  name: string;
  language: string;
  /** The implementation under test: a package name, module path, ... */
  implementation: string;
  version: string;
  /** For each operation, the models (by schema title) it supports. */
  operations: Partial<Record<Operation, string[]>>;
  /**
   * What the SDK's event-stream decoder hands on as an event's data: its
   * text (the default), or `json`, a value it parsed and wrote again (a
   * Speakeasy Go stream marshals each event before its unmarshaller reads
   * it). Data that is JSON is then compared as a JSON value, since no
   * program using the SDK can see its text.
   */
  sseData?: 'text' | 'json';
  /**
   * The event types the SDK's stream-event union models, as the SDK's own
   * data lists them (wire `type`s, of this run's models or not): present when
   * the adapter answers `union`.
   */
  unionTypes?: string[];
}

/**
 * Why an operation gave no result. `parse_error` and `serialize_error` are
 * the implementation refusing the input the way it documents;
 * `unrepresentable` is a value the SDK's native type cannot hold (0.5 in an
 * int64 field), so it was never handed to the serializer; everything else is
 * a defect of the implementation or its harness.
 */
export type ErrorKind = 'parse_error' | 'serialize_error' | 'unsupported' | 'unrepresentable' | 'exception' | 'crash' | 'timeout' | 'protocol' | 'oversized';

/** An operation's failure: its kind, a message, and for a harness what it wrote on stderr. */
export interface AdapterError {
  kind: ErrorKind;
  message: string;
  /** What the implementation wrote on stderr around the failure (out-of-process only). */
  stderr?: string;
}

/** What a parse gave: the value, read field by field through the implementation, or its error. */
export type ParseOutcome = { ok: true; value: Answer } | { ok: false; error: AdapterError };
/** What a serialize gave: the bytes the implementation wrote, or its error. */
export type SerializeOutcome = { ok: true; bytes: Uint8Array } | { ok: false; error: AdapterError };
/** An event as a decoder gives it: its `event:` field (null when none) and its data. */
export interface DecodedEvent {
  event: string | null;
  data: string;
}
/** What the event-stream decoder gave: every event, in order, or its error. */
export type SseOutcome = { ok: true; events: DecodedEvent[] } | { ok: false; error: AdapterError };

/** What the union made of one event: the value a program gets and the class, variant or member it is (`as`), or its error. */
export type UnionOutcome = { ok: true; value: Answer; as: string } | { ok: false; error: AdapterError };

/**
 * The one shape every implementation is reached through, in process or not.
 * A result may be a promise: an out-of-process adapter answers later, and the
 * runner keeps many requests in flight. The values handed in are shared by
 * every adapter of a run, and frozen: an adapter must not write to them.
 */
export interface Adapter {
  readonly info: AdapterInfo;
  /** Payload bytes in; the parsed object rendered field by field through the implementation's accessors. */
  parse(model: string, payload: Uint8Array): ParseOutcome | Promise<ParseOutcome>;
  /**
   * A value in wire shape in; the bytes the implementation's serializer writes for its native object.
   * Numbers are doubles, or a LosslessNumber where a check means digits a double cannot hold; an
   * implementation in JavaScript reads those as JSON.parse would (`asDoubles`).
   */
  serialize(model: string, value: Answer): SerializeOutcome | Promise<SerializeOutcome>;
  reserialize?(model: string, payload: Uint8Array): SerializeOutcome | Promise<SerializeOutcome>;
  /** The chunks of one stream, in order, as the network delivered them; every event the decoder yields. */
  sse?(chunks: Uint8Array[]): SseOutcome | Promise<SseOutcome>;
  /** One event's data through the SDK's stream-event union, whatever its type: what a program iterating the stream gets. */
  union?(payload: Uint8Array): UnionOutcome | Promise<UnionOutcome>;
  /** Gives up what is waiting or in flight, each answered as a timeout with `reason`: a check's time budget ran out. */
  abandon?(reason: string): void;
  /** Answers what is waiting and not yet sent with `reason`, unasked: a check has its verdict, and their answers no longer matter. */
  withdraw?(reason: string): void;
  /**
   * A view of the adapter for one case that does not send a request the implementation is known to hang on (a
   * hang class): it answers it at once as a timeout whose message begins "not sent", and `unsent` says so. The
   * runner keeps such a case only when it says nothing (vacuous); otherwise it runs it again, sending everything.
   */
  spared?(): { adapter: Adapter; unsent(): string | undefined };
  /** Every time the implementation's process had to be restarted, by cause: what a report must not lose. */
  restarts?(): Restart[];
  close?(): void | Promise<void>;
}

/** Failures that come of the harness's process and its state (a death, a hang, a garbled or oversized answer), each of which restarts it. */
export const RESTART_KINDS = ['crash', 'timeout', 'protocol', 'oversized'] as const satisfies readonly ErrorKind[];
export type RestartKind = (typeof RESTART_KINDS)[number];

/** One cause of restarts, and how often it happened. */
export interface Restart {
  kind: RestartKind;
  message: string;
  count: number;
}

/** What a factory is given to start an adapter. */
export interface AdapterEnv {
  set: SchemaSet;
  /** Validate every protocol message against schema/protocol/ (out-of-process adapters). */
  checkProtocol?: boolean;
  /** Per-request time limit for out-of-process adapters. */
  timeoutMs?: number;
}

/** Starts an adapter: how `orc run --adapter` and `runConformance` reach an implementation; `name` is its matrix column. */
export interface AdapterFactory {
  name: string;
  summary: string;
  create(env: AdapterEnv): Promise<Adapter>;
  /**
   * What `--adapter` takes to start this adapter again, where its name alone
   * does not (a harness of the user's own, `NAME=cmd:<command line>`): the
   * printed replay command names it, since a token never starts a program.
   */
  adapterSpec?: string;
  /**
   * Why this copy of the package cannot run the adapter at all, in one line,
   * or undefined when it can: a bundled SDK adapter runs from a clone of the
   * repository, where `npm ci` installs the SDKs under test.
   */
  missing?(): string | undefined;
}

/** What a bundled adapter that needs a clone says from an install. */
export function fromCloneOnly(name: string, what: string): string {
  return `${name} runs from a clone of the openresponses-conformance repository (npm ci, then npm run adapters:setup), where ${what} is installed; this install has reference and NAME=cmd:<your harness>`;
}

/** Whether the adapter declares `op` for `model`: a check that needs an undeclared operation is reported n/a, not failed. */
export function supports(info: AdapterInfo, op: Operation, model: string): boolean {
  return info.operations[op]?.includes(model) ?? false;
}

/** Whether the adapter has `op` at all, for any model: its union is there even when it models none of the run's events. */
export function hasOperation(info: AdapterInfo, op: Operation): boolean {
  return op === 'union' ? info.unionTypes !== undefined : info.operations[op] !== undefined;
}

/** An outcome that failed with `kind`: what an adapter returns when the implementation refuses, or lacks, an operation. */
export function failure(kind: ErrorKind, message: string): { ok: false; error: AdapterError } {
  return { ok: false, error: { kind, message } };
}

/** One line, whatever the implementation put in its message (Zod prints its issues as indented JSON). */
export function describeThrown(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/\s+/g, ' ').trim();
}
