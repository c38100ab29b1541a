import type { Json } from './json.js';
import { isExtensionType, RESPONSE_RULES, ResponseStreamRules, type ResponseRule } from './response-stream-rules.js';

/** The four image-generation events, by the suffix of their `type`. */
export const STAGES = ['in_progress', 'generating', 'partial_image', 'completed'] as const;
export type Stage = (typeof STAGES)[number];
export const EVENT_PREFIX = 'response.image_generation_call.';

export type ImageRule = 'SequenceNumberIncreasing' | 'ItemOrder' | 'ItemConsistency' | 'ItemNotCompleted' | 'StreamFailed';
export type StreamRule = ImageRule | ResponseRule;

/** The image-generation rules (the item rules read image-generation events alone), then the spec's rules of a whole stream. */
export const RULES: Record<StreamRule, string> = {
  SequenceNumberIncreasing: 'sequence_number strictly increases across the stream',
  ItemOrder: 'each image-generation item goes in_progress → generating → partial_image* → completed',
  ItemConsistency: 'an image-generation item keeps one output_index, and no two items of one response share one',
  ItemNotCompleted: 'every image-generation item that started is completed before the stream ends',
  StreamFailed: 'no error event (or response.failed) leaves an image-generation item unfinished',
  ...RESPONSE_RULES,
};
export { isExtensionType };

/** The event that opens a response's stream: a capture holding several responses has one per response. */
const RESPONSE_START = 'response.created';

/** Events that end a stream in failure, by their type (or the SSE event name). */
const FAILURE_TYPES = new Set(['error', 'response.failed']);

export interface Violation {
  /** 0-based index of the offending event in the stream. */
  index: number;
  rule: StreamRule;
  message: string;
  /** The line of that event in the capture, when the caller said it. */
  line?: number;
}

/** What the reader knows of an event besides its value. */
export interface EventContext {
  /**
   * The members its model rejects, by top-level name ('' for the event as a
   * whole): the rules do not read them, so one broken value is one problem
   * (the model's), not one for every later event it would mislead.
   */
  broken?: readonly string[];
  /** The event could not be read (not JSON, too large): it takes its place, and may have been any event. */
  unreadable?: boolean;
  /** Its line in the capture, carried to what the end of the stream points back at. */
  line?: number;
}

/** The most items followed at once: past it a capture of a million items that never complete is not held in memory. */
export const MAX_ITEMS = 100_000;

export interface StreamValidatorOptions {
  maxItems?: number;
  /**
   * The event types the caller holds to models: the spec's rules of a whole
   * stream (RESPONSE_RULES) read events of these types alone, as a rule can
   * only speak of what is checked. Without it, only the image-generation
   * rules and sequence_number apply, as before those rules were written.
   */
  modelled?: Iterable<string>;
}

/** Which stages may follow which: undefined is an item not seen yet. */
const NEXT: Record<Stage | 'start', readonly Stage[]> = {
  start: ['in_progress'],
  in_progress: ['generating'],
  generating: ['partial_image', 'completed'],
  partial_image: ['partial_image', 'completed'],
  completed: [],
};

/** Each stage's place in an item's life; partial_image may be skipped or repeated. */
const POSITION: Record<Stage | 'start', number> = { start: 0, in_progress: 1, generating: 2, partial_image: 3, completed: 4 };

/** The stages an item must pass between `from` and `to` (both excluded), or undefined when `to` cannot follow at all. */
function missingBetween(from: Stage | 'start', to: Stage): Stage[] | undefined {
  if (POSITION[to] <= POSITION[from] && !(from === 'partial_image' && to === 'partial_image')) return undefined;
  return STAGES.filter((s) => s !== 'partial_image' && POSITION[s] > POSITION[from] && POSITION[s] < POSITION[to]);
}

export function stageOf(event: Json): Stage | undefined {
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith(EVENT_PREFIX)) return undefined;
  const s = type.slice(EVENT_PREFIX.length);
  return (STAGES as readonly string[]).includes(s) ? (s as Stage) : undefined;
}

interface Item {
  stage: Stage;
  /** Undefined while its events' output_index was broken: nothing to hold the next one to. */
  outputIndex: Json | undefined;
  lastIndex: number;
  lastLine?: number;
}

/**
 * The rules a stream of image-generation events keeps, checked event by
 * event. One mistake is reported once: an item whose event came out of order
 * is taken to be where that event says (a missing `generating` does not make
 * its `completed` look absent, and an event after its `completed` does not
 * reopen it), a `sequence_number` that goes back is where the sequence goes
 * on from (a restart is one problem, not one per later event), an event
 * its model rejects is read only for the members it does not break (an
 * event whose item cannot be told may be the one another item misses),
 * and an error event is named as the cause of every item it leaves
 * unfinished. A `response.created` starts a new response, whose items
 * number their `output_index` from 0 again. At most `maxItems` items are
 * followed; events of items past them are counted in `untracked`.
 */
