import type { Json } from '../core/json.js';
import { FAMILIES, modelFamily, type Family } from '../core/families.js';
import { eventTypeOf, type Model, type SchemaSet } from '../core/models.js';
import { isExtensionType, MAX_ITEMS, stageOf, StreamValidator, type StreamRule } from '../core/stream-rules.js';
import { EventModels } from './event-models.js';
import { MAX_EVENT_BYTES, StreamReader, type RecordedEvent } from './read-stream.js';

/** Where in a capture: the event's place (1-based; 0 is the stream as a whole) and its line. */
export interface Place {
  event: number;
  line: number;
}

export interface StreamProblem extends Place {
  rule: string;
  message: string;
  /** The event's text, clipped: the capture itself is not kept. */
  text?: string;
}

/** A member no model names, in the events of one model: said, never failed (unless strict). */
export interface UnknownField {
  model: string;
  /** The member's path below the event: `size`, or `item/extra` when nested. */
  field: string;
  /** How many events carried it. */
  count: number;
  first: Place;
}

/** Events of a type no model of the set describes: read, held to the stream rules, not to a model. */
export interface OtherEventType {
  /** The data's `type`, or `(no type)` for a value that has none. */
  type: string;
  count: number;
  first: Place;
}

/** How many events of one model a capture held. */
export interface ModelCount {
  model: string;
  /** The event type the model describes. */
  type: string;
  count: number;
}

/** What `checkStream` found in a recorded stream: its events, the problems, and what it read but did not check. */
export interface StreamCheck {
  format: 'sse' | 'ndjson';
  events: number;
  imageGenerationEvents: number;
  /** Events of a type some model of the set describes, the image-generation ones among them. */
  modelEvents: number;
  /** The model events by model, in the set's order: only models the capture held. */
  eventsByModel: ModelCount[];
  /** The stream rules that found something to check, in the order of RULES. */
  rulesApplied: StreamRule[];
  /** The families whose models the stream was held to, in stream order (every family of the set unless `families` chose). */
  familiesHeld: Family[];
  /** Of `otherEvents`, a provider's own (`acme:trace_event`): no rule reads them either, as the spec says a client ignores them. */
  extensionEvents: number;
  /** Every problem, up to `maxKept`; `problemCount` counts them all. */
  problems: StreamProblem[];
  problemCount: number;
  unknownFields: UnknownField[];
  /** Occurrences of members no model names past the first `maxKept` distinct ones: counted, not listed. */
  unknownFieldsUnlisted: number;
  otherEvents: number;
  otherEventTypes: OtherEventType[];
  /** Events of items past the first `maxItems`: read, held to their models, not to the item rules. */
  untrackedItemEvents: number;
  /** What was read but not checked, in a sentence each. */
  notes: string[];
}

/** How strict `checkStream` is, and the bounds of what it holds. */
export interface StreamCheckOptions {
  /** A member no model names is a problem, each event's named in one. */
  strict?: boolean;
  /** Problems and distinct notes kept in full; past this a capture of garbage is counted, not held in memory. */
  maxKept?: number;
  /** Items followed at once by the item rules (default `MAX_ITEMS`). */
  maxItems?: number;
  /** The largest event read (default `MAX_EVENT_BYTES`); a larger one is a problem, passed over. */
  maxEventBytes?: number;
  /**
   * Only the models of these families are held: an event of another family's
   * type is one of the other events, and the rules that read only such
   * events do not apply, as when no model describes them.
   */
  families?: readonly Family[];
  /** Models held whatever `families` says: those the user gave (`--schema`), which no family may silently leave out. */
  alwaysHeld?: readonly string[];
}

const NO_TYPE = '(no type)';

/**
 * Holds a recorded stream, read as it arrives, to the models and the stream
 * rules. Only what a rule or a model says is a problem: an event of a type no
 * model describes, and a member no model names, are said in a note, since a
 * client ignores them.
 */
