import { isPlainObject, type Json } from './json.js';
import { textDifference } from './equality.js';

/**
 * The Open Responses spec's rules of a whole response stream, as its prose
 * states them (src/specifications/2026-04-24.mdx: "Streaming HTTP Responses",
 * "Items are streamable", "Errors", "Extending streaming events").
 */
export type ResponseRule =
  | 'StreamDone'
  | 'ResponseCreatedFirst'
  | 'ResponseTerminal'
  | 'ErrorThenFailed'
  | 'OutputItemAdded'
  | 'OutputItemDone'
  | 'ContentPartOrder'
  | 'DeltasMatchDone';

export const RESPONSE_RULES: Record<ResponseRule, string> = {
  StreamDone: 'an SSE stream of a response ends with data: [DONE], and nothing follows it',
  ResponseCreatedFirst: 'a response stream opens with response.created',
  ResponseTerminal: 'each response ends with exactly one of response.completed, response.failed or response.incomplete, and nothing of it follows that',
  ErrorThenFailed: 'an error event is followed by response.failed',
  OutputItemAdded: 'response.output_item.added comes before any event that names its item_id or output_index, once per item and output_index',
  OutputItemDone: 'response.output_item.done comes once, after every other event of its item, and before response.completed',
  ContentPartOrder: 'a content part (or reasoning summary part) goes part added → its deltas → its .done → part done',
  DeltasMatchDone: 'the deltas of a text, refusal, reasoning, reasoning-summary or function-call-arguments part concatenate to its .done text',
};

/**
 * A provider's own event (`acme:trace_event`): the spec says a client that
 * does not know one MUST ignore it safely, so no rule and no model reads it.
 * Not even sequence_number's order: the spec asks its number to increase
 * "within the stream or session", so a provider may number its events on a
 * counter of its own, and holding them to the stream's would fail a correct
 * stream.
 */
export function isExtensionType(type: unknown): boolean {
  return typeof type === 'string' && type.includes(':');
}

const CREATED = 'response.created';
/** The longest text held to be compared with its .done, in UTF-16 code units. */
export const MAX_TEXT = 16 * 1024 * 1024;
const TERMINALS = ['response.completed', 'response.failed', 'response.incomplete'];
const LIFECYCLE = new Set([CREATED, 'response.queued', 'response.in_progress', ...TERMINALS]);

/** The text events of a part, by the family their type names: the part type they belong to, the index that names the part, the member the .done event holds the text in. */
interface TextFamily {
  delta: string;
  done: string;
  /** The part's own kind: a content part, a reasoning summary part, or none (function-call arguments belong to the item). */
  kind: 'content' | 'summary' | 'item';
  partType?: string;
  doneText: string;
}
const TEXT_FAMILIES: readonly TextFamily[] = [
  { delta: 'response.output_text.delta', done: 'response.output_text.done', kind: 'content', partType: 'output_text', doneText: 'text' },
  { delta: 'response.refusal.delta', done: 'response.refusal.done', kind: 'content', partType: 'refusal', doneText: 'refusal' },
  { delta: 'response.reasoning.delta', done: 'response.reasoning.done', kind: 'content', partType: 'reasoning_text', doneText: 'text' },
  {
    delta: 'response.reasoning_summary_text.delta',
    done: 'response.reasoning_summary_text.done',
    kind: 'summary',
    partType: 'summary_text',
    doneText: 'text',
  },
  { delta: 'response.function_call_arguments.delta', done: 'response.function_call_arguments.done', kind: 'item', doneText: 'arguments' },
];
const FAMILY_OF = new Map(TEXT_FAMILIES.flatMap((f) => [[f.delta, f] as const, [f.done, f] as const]));

