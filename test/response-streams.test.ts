/**
 * validResponseStreams against the two things that judge a stream: each
 * event's bundled model, and the spec's rules of a whole stream as
 * checkStream (orc check-stream) applies them. The generator and the rules
 * hold each other: every drawn stream passes, and one change that breaks a
 * rule is caught by that rule and no other.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../core/json.js';
import { loadSchemaSet, modelOfEventType } from '../core/models.js';
import { RESPONSE_RULES } from '../core/response-stream-rules.js';
import type { StreamRule } from '../core/stream-rules.js';
import { RESPONSE_STREAM_TYPES, validResponseStreams } from '../arbitraries/response-streams.js';
import { encodeSse, PLAIN } from '../arbitraries/sse/framing.js';
import { checkStream } from '../stream/check-stream.js';

type Event = Record<string, Json>;

const set = loadSchemaSet();
const streams = validResponseStreams(set);
const drawn = fc.sample(streams, { seed: 22, numRuns: 200 });

/** The stream as a server sends it: the events, then the SSE terminator unless told not to. */
const check = (events: Event[], done = true) => {
  const bytes = new TextEncoder().encode(`${encodeSse(events, PLAIN)}${done ? 'data: [DONE]\n\n' : ''}`);
  return checkStream(
    set,
    (async function* () {
      yield bytes;
    })(),
    { strict: true },
  );
};

const ofItem = (e: Event) => (typeof e.item_id === 'string' ? e.item_id : (e.item as { id?: string } | undefined)?.id);
const TEXT_DONE = ['response.output_text.done', 'response.refusal.done', 'response.reasoning.done', 'response.reasoning_summary_text.done'];
const DELTAS = [
  'response.output_text.delta',
  'response.refusal.delta',
  'response.reasoning.delta',
  'response.reasoning_summary_text.delta',
  'response.function_call_arguments.delta',
];
/** The part an event of a part names: its item, and which of its parts. */
const partOf = (e: Event) => JSON.stringify([ofItem(e), e.content_index ?? null, e.summary_index ?? null]);
const doneOf = (delta: Event) => String(delta.type).replace(/\.delta$/, '.done');
/** Where the part done of a text's .done at `i` is, or -1 when the stream stopped before it. */
const partDone = (events: Event[], i: number) => events.findIndex((e, j) => j > i && String(e.type).endsWith('part.done') && partOf(e) === partOf(events[i]!));
const renumbered = (events: Event[]) => events.map((e, i) => ({ ...e, sequence_number: i }));

/** Whether an event of another item comes between an item's added and its done. */
function interleaves(events: Event[]): boolean {
  return events.some((e, i) => {
    if (e.type !== 'response.output_item.added') return false;
    const id = ofItem(e);
    const end = events.findIndex((d, j) => j > i && d.type === 'response.output_item.done' && ofItem(d) === id);
    return events.slice(i + 1, end < 0 ? undefined : end).some((o) => ofItem(o) !== undefined && ofItem(o) !== id);
  });
}

describe('validResponseStreams', () => {
  it('draws events each valid by its bundled model', () => {
    for (const events of drawn)
      for (const e of events) {
        const model = modelOfEventType(set, e.type);
        expect(model, String(e.type)).toBeDefined();
        const validate = set.ajv.getSchema(model!.id)!;
        expect(validate(e) ? [] : validate.errors, JSON.stringify(e)).toEqual([]);
      }
  });

  it('draws streams that keep every stream rule, as orc check-stream reads them (with [DONE])', async () => {
    const applied = new Set<string>();
    for (const events of drawn) {
      const r = await check(events);
      expect(r.problems, encodeSse(events, PLAIN)).toEqual([]);
      expect(r).toMatchObject({ format: 'sse', events: events.length, modelEvents: events.length, otherEvents: 0 });
      r.rulesApplied.forEach((rule) => applied.add(rule));
    }
    expect([...applied].sort()).toEqual([...Object.keys(RESPONSE_RULES), 'SequenceNumberIncreasing'].sort());
  });

  it('draws every one of the 24 event types, items interleaved, every ending, small streams', () => {
    const types = new Set(drawn.flatMap((events) => events.map((e) => e.type)));
    expect([...types].sort()).toEqual([...RESPONSE_STREAM_TYPES].sort());
    expect(types.size).toBe(24);
    expect(drawn.filter(interleaves).length).toBeGreaterThan(20);
    const items = drawn.map((events) => events.filter((e) => e.type === 'response.output_item.added').length);
    expect(Math.min(...items)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...items)).toBe(4);
    for (const end of ['response.completed', 'response.failed', 'response.incomplete'])
      expect(drawn.filter((events) => events.at(-1)!.type === end).length, end).toBeGreaterThan(20);
    const sizes = drawn.map((events) => new TextEncoder().encode(encodeSse(events, PLAIN)).length);
    expect(Math.max(...sizes)).toBeLessThan(8 * 1024);
  });

  it('lists in the terminal response the items done, in output_index order', () => {
    for (const events of drawn) {
      const done = events.filter((e) => e.type === 'response.output_item.done');
      const output = (events.at(-1)!.response as { output: Json[] }).output;
      expect(output).toEqual([...done].sort((a, b) => (a.output_index as number) - (b.output_index as number)).map((e) => e.item));
    }
  });

  it('shrinks towards one item, completed, with short text', () => {
    const out = fc.check(
      fc.property(streams, (events) => {
        return !events.some((e) => e.type === 'response.output_text.delta');
      }),
      { seed: 22, numRuns: 200 },
    );
    expect(out.failed).toBe(true);
    const smallest = out.counterexample![0];
    expect(smallest.filter((e) => e.type === 'response.output_item.added')).toHaveLength(1);
    expect(smallest.at(-1)!.type).toBe('response.completed');
    expect(smallest.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta)).toEqual(['a']);
  });
});