export async function checkStream(all: SchemaSet, input: AsyncIterable<Uint8Array>, options: StreamCheckOptions = {}): Promise<StreamCheck> {
  const held = (m: Model) => options.families!.includes(familyOf(m)) || (options.alwaysHeld?.includes(m.name) ?? false);
  const set = options.families ? { ...all, models: all.models.filter(held) } : all;
  const maxKept = options.maxKept ?? 1000;
  const models = new EventModels(set);
  const maxItems = options.maxItems ?? MAX_ITEMS;
  const maxEventBytes = options.maxEventBytes ?? MAX_EVENT_BYTES;
  const byModel = new Map<string, ModelCount>();
  const modelled = set.models.map((m) => eventTypeOf(m)).filter((t): t is string => t !== undefined);
  const rules = new StreamValidator({ maxItems, modelled });
  const reader = new StreamReader({ maxEventBytes, keepDone: true });
  let extensionEvents = 0;
  const problems: StreamProblem[] = [];
  let problemCount = 0;
  const unknown = new Map<string, UnknownField>();
  let unknownFieldsUnlisted = 0;
  const others = new Map<string, OtherEventType>();
  let otherEvents = 0;
  let events = 0;
  let imageEvents = 0;
  let modelEvents = 0;
  const add = (p: StreamProblem) => {
    problemCount++;
    if (problems.length < maxKept) problems.push(p);
  };
  const check = (e: RecordedEvent) => {
    if (e.done) return rules.pushDone(e.line);
    events++;
    const place = { event: events, line: e.line };
    const at = (rule: string, message: string) => add({ ...place, rule, message, text: e.text.slice(0, 400) });
    // an event that cannot be read still takes its place: it may be the one an item seems to miss, and an SSE error event that carries plain text still ends the stream in failure
    const unreadable = () => void rules.push(null, e.sseEvent, { unreadable: true, line: e.line });
    if (e.tooLarge !== undefined) {
      add({
        ...place,
        rule: 'EventSize',
        message: `an event over the ${mb(maxEventBytes)} orc check-stream reads (${e.tooLarge} bytes): passed over, not checked`,
      });
      return unreadable();
    }
    let event: Json;
    try {
      event = JSON.parse(e.text);
    } catch (err) {
      at('Json', `not JSON: ${(err as Error).message}`);
      return unreadable();
    }
    if (stageOf(event)) imageEvents++;
    const type = (event as { type?: unknown } | null)?.type;
    if (e.sseEvent && typeof type === 'string' && e.sseEvent !== type)
      at('EventField', `the SSE event: field says ${JSON.stringify(e.sseEvent)}, the data's type ${JSON.stringify(type)}`);
    // a provider's own event is never a model's, whatever the set holds
    const verdict = isExtensionType(type) ? undefined : models.check(event);
    if (!verdict) {
      otherEvents++;
      if (isExtensionType(type)) extensionEvents++;
      const name = typeof type === 'string' ? type.slice(0, 200) : NO_TYPE;
      const known = others.get(name);
      if (known) known.count++;
      else if (others.size < maxKept) others.set(name, { type: name, count: 1, first: place });
    } else {
      modelEvents++;
      const counted = byModel.get(verdict.model.id);
      if (counted) counted.count++;
      else byModel.set(verdict.model.id, { model: verdict.model.name, type: type as string, count: 1 });
      if (verdict.errors.length) {
        // the model's name alone does not say whose schema judged the event: a capture of another API (OpenAI's) fails the spec's, and must read so
        const spec = specOf(verdict.model);
        at(`Schema.${verdict.model.name}`, `${spec ? `not valid by ${spec}'s schema of ${type as string}: ` : ''}${verdict.errors.join('; ')}`);
      }
      if (verdict.unknown.length && options.strict)
        at(
          `UnknownField.${verdict.model.name}`,
          `${plural(verdict.unknown.length, 'member')} ${verdict.model.name} does not name: ${verdict.unknown.join(', ')}`,
        );
      for (const field of verdict.unknown) {
        const key = JSON.stringify([verdict.model.name, field]);
        const known = unknown.get(key);
        if (known) known.count++;
        else if (unknown.size < maxKept) unknown.set(key, { model: verdict.model.name, field, count: 1, first: place });
        else unknownFieldsUnlisted++;
      }
    }
    // an event that breaks its model still takes its place in the sequence, read for what it does not break: one problem must not hide another, nor make more
    for (const v of rules.pushAll(event, e.sseEvent, { line: e.line, ...(verdict?.errors.length ? { broken: verdict.broken } : {}) })) {
      // a rule may point back at an earlier event (an error never followed by response.failed): its own place, not this one's
      if (v.index + 1 === events) at(v.rule, v.message);
      else add({ event: v.index + 1, line: v.line ?? 0, rule: v.rule, message: v.message });
    }
  };
  for await (const chunk of input) for (const e of reader.push(chunk)) check(e);
  const end = reader.end();
  for (const e of end.events) check(e);
  // what the end of the stream reveals comes after what the events themselves break, and its cause before its consequences
  if (end.unterminated)
    add({ event: events + 1, line: 0, rule: 'Framing', message: 'the capture ends inside an event (no blank line after it): a client discards that event' });
  for (const v of rules.end({ sse: reader.format === 'sse' })) {
    const cut = end.unterminated && v.rule === 'ItemNotCompleted' ? ': the capture ends inside an event (the Framing problem), which a client discards' : '';
    add({ event: v.index + 1, line: v.line ?? 0, rule: v.rule, message: v.message + cut });
  }
  // a capture with nothing to check must not pass: an empty file, random bytes, another API's stream
  if (modelEvents === 0)
    add({
      event: 0,
      line: 0,
      rule: 'NothingChecked',
      message: `no event of ${modelsInWords(set)} among the ${events} event(s) read: nothing was checked; is this the right capture?`,
    });

  const unknownFields = [...unknown.values()];
  const otherEventTypes = [...others.values()];
  const notes: string[] = [];
  if (otherEvents > 0) {
    const listed = otherEventTypes.reduce((n, t) => n + t.count, 0);
    notes.push(
      `${plural(otherEvents, 'event')} of a type no model ${options.families ? `of ${familiesHeld(set).join(', ')}` : 'here'} describes, not checked against a model (each still counts for the order of sequence_number, and an error or response.failed as the stream failing${extensionEvents > 0 ? `; ${extensionEvents} of a provider's own type (a ":" in it) count for nothing, as the spec says a client ignores them` : ''}): ${otherEventTypes.map((t) => `${t.type} ×${t.count}`).join(', ')}${listed < otherEvents ? `, ${otherEvents - listed} of other types` : ''}`,
    );
  }
  // with strict, each is a problem already
  if (!options.strict) {
    for (const f of unknownFields)
      notes.push(
        `${f.model} member ${JSON.stringify(f.field)}, which no model names, in ${plural(f.count, 'event')} (first: ${where(f.first)}): set aside, as a parser ignores it; --strict makes it a problem`,
      );
  }
  const untracked = rules.untracked;
  if (untracked.first)
    notes.push(
      `more than ${maxItems} items: ${plural(untracked.events, 'event')} of items first seen past them (first: ${where({ event: untracked.first.index + 1, line: untracked.first.line ?? 0 })}) were held to their models and to sequence_number, not to the item rules (order, output_index, completion); orc check-stream follows at most ${maxItems} items, so that a capture of any size is checked in bounded memory`,
    );
  if (unknownFieldsUnlisted > 0)
    notes.push(`${unknownFieldsUnlisted} more occurrence(s) of members no model names, past the first ${maxKept} distinct ones: not listed`);
  return {
    format: reader.format ?? 'ndjson',
    events,
    imageGenerationEvents: imageEvents,
    modelEvents,
    eventsByModel: set.models.flatMap((m) => byModel.get(m.id) ?? []),
    rulesApplied: rules.applied,
    familiesHeld: familiesHeld(set),
    extensionEvents,
    untrackedItemEvents: untracked.events,
    problems,
    problemCount,
    unknownFields,
    unknownFieldsUnlisted,
    otherEvents,
    otherEventTypes,
    notes,
  };
}

/** A model's family by the event type it describes, else by its name: a schema of one's own may be titled anything. */
function familyOf(m: Model): Family {
  return modelFamily(eventTypeOf(m) ?? m.name);
}

function familiesHeld(set: SchemaSet): Family[] {
  const held = new Set(set.models.map(familyOf));
  return FAMILIES.filter((f) => held.has(f));
}

/** The models held, by family; by name too when they are few enough to read. */
function modelsInWords(set: SchemaSet): string {
  const n = set.models.length;
  if (n === 0) return 'any model (none is held)';
  const groups = familiesHeld(set).map((f) => [f, set.models.filter((m) => familyOf(m) === f).map((m) => m.name)] as const);
  const words = n <= 5 ? groups.map(([f, names]) => `${f}: ${names.join(', ')}`).join('; ') : groups.map(([f]) => f).join(', ');
  return `the ${plural(n, 'model')} here (${words})`;
}

/** The spec a model is the schema of, by the `$id` the spec's cut gives its events (urn:openresponses:VERSION:event:TYPE). */
function specOf(m: Model): string | undefined {
  const version = /^urn:openresponses:([^:]+):event:/.exec(m.id)?.[1];
  return version === undefined ? undefined : `the Open Responses spec ${version}`;
}

function mb(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function where(p: Place): string {
  return `event ${p.event}${p.line ? `, line ${p.line}` : ''}`;
}
