/**
 * The Open Responses spec's rules of a whole stream, through the public
 * checkStream and through `orc check-stream`: each real-shaped capture of
 * test/fixtures/streams/ passes against the spec's 24 event schemas, as
 * bundled (schema/models/open-responses/), and each rule is broken by one of
 * them with one change, which makes that rule's problem and no other. The
 * events cut from the document (as scripts/cut-spec-events.ts cuts them) and
 * given with --schema stand in for the bundled ones.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../core/json.js';
import { loadSchemaSet, PROJECT_ROOT, type SchemaSet } from '../core/models.js';
import { RULES } from '../core/stream-rules.js';
import { checkStream, type StreamCheckOptions } from '../stream/check-stream.js';
import { cutSpecEvents, DEFAULT_SPEC } from '../scripts/cut-spec-events.js';
import { orc } from './helpers/cli.js';

const present = existsSync(DEFAULT_SPEC);
if (!present) process.stdout.write(`stream-rules-spec: the spec document is not at ${DEFAULT_SPEC}; the spec's stream rules are not tested here\n`);

const STREAMS = join(PROJECT_ROOT, 'test', 'fixtures', 'streams');
type Event = Record<string, Json>;

/** A capture's events, in order ([DONE] is not one). */
function eventsOf(name: string): Event[] {
  return readFileSync(join(STREAMS, name), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('data: {'))
    .map((l) => JSON.parse(l.slice('data: '.length)) as Event);
}

/** Events written back as the captures are: `event:` and `data:` lines, a blank line, and `data: [DONE]` unless told not to. */
function sse(events: Event[], done = true): string {
  return `${events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join('')}${done ? 'data: [DONE]\n\n' : ''}`;
}

const at = (events: Event[], type: string, nth = 0) => events.map((e, i) => [e, i] as const).filter(([e]) => e.type === type)[nth]![1];
const without = (events: Event[], i: number) => events.filter((_, j) => j !== i);
const replaced = (events: Event[], i: number, e: Event) => events.map((x, j) => (j === i ? e : x));
const inserted = (events: Event[], i: number, e: Event) => [...events.slice(0, i), e, ...events.slice(i)];