/** Each part's opening and closing event, and the member its index is in. */
const PART_EVENTS = {
  content: { added: 'response.content_part.added', done: 'response.content_part.done', index: 'content_index' },
  summary: { added: 'response.reasoning_summary_part.added', done: 'response.reasoning_summary_part.done', index: 'summary_index' },
} as const;
/** Events that name a content part and are neither its text nor its ends. */
const PART_NOTES: Record<string, 'content' | 'summary'> = { 'response.output_text.annotation.added': 'content' };

/** The text each part type's added event holds, which its deltas go on from. */
const PART_TEXT: Record<string, string> = { output_text: 'text', refusal: 'refusal', reasoning_text: 'text', summary_text: 'text' };

export interface RuleViolation {
  index: number;
  line?: number;
  rule: ResponseRule;
  message: string;
}

interface At {
  index: number;
  line?: number;
}

interface OutputItem {
  id: string | undefined;
  outputIndex: string | undefined;
  added: At;
  done?: At;
  /** Said once: an item named after its done is one problem, not one for each later event. */
  toldAfterDone?: boolean;
  /** Said once: an item named at another output_index. */
  toldIndex?: boolean;
}

interface Part {
  item: string;
  /** The part type its added event gave, when it gave one. */
  type: string | undefined;
  stage: 'added' | 'text done' | 'done';
  at: At;
}

interface Text {
  text: string;
  done?: At;
}

type Reader = (member: string) => Json | undefined;

/**
 * The spec's rules of a whole stream, for the event types a caller's models
 * describe (`modelled`): an event no model describes is read, not checked, so
 * no rule here reads it, and a rule applies only where the events it speaks
 * of are modelled and present. The rules that need a response's start (an
 * item or part named before it was added) apply to responses seen from their
 * response.created; a capture cut from the middle of a stream is held to the
 * rest. One mistake is said once: an item or part named before it was added
 * is taken as added from there on, and a response's events after its end are
 * one problem.
 */
export class ResponseStreamRules {
  /** The rules that found something to check. */
  readonly applied = new Set<ResponseRule>();
  private readonly has: (type: string) => boolean;
  private readonly lifecycle: boolean;
  private readonly errors: boolean;
  private phase: 'none' | 'open' | 'ended' = 'none';
  /** Modelled events before the first lifecycle event: they came before response.created. */
  private before: { count: number; first?: At & { type: string } } = { count: 0 };
  private opened: At | undefined;
  private fromStart = false;
  private terminal: (At & { type: string; toldAfter?: boolean }) | undefined;
  private lastEvent: At | undefined;
  private error: At | undefined;
  private done: { line?: number; told?: boolean } | undefined;
  private items = new Map<string, OutputItem>();
  private indices = new Map<string, OutputItem>();
  private parts = new Map<string, Part>();
  private texts = new Map<string, Text>();

  /** Items (and parts, and texts) followed at once in a response: past it, new ones are not followed, and what is not followed is not "never added". */
  private readonly max: number;
  private saturated = false;

  constructor(modelled: Iterable<string>, maxItems = 100_000) {
    this.max = maxItems;
    const types = new Set(modelled);
    this.has = (t) => types.has(t);
    this.lifecycle = [CREATED, ...TERMINALS].every(this.has);
    this.errors = this.has('error') && this.has('response.failed');
  }

  /** Whether a rule here reads events of this type. */
  reads(type: unknown): boolean {
    return typeof type === 'string' && this.has(type);
  }

