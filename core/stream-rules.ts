import type { Json } from './json.js';

/** The four image-generation events, by the suffix of their `type`. */
export const STAGES = ['in_progress', 'generating', 'partial_image', 'completed'] as const;
export type Stage = (typeof STAGES)[number];
export const EVENT_PREFIX = 'response.image_generation_call.';

export type StreamRule = 'SequenceNumberIncreasing' | 'ItemOrder' | 'ItemConsistency' | 'ItemNotCompleted' | 'StreamFailed';

export const RULES: Record<StreamRule, string> = {
  SequenceNumberIncreasing: 'sequence_number strictly increases across the stream',
  ItemOrder: 'each item goes in_progress → generating → partial_image* → completed',
  ItemConsistency: 'an item keeps one output_index, and no two items share one',
  ItemNotCompleted: 'every item that started is completed before the stream ends',
  StreamFailed: 'no error event (or response.failed) leaves an item unfinished',
};

/** Events that end a stream in failure, by their type (or the SSE event name). */
const FAILURE_TYPES = new Set(['error', 'response.failed']);

export interface Violation {
  /** 0-based index of the offending event in the stream. */
  index: number;
  rule: StreamRule;
  message: string;
}

/** Which stages may follow which: undefined is an item not seen yet. */
const NEXT: Record<Stage | 'start', readonly Stage[]> = {
  start: ['in_progress'],
  in_progress: ['generating'],
  generating: ['partial_image', 'completed'],
  partial_image: ['partial_image', 'completed'],
  completed: [],
};

export function stageOf(event: Json): Stage | undefined {
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith(EVENT_PREFIX)) return undefined;
  const s = type.slice(EVENT_PREFIX.length);
  return (STAGES as readonly string[]).includes(s) ? (s as Stage) : undefined;
}

interface Item {
  stage: Stage;
  outputIndex: Json;
  lastIndex: number;
}

/**
 * The rules a stream of image-generation events keeps, checked event by
 * event. One mistake is reported once: an item whose event came out of order
 * is taken to be where that event says (a missing `generating` does not make
 * its `completed` look absent), and an error event is named as the cause of
 * every item it leaves unfinished.
 */
export class StreamValidator {
  private lastSeq: { value: number; index: number } | undefined;
  private readonly items = new Map<string, Item>();
  private readonly owners = new Map<string, string>();
  private index = -1;
  private failure: { index: number; what: string } | undefined;

  /** The violation this event makes, if any. Events of other types count only for sequence_number, and as failures. */
  push(event: Json, sseEvent?: string | null): Violation | undefined {
    const index = ++this.index;
    const e = event as Record<string, Json>;
    const type = typeof e?.type === 'string' ? e.type : undefined;
    if ((type !== undefined && FAILURE_TYPES.has(type)) || (sseEvent && FAILURE_TYPES.has(sseEvent))) this.failure ??= { index, what: describeFailure(e, type ?? sseEvent!) };
    const seq = e?.sequence_number;
    const seqViolation: Violation | undefined = typeof seq === 'number' && this.lastSeq && !(seq > this.lastSeq.value)
      ? { index, rule: 'SequenceNumberIncreasing', message: `sequence_number ${seq} does not follow ${this.lastSeq.value} (event ${this.lastSeq.index + 1})` }
      : undefined;
    let itemViolation: Violation | undefined;
    const stage = stageOf(event);
    if (stage && typeof e.item_id === 'string') {
      const item = this.items.get(e.item_id);
      const from = item?.stage ?? 'start';
      const key = JSON.stringify(e.output_index);
      const owner = this.owners.get(key);
      let consistent = true;
      if (item && key !== JSON.stringify(item.outputIndex)) {
        consistent = false;
        itemViolation = { index, rule: 'ItemConsistency', message: `item ${JSON.stringify(e.item_id)}: output_index ${key}, but ${JSON.stringify(item.outputIndex)} before (event ${item.lastIndex + 1})` };
      } else if (!item && owner !== undefined && owner !== e.item_id) {
        consistent = false;
        itemViolation = { index, rule: 'ItemConsistency', message: `item ${JSON.stringify(e.item_id)}: output_index ${key} already belongs to item ${JSON.stringify(owner)}` };
      }
      if (!NEXT[from].includes(stage)) {
        const was = item ? `after ${item.stage} (event ${item.lastIndex + 1})` : 'as its first event';
        itemViolation = { index, rule: 'ItemOrder', message: `item ${JSON.stringify(e.item_id)}: ${stage} ${was}; expected ${NEXT[from].join(' or ') || 'nothing more'}` };
      }
      if (consistent) {
        this.items.set(e.item_id, { stage, outputIndex: e.output_index ?? null, lastIndex: index });
        this.owners.set(key, e.item_id);
      }
    }
    const violation = seqViolation ?? itemViolation;
    if (typeof seq === 'number' && !violation) this.lastSeq = { value: seq, index };
    return violation;
  }

  /** At the end of the stream: the items left unfinished, each at its last event, with the failure that ended them. */
  end(): Violation[] {
    return [...this.items.entries()]
      .filter(([, item]) => item.stage !== 'completed')
      .map(([id, item]) => this.failure && this.failure.index > item.lastIndex
        ? { index: this.failure.index, rule: 'StreamFailed' as const, message: `item ${JSON.stringify(id)} ends at ${item.stage}: the stream failed first (event ${this.failure.index + 1}: ${this.failure.what})` }
        : { index: item.lastIndex, rule: 'ItemNotCompleted' as const, message: `item ${JSON.stringify(id)} ends at ${item.stage}, never completed` });
  }
}

/** An error event in a few words: its type, code and message, as OpenAI-style streams and response.failed carry them. */
function describeFailure(e: Record<string, Json> | null, type: string): string {
  const body = (e?.type === 'response.failed' ? ((e.response as Record<string, Json> | null)?.error ?? null) : e) as Record<string, Json> | null;
  const code = typeof body?.code === 'string' ? body.code : undefined;
  const message = typeof body?.message === 'string' ? body.message : undefined;
  return [type, code, message].filter(Boolean).join(': ').slice(0, 200);
}