describe.skipIf(!present)("the spec's stream rules", () => {
  let spec: SchemaSet;
  let files: string[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-spec-events-'));
    files = cutSpecEvents(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8'))).map((e) => {
      const f = join(dir, `${e.type}.schema.json`);
      writeFileSync(f, JSON.stringify(e.schema));
      return f;
    });
    spec = loadSchemaSet([]);
  });

  const check = (text: string, options: StreamCheckOptions = {}) =>
    checkStream(
      spec,
      (async function* () {
        // cut inside an event: where the network cut it must not matter
        const bytes = Buffer.from(text);
        yield bytes.subarray(0, 1000);
        yield bytes.subarray(1000);
      })(),
      options,
    );
  const problems = async (text: string) => (await check(text)).problems.map((p) => [p.event, p.rule]);

  it.each([
    ['text.sse', 16, ['ContentPartOrder', 'DeltasMatchDone']],
    ['function-call.sse', 12, ['DeltasMatchDone']],
    ['reasoning.sse', 31, ['ContentPartOrder', 'DeltasMatchDone']],
  ])('%s passes: every event valid by its spec schema, every rule that applies kept', async (name, count, own) => {
    expect(spec.models).toHaveLength(4 + 24);
    const r = await check(readFileSync(join(STREAMS, name), 'utf8'), { strict: true });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ format: 'sse', events: count, modelEvents: count, otherEvents: 0, imageGenerationEvents: 0 });
    expect(r.eventsByModel.reduce((n, m) => n + m.count, 0)).toBe(count);
    expect(r.rulesApplied).toEqual(
      expect.arrayContaining([
        'SequenceNumberIncreasing',
        'StreamDone',
        'ResponseCreatedFirst',
        'ResponseTerminal',
        'OutputItemAdded',
        'OutputItemDone',
        ...own,
      ]),
    );
    // no image-generation item here, and no error: those rules found nothing to check
    expect(r.rulesApplied).not.toContain('ItemOrder');
    expect(r.rulesApplied).not.toContain('ErrorThenFailed');
  });

  const text = () => eventsOf('text.sse');
  const call = () => eventsOf('function-call.sse');
  const reasoning = () => eventsOf('reasoning.sse');
  const errorEvent = (sequence_number: number): Event => ({
    type: 'error',
    sequence_number,
    error: { type: 'server_error', code: 'server_error', message: 'The server had an error', param: null },
  });

  it.each<[string, () => string, [number, string][]]>([
    ['a sequence_number that repeats', () => sse(replaced(text(), 5, { ...text()[5]!, sequence_number: 4 })), [[6, 'SequenceNumberIncreasing']]],
    ['no [DONE] after response.completed', () => sse(text(), false), [[16, 'StreamDone']]],
    ['[DONE] before response.completed', () => sse(text().slice(0, -1)) + sse(text().slice(-1), false), [[16, 'StreamDone']]],
    ['no response.created', () => sse(without(text(), 0)), [[1, 'ResponseCreatedFirst']]],
    [
      'an output event before response.created',
      () => sse([text()[2]!, ...without(text(), 2)].map((e, i) => ({ ...e, sequence_number: i }))),
      [[2, 'ResponseCreatedFirst']],
    ],
    ['no terminal event: the stream is cut after its item', () => sse(text().slice(0, -1)), [[15, 'ResponseTerminal']]],
    ['two terminal events', () => sse([...text(), { ...text()[15]!, sequence_number: 16 }]), [[17, 'ResponseTerminal']]],
    ['an error that ends the stream without response.failed', () => sse(replaced(text(), 15, errorEvent(15)), false), [[16, 'ErrorThenFailed']]],
    [
      'an error followed by response.completed',
      () => sse(inserted(text(), 15, errorEvent(15)).map((e, i) => ({ ...e, sequence_number: i }))),
      [[17, 'ErrorThenFailed']],
    ],
    ['a content part of an item never added', () => sse(without(text(), 2)), [[3, 'OutputItemAdded']]],
    [
      'a delta at another output_index than its item was added at',
      () => sse(replaced(text(), 5, { ...text()[5]!, output_index: 1 })),
      [[6, 'OutputItemAdded']],
    ],
    ['an item never done before response.completed', () => sse(without(text(), 14)), [[15, 'OutputItemDone']]],
    [
      'a delta after its item is done',
      () => sse(inserted(call(), 11, { ...call()[4]!, delta: '' }).map((e, i) => ({ ...e, sequence_number: i }))),
      [[12, 'OutputItemDone']],
    ],
    ['a content part never done', () => sse(without(text(), 13)), [[14, 'ContentPartOrder']]],
    ['content_part.done before its output_text.done', () => sse(without(text(), 12)), [[13, 'ContentPartOrder']]],
    ['a text delta with no content part', () => sse(without(text(), 3)), [[4, 'ContentPartOrder']]],
    [
      'a text delta whose text differs from the .done text',
      () => sse(replaced(text(), 6, { ...text()[6]!, delta: String(text()[6]!.delta).toUpperCase() })),
      [[13, 'DeltasMatchDone']],
    ],
    [
      'function-call arguments that differ from their .done',
      () => sse(replaced(call(), 4, { ...call()[4]!, delta: '{"recipient":"john' })),
      [[10, 'DeltasMatchDone']],
    ],
    [
      'a reasoning summary whose deltas miss one',
      () => sse(without(reasoning(), at(reasoning(), 'response.reasoning_summary_text.delta', 2))),
      [[18, 'DeltasMatchDone']],
    ],
    [
      'a reasoning delta after its .done',
      () => {
        const r = reasoning();
        const done = at(r, 'response.reasoning.done');
        return sse(inserted(r, done + 1, { ...r[done - 1]! }).map((e, i) => ({ ...e, sequence_number: i })));
      },
      [[12, 'ContentPartOrder']],
    ],
  ])('%s: that rule alone', async (_what, stream, expected) => {
    expect(await problems(stream())).toEqual(expected);
  });

  it("a provider's own event (the spec's acme:trace_event example) is ignored by every rule and model, its sequence_number too", async () => {
    // the spec's example, as written: sequence_number 1, where the stream is at 7 already
    const trace: Event = {
      type: 'acme:trace_event',
      sequence_number: 1,
      phase: 'tool_resolution',
      latency_ms: 34,
      related_item_id: 'tc_789',
      details: 'Resolved tool endpoint from local cache.',
    };
    const r = await check(sse(inserted(text(), 8, trace)));
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ events: 17, modelEvents: 16, otherEvents: 1, extensionEvents: 1 });
    expect(r.notes[0]).toContain("1 of a provider's own type");
    // one without a sequence_number, or before response.created, or after [DONE]: still nothing
    expect(await problems(sse([{ type: 'acme:hello' }, ...text()]) + 'data: {"type":"acme:bye","sequence_number":0}\n\n')).toEqual([]);
  });

  it("a member the spec's open schemas do not name, at any depth, is said and set aside; --strict fails it", async () => {
    const t = text();
    const added = t[2]!;
    const stream = sse(replaced(replaced(t, 2, { ...added, item: { ...(added.item as Event), acme_source: 'cache' } }), 5, { ...t[5]!, acme_latency_ms: 3 }));
    const r = await check(stream);
    expect(r.problems).toEqual([]);
    expect(r.unknownFields.map((f) => [f.model, f.field, f.first.event])).toEqual([
      ['ResponseOutputItemAddedStreamingEvent', 'item/acme_source', 3],
      ['ResponseOutputTextDeltaStreamingEvent', 'acme_latency_ms', 6],
    ]);
    const strict = await check(stream, { strict: true });
    expect(strict.problems.map((p) => [p.event, p.rule])).toEqual([
      [3, 'UnknownField.ResponseOutputItemAddedStreamingEvent'],
      [6, 'UnknownField.ResponseOutputTextDeltaStreamingEvent'],
    ]);
    // a member the schema names, with a wrong value, is the model's problem still, said to be the spec's
    const wrong = (await check(sse(replaced(t, 5, { ...t[5]!, delta: 5 })))).problems;
    expect(wrong.map((p) => [p.event, p.rule])).toEqual([[6, 'Schema.ResponseOutputTextDeltaStreamingEvent']]);
    expect(wrong[0]!.message).toBe("not valid by the Open Responses spec 2026-04-24's schema of response.output_text.delta: /delta must be string");
  });

  it('follows at most maxItems output items in a response: past them an item is neither "never added" nor "never done"', async () => {
    const r = reasoning();
    // the message item (the second) never done: seen only while both items are followed
    const broken = sse(without(r, at(r, 'response.output_item.done', 1)));
    expect(await problems(broken)).toEqual([[30, 'OutputItemDone']]);
    const bounded = await check(broken, { maxItems: 1 });
    expect(bounded.problems).toEqual([]);
    expect((await check(sse(r), { maxItems: 1 })).problems).toEqual([]);
  });

  it('an NDJSON capture has no [DONE]: the rule does not apply to it', async () => {
    const r = await check(
      `${text()
        .map((e) => JSON.stringify(e))
        .join('\n')}\n`,
    );
    expect(r).toMatchObject({ format: 'ndjson', problemCount: 0 });
    expect(r.rulesApplied).not.toContain('StreamDone');
  });

  it('a capture cut from the middle of a stream is one problem (it does not open with response.created), and held to the rules its events can show', async () => {
    // from the second delta on: no response.created, no item or part added, the text seen only in part
    const tail = text().slice(5);
    expect(await problems(sse(tail))).toEqual([[11, 'ResponseCreatedFirst']]);
    const r = await check(sse(tail));
    expect(r.rulesApplied).not.toContain('DeltasMatchDone');
  });

  it('each rule is said only where its events are modelled: held to some families, the same broken stream is held to their rules alone', async () => {
    const broken = sse(without(text(), 14), false);
    expect((await problems(broken)).map(([, rule]) => rule)).toEqual(['OutputItemDone', 'StreamDone']);
    // no output item modelled: no item is "never done"; response.completed is, so [DONE] is still wanted after it
    expect((await check(broken, { families: ['lifecycle'] })).problems.map((p) => p.rule)).toEqual(['StreamDone']);
    expect((await check(broken, { families: ['image generation'] })).problems.map((p) => p.rule)).toEqual(['NothingChecked']);
  });

  it('an image-generation item inside a whole stream is one of its output items too', async () => {
    const r = text();
    const ig = (stage: string, seq: number): Event => ({
      type: `response.image_generation_call.${stage}`,
      item_id: 'ig_1',
      output_index: 1,
      sequence_number: seq,
    });
    const added = {
      type: 'response.output_item.added',
      sequence_number: 15,
      output_index: 1,
      item: { type: 'message', id: 'ig_1', status: 'in_progress', role: 'assistant', content: [] },
    };
    const done = { ...added, type: 'response.output_item.done', sequence_number: 19, item: { ...added.item, status: 'completed' } };
    const stream = (events: Event[]) => sse([...r.slice(0, 15), ...events, { ...r[15]!, sequence_number: 20 }]);
    const images = [ig('in_progress', 16), ig('generating', 17), ig('completed', 18)];
    expect(await problems(stream([added, ...images, done]))).toEqual([]);
    expect(await problems(stream([...images, done]))).toEqual([[16, 'OutputItemAdded']]);
  });

  it('every rule has its sentence, and the old five keep theirs', () => {
    expect(Object.keys(RULES)).toEqual([
      'SequenceNumberIncreasing',
      'ItemOrder',
      'ItemConsistency',
      'ItemNotCompleted',
      'StreamFailed',
      'StreamDone',
      'ResponseCreatedFirst',
      'ResponseTerminal',
      'ErrorThenFailed',
      'OutputItemAdded',
      'OutputItemDone',
      'ContentPartOrder',
      'DeltasMatchDone',
    ]);
  });

  describe('orc check-stream with the 24 spec events bundled', () => {
    // one capture here (each orc compiles the 28 schemas afresh); checkStream passes all three above
    it('passes the reasoning capture, strictly, saying its families and the rules that applied', () => {
      const r = orc(['check-stream', join(STREAMS, 'reasoning.sse'), '--strict']);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^ {2}lifecycle: .*response\.created ×1/m);
      expect(r.stdout).toMatch(
        /^ok: every event of a model here \(lifecycle, output item, content part, text, reasoning\) matches its model, and the stream keeps every rule that applies to it:$/m,
      );
      expect(r.stdout).toMatch(/^ {2}- StreamDone: an SSE stream of a response ends with data: \[DONE\]/m);
      expect(r.stdout).toMatch(/^ {2}reasoning: .*response\.reasoning\.delta ×6/m);
      expect(r.stdout).toMatch(/^ {2}reasoning: .*response\.reasoning_summary_text\.done ×1/m);
      expect(r.stdout).not.toMatch(/ItemOrder|ErrorThenFailed/);
    });

    it('fails a broken one, pointing at the event; --json adds the counts by model and the rules that applied', () => {
      const f = join(mkdtempSync(join(tmpdir(), 'orc-spec-stream-')), 'cut.sse');
      writeFileSync(f, sse(without(text(), 14)));
      const r = orc(['check-stream', f]);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(
        /^first problem: event 15 \(line 43\): OutputItemDone: item "msg_\w+" \(output_index 0\) is not done \(no response\.output_item\.done\) before response\.completed$/m,
      );
      const json = JSON.parse(orc(['check-stream', join(STREAMS, 'function-call.sse'), '--json']).stdout);
      expect(json).toMatchObject({ ok: true, events: 12, imageGenerationEvents: 0, modelEvents: 12, extensionEvents: 0 });
      expect(json.eventsByModel).toContainEqual({
        model: 'ResponseFunctionCallArgumentsDeltaStreamingEvent',
        type: 'response.function_call_arguments.delta',
        count: 6,
      });
      expect(json.rulesApplied).toContain('DeltasMatchDone');
    });

    it('a spec event cut from the document and given with --schema stands in for the bundled one', () => {
      // all 24 given: each replaces its bundled model, none is added
      const cut = loadSchemaSet(files);
      expect(cut.models.map((m) => m.name)).toHaveLength(4 + 24);
      expect(cut.models.map((m) => m.name)).toContain('Response output text delta event');
      expect(cut.models.map((m) => m.name)).not.toContain('ResponseOutputTextDeltaStreamingEvent');
      const delta = files.find((f) => f.endsWith('/response.output_text.delta.schema.json'))!;
      const json = JSON.parse(orc(['check-stream', join(STREAMS, 'text.sse'), '--schema', delta, '--strict', '--json']).stdout);
      expect(json).toMatchObject({ ok: true, events: 16, modelEvents: 16 });
      expect(json.eventsByModel).toContainEqual({ model: 'Response output text delta event', type: 'response.output_text.delta', count: expect.any(Number) });
      expect(json.eventsByModel).toContainEqual({ model: 'ResponseOutputTextDoneStreamingEvent', type: 'response.output_text.done', count: 1 });
      expect(json.eventsByModel.map((m: { model: string }) => m.model)).not.toContain('ResponseOutputTextDeltaStreamingEvent');
      // its verdicts are its own, and it is the spec's schema still
      const f = join(mkdtempSync(join(tmpdir(), 'orc-spec-stream-')), 'wrong.sse');
      writeFileSync(f, sse(replaced(text(), 5, { ...text()[5]!, delta: 5 })));
      const wrong = JSON.parse(orc(['check-stream', f, '--schema', delta, '--json']).stdout);
      expect(wrong.problems.map((p: { event: number; rule: string; message: string }) => [p.event, p.rule, p.message])).toEqual([
        [
          6,
          'Schema.Response output text delta event',
          "not valid by the Open Responses spec 2026-04-24's schema of response.output_text.delta: /delta must be string",
        ],
      ]);
    });
  });
});