  /** The violations an event of a modelled type makes; `read` gives a member only where its model does not reject it. */
  push(type: string, read: Reader, at: At): RuleViolation[] {
    const out: RuleViolation[] = [];
    const say = (rule: ResponseRule, message: string, where: At = at) =>
      out.push({ rule, message, index: where.index, ...(where.line !== undefined ? { line: where.line } : {}) });
    this.afterDone(type, say);
    this.lifecycleRules(type, at, say);
    this.errorRule(type, at, say);
    if (this.phase !== 'ended' || type === CREATED) {
      // each follows the event whatever another found, but an event that names a done item, say, is that one problem
      const first = out.length;
      const once = (rule: ResponseRule, message: string) => void (out.length === first && say(rule, message));
      this.itemRules(type, read, at, once);
      this.partRules(type, read, at, once);
      this.textRules(type, read, at, once);
    }
    if (type === 'response.completed' && this.has('response.output_item.done')) {
      for (const item of new Set([...this.items.values(), ...this.indices.values()]))
        if (!item.done) {
          this.applied.add('OutputItemDone');
          say('OutputItemDone', `${itemName(item)} is not done (no response.output_item.done) before response.completed`);
        }
    }
    this.lastEvent = at;
    return out;
  }

  /** The SSE stream's `data: [DONE]`, after the event pushed last. */
  pushDone(line: number | undefined): void {
    this.done ??= line !== undefined ? { line } : {};
  }

  /** What the end of the stream shows: a response never ended, an error never followed by response.failed, a missing [DONE]. */
  end(sse: boolean): RuleViolation[] {
    const out: RuleViolation[] = [];
    const say = (rule: ResponseRule, message: string, where: At) =>
      out.push({ rule, message, index: where.index, ...(where.line !== undefined ? { line: where.line } : {}) });
    if (this.error) {
      // the error is the cause of the response that did not end: one problem
      say('ErrorThenFailed', 'an error event, and no response.failed after it before the stream ends', this.error);
    } else if (this.phase === 'open' && this.lifecycle && this.lastEvent) {
      say(
        'ResponseTerminal',
        `the stream ends, and the response opened at event ${this.opened!.index + 1} has no response.completed, response.failed or response.incomplete`,
        this.lastEvent,
      );
    }
    if (sse && this.lifecycle && this.phase === 'ended') {
      this.applied.add('StreamDone');
      // a [DONE] before the end was said where the stream went on after it
      if (!this.done)
        say('StreamDone', `the stream ends after ${this.terminal!.type} without data: [DONE], the spec's terminal event of a stream`, this.terminal!);
    }
    return out;
  }

  private afterDone(type: string, say: (rule: ResponseRule, message: string) => void): void {
    if (!this.lifecycle || !this.done || this.done.told) return;
    this.applied.add('StreamDone');
    // a log that appends streams: the next one opens with response.created, and sequence_number says the rest
    if (type === CREATED) {
      this.done = undefined;
      return;
    }
    this.done.told = true;
    say('StreamDone', `${type} after data: [DONE]${this.done.line !== undefined ? ` (line ${this.done.line})` : ''}, which ends the stream`);
  }

  private lifecycleRules(type: string, at: At, say: (rule: ResponseRule, message: string, where?: At) => void): void {
    if (!this.lifecycle) return;
    const isLifecycle = LIFECYCLE.has(type);
    if (this.phase === 'none') {
      if (!isLifecycle) {
        this.before.count++;
        this.before.first ??= { ...at, type };
        return;
      }
      this.applied.add('ResponseCreatedFirst');
      this.applied.add('ResponseTerminal');
      if (type !== CREATED) say('ResponseCreatedFirst', `${type} before any response.created, which opens a response stream`);
      else if (this.before.count > 0)
        say(
          'ResponseCreatedFirst',
          `response.created is not the stream's first event: ${this.before.count} event(s) came before it (first: event ${this.before.first!.index + 1}, ${this.before.first!.type})`,
        );
      this.open(at, type === CREATED);
    } else if (type === CREATED) {
      // after an error, the response that did not end is the error's problem (ErrorThenFailed)
      if (this.phase === 'open' && !(this.errors && this.error))
        say(
          'ResponseTerminal',
          `a new response.created while the response opened at event ${this.opened!.index + 1} has not ended (no response.completed, response.failed or response.incomplete)`,
        );
      this.open(at, true);
    } else if (this.phase === 'ended') {
      if (!this.terminal!.toldAfter) {
        this.terminal!.toldAfter = true;
        say(
          'ResponseTerminal',
          `${type} after the response ended (event ${this.terminal!.index + 1}: ${this.terminal!.type}); nothing of a response follows its end`,
        );
      }
      return;
    }
    if (TERMINALS.includes(type)) {
      this.phase = 'ended';
      this.terminal = { ...at, type };
    }
  }