export class StreamValidator {
  private lastSeq: { value: number; index: number } | undefined;
  private readonly items = new Map<string, Item>();
  private readonly owners = new Map<string, string>();
  private index = -1;
  private failure: { index: number; line?: number; what: string } | undefined;
  /** Events rejected or unreadable whose item cannot be told, by stage ('*': any): each may be one step another item seems to miss. */
  private readonly orphans = new Map<Stage | '*', number>();
  private readonly maxItems: number;
  /** Events of items first seen when `maxItems` were already followed: not held to the item rules. */
  readonly untracked: { events: number; first?: { index: number; line?: number } } = { events: 0 };

  private readonly spec: ResponseStreamRules | undefined;
  private readonly seen = new Set<ImageRule>();
  /** Violations found with the one `push` returned, for `pushAll`. */
  private more: Violation[] = [];

  constructor(options: StreamValidatorOptions = {}) {
    this.maxItems = options.maxItems ?? MAX_ITEMS;
    this.spec = options.modelled ? new ResponseStreamRules(options.modelled, this.maxItems) : undefined;
  }

  /** The rules that found something to check in the stream so far. */
  get applied(): StreamRule[] {
    const applied = new Set<StreamRule>([...this.seen, ...(this.spec?.applied ?? [])]);
    return (Object.keys(RULES) as StreamRule[]).filter((r) => applied.has(r));
  }

  /** Every violation this event makes: `push` gives the first. */
  pushAll(event: Json, sseEvent?: string | null, context: EventContext = {}): Violation[] {
    const first = this.push(event, sseEvent, context);
    const all = first ? [first, ...this.more] : this.more;
    this.more = [];
    return all;
  }

  /** The SSE stream's `data: [DONE]`, after the last event pushed. */
  pushDone(line?: number): void {
    this.spec?.pushDone(line);
  }

  /** How many items are followed now: never more than `maxItems`. */
  get itemsHeld(): number {
    return this.items.size;
  }

  /** The violation this event makes, if any. Events of other types count only for sequence_number, as failures, and (response.created) as the start of a response. */
  push(event: Json, sseEvent?: string | null, context: EventContext = {}): Violation | undefined {
    const index = ++this.index;
    this.more = [];
    const line = context.line;
    const at = (v: Omit<Violation, 'index' | 'line'>): Violation => ({ index, ...v, ...(line !== undefined ? { line } : {}) });
    const e = (context.unreadable ? null : event) as Record<string, Json> | null;
    const brokenAll = context.broken?.includes('') ?? false;
    const usable = (k: string) => !brokenAll && !(context.broken?.includes(k) ?? false) && e !== null && typeof e === 'object' && k in e;
    const type = typeof e?.type === 'string' ? e.type : undefined;
    // a provider's own event takes its place in the stream and nothing else (see isExtensionType)
    if (isExtensionType(type)) return undefined;
    if ((type !== undefined && FAILURE_TYPES.has(type)) || (sseEvent && FAILURE_TYPES.has(sseEvent)))
      this.failure ??= { index, ...(line !== undefined ? { line } : {}), what: describeFailure(e, type ?? sseEvent!) };
    const newResponse = type === RESPONSE_START;
    if (newResponse) this.owners.clear();
    const seq = usable('sequence_number') ? e!.sequence_number : undefined;
    const seqViolation =
      typeof seq === 'number' && this.lastSeq && !(seq > this.lastSeq.value)
        ? at({
            rule: 'SequenceNumberIncreasing',
            message: `sequence_number ${seq} does not follow ${this.lastSeq.value} (event ${this.lastSeq.index + 1})${newResponse ? `: a new response starts here (${RESPONSE_START}); each response numbers its own events, so check each response's stream on its own` : ''}`,
          })
        : undefined;
    if (this.lastSeq && typeof seq === 'number') this.seen.add('SequenceNumberIncreasing');
    const itemViolation = context.unreadable ? this.orphan('*') : this.pushItem(e, usable, index, line, at);
    // the sequence goes on from here whatever this event broke: a restart, or one stray number, is one problem
    if (typeof seq === 'number') this.lastSeq = { value: seq, index };
    const spec =
      type !== undefined && this.spec?.reads(type)
        ? this.spec.push(type, (k) => (usable(k) ? e![k] : undefined), { index, ...(line !== undefined ? { line } : {}) })
        : [];
    const all = [seqViolation, itemViolation, ...spec].filter((v): v is Violation => v !== undefined);
    this.more = all.slice(1);
    return all[0];
  }