/** One change per rule, on a drawn stream it applies to (undefined where it does not). */
const MUTATIONS: [StreamRule, string, (events: Event[]) => { events: Event[]; done?: boolean } | undefined][] = [
  ['StreamDone', 'no data: [DONE] at the end', (events) => ({ events, done: false })],
  ['ResponseCreatedFirst', 'response.created dropped', (events) => ({ events: renumbered(events.slice(1)) })],
  ['ResponseTerminal', 'the terminal event sent twice', (events) => ({ events: renumbered([...events, events.at(-1)!]) })],
  [
    'ErrorThenFailed',
    'an error followed by another end than response.failed (or by none)',
    (events) => {
      const end = events.at(-1)!;
      if (end.type === 'response.failed') return { events: renumbered(events.slice(0, -1)) };
      const error = { type: 'error', sequence_number: 0, error: { type: 'server_error', code: null, message: 'overloaded', param: null } };
      return { events: renumbered([...events.slice(0, -1), error, end]) };
    },
  ],
  [
    'OutputItemAdded',
    'an output_item.added dropped',
    (events) => {
      const i = events.findIndex((e, i) => e.type === 'response.output_item.added' && events.slice(i + 1).some((o) => ofItem(o) === ofItem(e)));
      return i < 0 ? undefined : { events: renumbered(events.filter((_, j) => j !== i)) };
    },
  ],
  [
    'OutputItemDone',
    'an output_item.done sent twice',
    (events) => {
      const i = events.findIndex((e) => e.type === 'response.output_item.done');
      return i < 0 ? undefined : { events: renumbered([...events.slice(0, i + 1), events[i]!, ...events.slice(i + 1)]) };
    },
  ],
  [
    'ContentPartOrder',
    "a part's done before its text's .done",
    (events) => {
      const ends = events.flatMap((e, i) => (TEXT_DONE.includes(e.type as string) ? [[i, partDone(events, i)] as const] : [])).find(([, j]) => j >= 0);
      if (!ends) return undefined;
      const [i, j] = ends;
      return { events: renumbered(events.map((e, k) => (k === i ? events[j]! : k === j ? events[i]! : e))) };
    },
  ],
  [
    'DeltasMatchDone',
    'two deltas of a part swapped, or one changed',
    (events) => {
      // only a part whose .done came is held to its deltas
      const i = events.findIndex(
        (e, i) => DELTAS.includes(e.type as string) && events.some((d, j) => j > i && d.type === doneOf(e) && partOf(d) === partOf(e)),
      );
      if (i < 0) return undefined;
      const a = events[i]!;
      const j = events.findIndex((e, j) => j > i && e.type === a.type && partOf(e) === partOf(a) && `${a.delta}${e.delta}` !== `${e.delta}${a.delta}`);
      if (j >= 0) return { events: events.map((e, k) => (k === i ? { ...e, delta: events[j]!.delta! } : k === j ? { ...e, delta: a.delta! } : e)) };
      return { events: events.map((e, k) => (k === i ? { ...e, delta: `${a.delta}x` } : e)) };
    },
  ],
  [
    'SequenceNumberIncreasing',
    'a sequence_number repeated',
    (events) => ({ events: events.map((e, k) => (k === events.length - 1 ? { ...e, sequence_number: events[k - 1]!.sequence_number! } : e)) }),
  ],
];

describe('each stream rule catches its one change to a valid stream', () => {
  it.each(MUTATIONS)('%s: %s', async (rule, _what, mutate) => {
    let caught = 0;
    await fc.assert(
      fc.asyncProperty(streams, async (events) => {
        const changed = mutate(events);
        if (!changed) return;
        const r = await check(changed.events, changed.done);
        expect([...new Set(r.problems.map((p) => p.rule))], encodeSse(changed.events, PLAIN)).toEqual([rule]);
        caught++;
      }),
      { seed: 22, numRuns: 25 },
    );
    expect(caught).toBeGreaterThanOrEqual(5);
  });
});