  private open(at: At, fromStart: boolean): void {
    // what came before the first response.created is that response's, its problem said once already
    const first = this.phase === 'none';
    this.phase = 'open';
    this.opened = at;
    this.fromStart = fromStart;
    this.terminal = undefined;
    if (first) return;
    // a new response numbers its items and parts afresh
    this.items.clear();
    this.indices.clear();
    this.parts.clear();
    this.texts.clear();
    this.saturated = false;
  }

  private errorRule(type: string, at: At, say: (rule: ResponseRule, message: string, where?: At) => void): void {
    if (!this.errors) return;
    if (type === 'error') {
      this.applied.add('ErrorThenFailed');
      // an error after its response ended is that one problem (ResponseTerminal), not also one of a response.failed missing
      if (this.phase !== 'ended') this.error ??= at;
    } else if (type === 'response.failed') this.error = undefined;
    else if (this.error && (TERMINALS.includes(type) || type === CREATED)) {
      say('ErrorThenFailed', `${type} after the error event at event ${this.error.index + 1}; an error is followed by response.failed`);
      this.error = undefined;
    }
  }

  private itemRules(type: string, read: Reader, at: At, say: (rule: ResponseRule, message: string) => void): void {
    const added = type === 'response.output_item.added';
    const doneEvent = type === 'response.output_item.done';
    const item = added || doneEvent ? read('item') : undefined;
    const itemId = added || doneEvent ? stringOf(isPlainObject(item) ? item.id : undefined) : stringOf(read('item_id'));
    const outputIndex = keyOf(read('output_index'));
    if (itemId === undefined && outputIndex === undefined) return;
    if (added) {
      if (!this.has(type)) return;
      this.applied.add('OutputItemAdded');
      const again = (itemId !== undefined && this.items.get(itemId)) || (outputIndex !== undefined && this.indices.get(outputIndex));
      if (again) {
        say('OutputItemAdded', `${itemName({ id: itemId, outputIndex })} added again: ${itemName(again)} was added at event ${again.added.index + 1}`);
        return;
      }
      this.track({ id: itemId, outputIndex, added: at });
      return;
    }
    if (!this.has('response.output_item.added')) return;
    const byId = itemId !== undefined ? this.items.get(itemId) : undefined;
    const byIndex = outputIndex !== undefined ? this.indices.get(outputIndex) : undefined;
    // an event that names its item by id is that item's, whatever its output_index says
    let known = itemId !== undefined ? byId : byIndex;
    if (!known && byIndex && byIndex.id === undefined) {
      // its added event's item could not be read (its model rejected it): this is that item, now with its id
      byIndex.id = itemId;
      this.items.set(itemId!, byIndex);
      known = byIndex;
    }
    if (!known) {
      if (!this.fromStart || this.saturated) return;
      this.applied.add('OutputItemAdded');
      say(
        'OutputItemAdded',
        `${type} names ${itemName({ id: itemId, outputIndex })}, which no response.output_item.added added before${byIndex ? ` (output_index ${outputIndex} is ${itemName(byIndex)}'s)` : ''}`,
      );
      // taken as added from here, so that its later events are not each the same problem
      known = this.track({ id: itemId, outputIndex: byIndex ? undefined : outputIndex, added: at });
    } else if (outputIndex !== undefined && known.outputIndex !== outputIndex) {
      if (known.outputIndex === undefined && !byIndex) this.track(Object.assign(known, { outputIndex }));
      else if (!known.toldIndex) {
        known.toldIndex = true;
        this.applied.add('OutputItemAdded');
        say(
          'OutputItemAdded',
          `${type} names ${itemName({ id: known.id, outputIndex: undefined })} at output_index ${outputIndex}, but it was added at output_index ${known.outputIndex ?? '(none)'}${byIndex ? `, and ${outputIndex} is ${itemName(byIndex)}'s` : ''}`,
        );
      }
    }
    if (!this.has('response.output_item.done')) return;
    this.applied.add('OutputItemDone');
    if (known.done) {
      if (!known.toldAfterDone) {
        known.toldAfterDone = true;
        say('OutputItemDone', `${type} names ${itemName(known)} after its response.output_item.done (event ${known.done.index + 1})`);
      }
      return;
    }
    if (doneEvent) {
      known.done = at;
      // the parts of an item end before it does
      if (known.id !== undefined && this.has(PART_EVENTS.content.done))
        for (const [key, part] of this.parts)
          if (part.item === known.id && part.stage !== 'done') {
            say('ContentPartOrder', `${partName(key)} is not done before response.output_item.done of its item`);
            part.stage = 'done';
          }
    }
  }

  private track(item: OutputItem): OutputItem {
    if (this.items.size >= this.max || this.indices.size >= this.max) {
      this.saturated = true;
      return item;
    }
    if (item.id !== undefined) this.items.set(item.id, item);
    if (item.outputIndex !== undefined) this.indices.set(item.outputIndex, item);
    return item;
  }

  private partRules(type: string, read: Reader, at: At, say: (rule: ResponseRule, message: string) => void): void {
    const family = FAMILY_OF.get(type);
    const kind =
      family && family.kind !== 'item'
        ? family.kind
        : (PART_NOTES[type] ??
          (Object.keys(PART_EVENTS) as ('content' | 'summary')[]).find((k) => PART_EVENTS[k].added === type || PART_EVENTS[k].done === type));
    if (!kind) return;
    const events = PART_EVENTS[kind];
    if (!this.has(events.added) || !this.has(events.done)) return;
    const item = stringOf(read('item_id'));
    const index = keyOf(read(events.index));
    if (item === undefined || index === undefined) return;
    this.applied.add('ContentPartOrder');
    const key = JSON.stringify([kind, item, index]);
    const part = this.parts.get(key);
    const short = type.replace(/^response\./, '');
    if (type === events.added) {
      const p = read('part');
      if (part) say('ContentPartOrder', `${partName(key)} added again (first at event ${part.at.index + 1})`);
      else if (this.parts.size >= this.max) this.saturated = true;
      else this.parts.set(key, { item, type: isPlainObject(p) ? stringOf(p.type) : undefined, stage: 'added', at });
      return;
    }
    if (!part) {
      if (!this.fromStart || this.saturated) return;
      say('ContentPartOrder', `${short} for ${partName(key)}, which no ${events.added.replace(/^response\./, '')} added before`);
      this.parts.set(key, { item, type: family?.partType, stage: type === events.done ? 'done' : family && type === family.done ? 'text done' : 'added', at });
      return;
    }
    if (part.stage === 'done') {
      say('ContentPartOrder', `${short} after ${events.done.replace(/^response\./, '')} of ${partName(key)}`);
      return;
    }
    if (family && family.partType !== undefined && part.type !== undefined && part.type !== family.partType) {
      say('ContentPartOrder', `${short} on ${partName(key)}, whose type is ${part.type}`);
      return;
    }
    if (type === events.done) {
      // a part whose type streams text ends its text with a .done event first
      const textDone = TEXT_FAMILIES.find((f) => f.kind === kind && f.partType === part.type);
      if (part.stage === 'added' && textDone && this.has(textDone.done))
        say('ContentPartOrder', `${short} of ${partName(key)} before its ${textDone.done.replace(/^response\./, '')}`);
      part.stage = 'done';
    } else if (family && type === family.delta && part.stage === 'text done') say('ContentPartOrder', `${short} after the .done event of ${partName(key)}`);
    else if (family && type === family.done) {
      if (part.stage === 'text done') say('ContentPartOrder', `${short} again for ${partName(key)}`);
      part.stage = 'text done';
    }
  }

  private textRules(type: string, read: Reader, at: At, say: (rule: ResponseRule, message: string) => void): void {
    const opening = this.textOpening(type, read);
    if (opening) {
      if (!this.texts.has(opening.key) && this.texts.size < this.max) this.texts.set(opening.key, { text: opening.text });
      return;
    }
    const family = FAMILY_OF.get(type);
    if (!family || !this.has(family.delta) || !this.has(family.done)) return;
    const item = stringOf(read('item_id'));
    if (item === undefined) return;
    const index = family.kind === 'item' ? '' : keyOf(read(family.kind === 'content' ? 'content_index' : 'summary_index'));
    if (index === undefined) return;
    // only text seen from its start can be held to its .done: a capture cut mid-part misses deltas
    const key = JSON.stringify([family.kind, item, index]);
    const text = this.texts.get(key);
    if (!text) return;
    this.applied.add('DeltasMatchDone');
    if (text.done) {
      if (type === family.delta) say('DeltasMatchDone', `${type.replace(/^response\./, '')} after its .done (event ${text.done.index + 1})`);
      return;
    }
    if (type === family.delta) {
      const delta = read('delta');
      // past MAX_TEXT a part's text is no longer held: a capture of any size is checked in bounded memory
      if (typeof delta === 'string' && text.text.length + delta.length <= MAX_TEXT) text.text += delta;
      else this.texts.delete(key);
      return;
    }
    text.done = at;
    const done = read(family.doneText);
    if (typeof done !== 'string' || done === text.text) return;
    say(
      'DeltasMatchDone',
      `the deltas joined are not ${type.replace(/^response\./, '')}'s ${family.doneText}: ${textDifference(done, text.text, family.doneText)!}`,
    );
  }

  /** The text a part or a function call starts from, when this event opens one: what its deltas go on from. */
  private textOpening(type: string, read: Reader): { key: string; text: string } | undefined {
    if (type === 'response.output_item.added') {
      const item = read('item');
      if (!isPlainObject(item) || item.type !== 'function_call' || typeof item.id !== 'string') return undefined;
      return { key: JSON.stringify(['item', item.id, '']), text: typeof item.arguments === 'string' ? item.arguments : '' };
    }
    const kind = (Object.keys(PART_EVENTS) as ('content' | 'summary')[]).find((k) => PART_EVENTS[k].added === type);
    if (!kind) return undefined;
    const item = stringOf(read('item_id'));
    const index = keyOf(read(PART_EVENTS[kind].index));
    const part = read('part');
    if (item === undefined || index === undefined || !isPlainObject(part)) return undefined;
    const member = PART_TEXT[String(part.type)];
    const text = member !== undefined && typeof part[member] === 'string' ? (part[member] as string) : '';
    return { key: JSON.stringify([kind, item, index]), text };
  }
}

function stringOf(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** An index as a key: a number as JSON writes it, anything else not an index. */
function keyOf(v: Json | undefined): string | undefined {
  return typeof v === 'number' ? JSON.stringify(v) : undefined;
}

function itemName(item: { id: string | undefined; outputIndex: string | undefined }): string {
  if (item.id !== undefined) return `item ${JSON.stringify(item.id)}${item.outputIndex !== undefined ? ` (output_index ${item.outputIndex})` : ''}`;
  return `the item at output_index ${item.outputIndex}`;
}

function partName(key: string): string {
  const [kind, item, index] = JSON.parse(key) as [string, string, string];
  return kind === 'summary' ? `summary part ${index} of item ${JSON.stringify(item)}` : `content part ${index} of item ${JSON.stringify(item)}`;
}