  private pushItem(
    e: Record<string, Json> | null,
    usable: (k: string) => boolean,
    index: number,
    line: number | undefined,
    at: (v: Omit<Violation, 'index' | 'line'>) => Violation,
  ): Violation | undefined {
    const stage = stageOf(e);
    if (!stage) return undefined;
    for (const rule of ['ItemOrder', 'ItemConsistency', 'ItemNotCompleted', 'StreamFailed'] as const) this.seen.add(rule);
    if (!usable('item_id') || typeof e!.item_id !== 'string') return this.orphan(stage);
    const id = e!.item_id;
    const item = this.items.get(id);
    if (!item && this.items.size >= this.maxItems) {
      this.untracked.events++;
      this.untracked.first ??= { index, ...(line !== undefined ? { line } : {}) };
      return undefined;
    }
    const from = item?.stage ?? 'start';
    const known = usable('output_index');
    const key = JSON.stringify(e!.output_index);
    const owner = known ? this.owners.get(key) : undefined;
    let violation: Violation | undefined;
    let consistent = true;
    if (known && item?.outputIndex !== undefined && key !== JSON.stringify(item.outputIndex)) {
      consistent = false;
      violation = at({
        rule: 'ItemConsistency',
        message: `item ${JSON.stringify(id)}: output_index ${key}, but ${JSON.stringify(item.outputIndex)} before (event ${item.lastIndex + 1})`,
      });
    } else if (item?.outputIndex === undefined && owner !== undefined && owner !== id) {
      consistent = false;
      violation = at({ rule: 'ItemConsistency', message: `item ${JSON.stringify(id)}: output_index ${key} already belongs to item ${JSON.stringify(owner)}` });
    }
    if (!NEXT[from].includes(stage) && !this.explained(from, stage)) {
      const was = item ? `after ${item.stage} (event ${item.lastIndex + 1})` : 'as its first event';
      violation = at({ rule: 'ItemOrder', message: `item ${JSON.stringify(id)}: ${stage} ${was}; expected ${NEXT[from].join(' or ') || 'nothing more'}` });
    }
    // a completed item stays completed: an event after it is its one problem, not also a reopened item never completed
    if (consistent && from !== 'completed') {
      const outputIndex = known ? (e!.output_index ?? null) : item?.outputIndex;
      this.items.set(id, { stage, outputIndex, lastIndex: index, ...(line !== undefined ? { lastLine: line } : {}) });
      if (known) this.owners.set(key, id);
    }
    return violation;
  }

  /** An event that may belong to any item: kept to explain one step an item seems to miss. Never a violation of its own. */
  private orphan(stage: Stage | '*'): undefined {
    this.orphans.set(stage, (this.orphans.get(stage) ?? 0) + 1);
    return undefined;
  }

  /** Whether events rejected or unreadable can be the stages an item skips from `from` to `to`; if so, they are taken for them. */
  private explained(from: Stage | 'start', to: Stage): boolean {
    const missing = missingBetween(from, to);
    return missing !== undefined && missing.length > 0 && this.covers(missing);
  }

  /** Takes one such event for each of `stages`, one of that stage where there is one, else one that could be anything; all or none. */
  private covers(stages: readonly Stage[]): boolean {
    const specific = new Map<Stage, number>();
    let any = 0;
    for (const s of stages) {
      if ((this.orphans.get(s) ?? 0) > (specific.get(s) ?? 0)) specific.set(s, (specific.get(s) ?? 0) + 1);
      else any++;
    }
    if (any > (this.orphans.get('*') ?? 0)) return false;
    for (const [s, n] of specific) this.orphans.set(s, this.orphans.get(s)! - n);
    if (any > 0) this.orphans.set('*', this.orphans.get('*')! - any);
    return true;
  }

  /**
   * At the end of the stream: the image-generation items left unfinished, each at its last event, with the failure that
   * ended them; then what the spec's rules find at the end (`sse`: the capture was SSE, where a stream ends with [DONE]).
   */
  end(options: { sse?: boolean } = {}): Violation[] {
    const out: Violation[] = [];
    for (const [id, item] of this.items) {
      // a completed event that was rejected, or could not be read, may be this item's: that is its problem, not this one
      if (item.stage === 'completed' || this.covers([...missingBetween(item.stage, 'completed')!, 'completed'])) continue;
      const line = item.lastLine !== undefined ? { line: item.lastLine } : {};
      if (this.failure && this.failure.index > item.lastIndex) {
        out.push({
          index: this.failure.index,
          ...(this.failure.line !== undefined ? { line: this.failure.line } : {}),
          rule: 'StreamFailed',
          message: `item ${JSON.stringify(id)} ends at ${item.stage}: the stream failed first (event ${this.failure.index + 1}: ${this.failure.what})`,
        });
      } else
        out.push({ index: item.lastIndex, ...line, rule: 'ItemNotCompleted', message: `item ${JSON.stringify(id)} ends at ${item.stage}, never completed` });
    }
    return [...out, ...(this.spec?.end(options.sse ?? false) ?? [])];
  }
}

/** An error event in a few words: its type, code and message, as OpenAI-style streams and response.failed carry them. */
function describeFailure(e: Record<string, Json> | null, type: string): string {
  const nested = (o: Json | undefined) => (o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, Json>) : undefined);
  // response.failed holds it in response.error; an error event at its top level, or (as some OpenAI streams write it) in error
  const body = (e?.type === 'response.failed' ? (nested(nested(e.response)?.error) ?? null) : (nested(e?.error) ?? e)) as Record<string, Json> | null;
  const code = typeof body?.code === 'string' ? body.code : undefined;
  const message = typeof body?.message === 'string' ? body.message : undefined;
  return [type, code, message].filter(Boolean).join(': ').slice(0, 200);
}
