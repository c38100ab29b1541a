import type { Json } from '../json.ts';

/** The four image-generation events, by the suffix of their `type`. */
export const STAGES = ['in_progress', 'generating', 'partial_image', 'completed'] as const;
export type Stage = (typeof STAGES)[number];
export const EVENT_PREFIX = 'response.image_generation_call.';

export type StreamRule = 'SequenceNumberIncreasing' | 'ItemOrder' | 'ItemConsistency' | 'ItemNotCompleted';

export const RULES: Record<StreamRule, string> = {
  SequenceNumberIncreasing: 'sequence_number strictly increases across the stream',
  ItemOrder: 'each item goes in_progress → generating → partial_image* → completed',
  ItemConsistency: 'an item keeps one output_index, and no two items share one',
  ItemNotCompleted: 'every item that started is completed before the stream ends',
};

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
 * event. An event that breaks a rule is reported and then ignored, so one
 * mistake is reported once, not again at every later event.
 */
export class StreamValidator {
  private lastSeq: { value: number; index: number } | undefined;
  private readonly items = new Map<string, Item>();
  private readonly owners = new Map<string, string>();
  private index = -1;

  /** The violation this event makes, if any. Events of other types count only for sequence_number. */
  push(event: Json): Violation | undefined {
    const index = ++this.index;
    const e = event as Record<string, Json>;
    const seq = e?.sequence_number;
    if (typeof seq === 'number' && this.lastSeq && !(seq > this.lastSeq.value)) {
      return { index, rule: 'SequenceNumberIncreasing', message: `sequence_number ${seq} does not follow ${this.lastSeq.value} (event ${this.lastSeq.index + 1})` };
    }
    const stage = stageOf(event);
    if (stage && typeof e.item_id === 'string') {
      const item = this.items.get(e.item_id);
      const from = item?.stage ?? 'start';
      if (!NEXT[from].includes(stage)) {
        const was = item ? `after ${item.stage} (event ${item.lastIndex + 1})` : 'as its first event';
        return { index, rule: 'ItemOrder', message: `item ${JSON.stringify(e.item_id)}: ${stage} ${was}; expected ${NEXT[from].join(' or ') || 'nothing more'}` };
      }
      const key = JSON.stringify(e.output_index);
      if (item && key !== JSON.stringify(item.outputIndex)) {
        return { index, rule: 'ItemConsistency', message: `item ${JSON.stringify(e.item_id)}: output_index ${key}, but ${JSON.stringify(item.outputIndex)} before (event ${item.lastIndex + 1})` };
      }
      const owner = this.owners.get(key);
      if (!item && owner !== undefined && owner !== e.item_id) {
        return { index, rule: 'ItemConsistency', message: `item ${JSON.stringify(e.item_id)}: output_index ${key} already belongs to item ${JSON.stringify(owner)}` };
      }
      this.items.set(e.item_id, { stage, outputIndex: e.output_index ?? null, lastIndex: index });
      this.owners.set(key, e.item_id);
    }
    if (typeof seq === 'number') this.lastSeq = { value: seq, index };
    return undefined;
  }

  /** At the end of the stream: the items left unfinished, each at its last event. */
  end(): Violation[] {
    return [...this.items.entries()]
      .filter(([, item]) => item.stage !== 'completed')
      .map(([id, item]) => ({ index: item.lastIndex, rule: 'ItemNotCompleted' as const, message: `item ${JSON.stringify(id)} ends at ${item.stage}, never completed` }));
  }
}
