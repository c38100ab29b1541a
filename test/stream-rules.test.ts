import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageEvent, validImageStreams } from '../arbitraries/sequences.js';
import { encodeSse, PLAIN } from '../arbitraries/sse/framing.js';
import type { Json } from '../core/json.js';
import { STAGES, StreamValidator, type Stage, type StreamRule } from '../core/stream-rules.js';
import { orc } from './helpers/cli.js';

/** What the stream should be, kept as simply as possible: each item's stage and output_index, the last sequence number. */
interface Model {
  items: { stage: Stage; outputIndex: number }[];
  /** The last sequence number the stream accepted, once it has one. */
  seq: number | undefined;
  index: number;
}
interface Real {
  v: StreamValidator;
}

const ALLOWED: Record<Stage | 'start', Stage[]> = {
  start: ['in_progress'],
  in_progress: ['generating'],
  generating: ['partial_image', 'completed'],
  partial_image: ['partial_image', 'completed'],
  completed: [],
};

/** Emits one event and checks the validator's answer against the model's. */
class Emit implements fc.Command<Model, Real> {
  constructor(
    readonly item: number,
    readonly stage: Stage,
    readonly seqStep: number,
    readonly shiftOutputIndex: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const existing = m.items[this.item];
    const from = existing?.stage ?? 'start';
    const seq = (m.seq ?? 10) + this.seqStep;
    const outputIndex = this.shiftOutputIndex ? this.item + 100 : this.item;
    const event = imageEvent(this.stage, this.item, seq);
    event.output_index = outputIndex;
    const seqBad = this.seqStep <= 0 && m.seq !== undefined;
    const orderBad = !ALLOWED[from].includes(this.stage);
    const inconsistent = existing !== undefined && existing.outputIndex !== outputIndex;
    const expected: StreamRule | undefined = seqBad ? 'SequenceNumberIncreasing' : orderBad ? 'ItemOrder' : inconsistent ? 'ItemConsistency' : undefined;
    const got = r.v.push(event);
    expect(got?.rule).toBe(expected);
    m.index++;
    if (got) expect(got.index).toBe(m.index);
    // the item is where its event says, whatever the order, except that a completed item stays completed; an event that moves it elsewhere is not taken
    if (!inconsistent && from !== 'completed') m.items[this.item] = { stage: this.stage, outputIndex };
    // the sequence goes on from this event's number, whatever it broke: a restart is one problem, not one per later event
    m.seq = seq;
  }
  toString = () => `emit(${this.item}, ${this.stage}, seq+${this.seqStep}${this.shiftOutputIndex ? ', other output_index' : ''})`;
}

describe('the event-sequence rules, as a model-based test over fast-check commands', () => {
  it('the validator agrees with the model on every stream of valid and invalid moves, and at the end', () => {
    const commands = fc.commands(
      [
        // mostly moves the model allows, so that streams get long; the rest break one rule each
        fc.tuple(fc.nat(3), fc.constantFrom(...STAGES), fc.integer({ min: 1, max: 3 })).map(([i, s, step]) => new Emit(i, s, step, false)),
        fc.tuple(fc.nat(3), fc.constantFrom(...STAGES), fc.integer({ min: -2, max: 0 })).map(([i, s, step]) => new Emit(i, s, step, false)),
        fc.tuple(fc.nat(3), fc.constantFrom(...STAGES)).map(([i, s]) => new Emit(i, s, 1, true)),
      ],
      { maxCommands: 60 },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        const model: Model = { items: [], seq: undefined, index: -1 };
        const real: Real = { v: new StreamValidator() };
        fc.modelRun(() => ({ model, real }), cmds);
        const unfinished = real.v
          .end()
          .map((v) => v.message.match(/"ig_(\d+)"/)![1])
          .sort();
        const expected = model.items
          .map((it, i) => (it && it.stage !== 'completed' ? String(i) : undefined))
          .filter((x) => x !== undefined)
          .sort();
        expect(unfinished).toEqual(expected);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('every generated valid stream keeps every rule', () => {
    fc.assert(
      fc.property(validImageStreams(), (events) => {
        const v = new StreamValidator();
        expect(events.map((e) => v.push(e)).filter(Boolean)).toEqual([]);
        expect(v.end()).toEqual([]);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('no cascade: an item whose generating event is missing is reported once, and its completed event still counts', () => {
    const v = new StreamValidator();
    expect(v.push(imageEvent('in_progress', 0, 1))).toBeUndefined();
    expect(v.push(imageEvent('completed', 0, 2))?.rule).toBe('ItemOrder');
    expect(v.end()).toEqual([]);
  });

  it('an error event is the cause of every item it leaves unfinished', () => {
    const v = new StreamValidator();
    v.push(imageEvent('in_progress', 0, 1));
    v.push(imageEvent('generating', 0, 2));
    v.push(imageEvent('in_progress', 1, 3));
    v.push({ type: 'error', code: 'server_error', message: 'The model crashed', sequence_number: 4 });
    expect(v.end().map((x) => [x.rule, x.index, x.message])).toEqual([
      ['StreamFailed', 3, 'item "ig_0" ends at generating: the stream failed first (event 4: error: server_error: The model crashed)'],
      ['StreamFailed', 3, 'item "ig_1" ends at in_progress: the stream failed first (event 4: error: server_error: The model crashed)'],
    ]);
    const failed = new StreamValidator();
    failed.push(imageEvent('in_progress', 0, 1));
    failed.push({ type: 'response.failed', response: { error: { code: 'rate_limit', message: 'slow down' } }, sequence_number: 2 });
    expect(failed.end()[0]!.message).toContain('response.failed: rate_limit: slow down');
    // an SSE "event: error" whose data carries no type
    const sse = new StreamValidator();
    sse.push(imageEvent('in_progress', 0, 1));
    sse.push({ message: 'overloaded' }, 'error');
    expect(sse.end()[0]!.rule).toBe('StreamFailed');
  });

  it('a second item may not take an output_index that belongs to the first', () => {
    const v = new StreamValidator();
    v.push(imageEvent('in_progress', 0, 1));
    const other = { ...imageEvent('in_progress', 1, 2), output_index: 0 };
    expect(v.push(other)?.rule).toBe('ItemConsistency');
  });
});

describe('orc check-stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orc-streams-'));
  const save = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const valid = fc.sample(validImageStreams(), { seed: 4, numRuns: 1 })[0]!.filter((_, i, a) => a.length > 0);

  it('passes a valid SSE capture (with other event types and [DONE]) and a valid NDJSON file', () => {
    // not the spec's response.created: held to the image-generation models alone, it is an event of another type
    const other = { type: 'response.created', sequence_number: -1 };
    const sse = `${encodeSse([other, ...valid], { ...PLAIN, lineEndings: '\r\n', comments: true })}data: [DONE]\n\n`;
    const r = orc(['check-stream', save('ok.sse', sse), '--family', 'image-generation']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`sse, ${valid.length + 1} events (${valid.length} image generation, 1 of other types)`);
    // held to the spec's model of it, it is not one
    expect(orc(['check-stream', save('ok.sse', sse), '--json']).stdout).toContain('"rule": "Schema.ResponseCreatedStreamingEvent"');
    expect(orc(['check-stream', save('ok.ndjson', valid.map((e) => JSON.stringify(e)).join('\n') + '\n')]).status).toBe(0);
  });

  it.each<[string, (events: Record<string, Json>[]) => Record<string, Json>[], RegExp]>([
    [
      'a sequence number that goes back',
      (e) => [...e.slice(0, 2), { ...e[2]!, sequence_number: e[1]!.sequence_number! }, ...e.slice(3)],
      /event 3 \(line 3\): SequenceNumberIncreasing/,
    ],
    [
      'completed before generating',
      (e) => [e[0]!, { ...e[0]!, type: 'response.image_generation_call.completed', sequence_number: 100000 }],
      /event 2 \(line 2\): ItemOrder: item "ig_\d": completed after in_progress/,
    ],
    [
      'an item that moves to another output_index',
      (e) => [e[0]!, { ...e[1]!, item_id: e[0]!.item_id!, type: 'response.image_generation_call.generating', output_index: 999 }],
      /event 2 \(line 2\): ItemConsistency/,
    ],
    [
      'an event that breaks its model',
      (e) => [{ ...e[0]!, item_id: 5 as Json }, ...e.slice(1)],
      /event 1 \(line 1\): Schema\.OpenResponsesImageGenCallInProgress: \/item_id must be string/,
    ],
    ['an item never completed', (e) => e.slice(0, 2), /ItemNotCompleted/],
  ])('points at the first event that breaks a rule: %s', (_name, mutate, expected) => {
    const events = mutate(valid);
    const r = orc(['check-stream', save(`bad-${Math.random()}.ndjson`, events.map((e) => JSON.stringify(e)).join('\n'))]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(expected);
    expect(r.stdout).toMatch(/^first problem: /m);
  });

  it('reads a broken SSE capture, line numbers and all', () => {
    const sse = encodeSse([valid[0]!, { ...valid[0]!, sequence_number: 0 }], PLAIN);
    const r = orc(['check-stream', save('bad.sse', sse), '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).problems[0]).toMatchObject({ event: 2, line: 4, rule: 'SequenceNumberIncreasing' });
  });

  it('a capture that ends in an OpenAI-style error event names it as the cause of each unfinished item', () => {
    const sse = `${encodeSse(valid.slice(0, 2), PLAIN)}event: error\ndata: {"type":"error","code":"server_error","message":"The server had an error","sequence_number":99999}\n\n`;
    const r = orc(['check-stream', save('error.sse', sse), '--all']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/StreamFailed: item "ig_\d" ends at \w+: the stream failed first \(event 3: error: server_error: The server had an error\)/);
    expect(r.stdout).not.toContain('ItemNotCompleted');
  });

  it('with --all, a schema error on an event does not hide a sequence error on the same event', () => {
    const events = [valid[0]!, { ...valid[1]!, item_id: valid[0]!.item_id!, output_index: String(valid[0]!.output_index), sequence_number: 0 }];
    const r = orc(['check-stream', save(`both-${Math.random()}.ndjson`, events.map((e) => JSON.stringify(e)).join('\n')), '--all']);
    expect(r.stdout).toMatch(/event 2 \(line 2\): Schema\./);
    expect(r.stdout).toMatch(/event 2 \(line 2\): SequenceNumberIncreasing/);
  });

  it('reads standard input with -, as in curl -N … | orc check-stream -', () => {
    const sse = encodeSse(valid, PLAIN);
    const r = orc(['check-stream', '-'], {}, sse);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`standard input: sse, ${valid.length} events`);
  });

  it.each([
    ['an empty file', ''],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1')],
    ['a stream of another API only', 'data: {"type":"message_start","message":{}}\n\ndata: {"type":"message_stop"}\n\n'],
  ])('%s is not "ok": nothing was checked, exit 1', (_what, text) => {
    const r = orc(['check-stream', save(`none-${Math.random()}.txt`, text), '--all']);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(
      /^(first )?problem: NothingChecked: no event of the 28 models here \(lifecycle, output item, content part, text, refusal, reasoning, function call, error, image generation\) among the \d+ event\(s\) read: nothing was checked/m,
    );
    expect(r.stdout).not.toMatch(/^ok/m);
  });

  it('streams its input: 120 MB of random bytes is checked in a 96 MB heap, and is not "ok"', () => {
    const f = join(dir, 'random.bin');
    const fd = openSync(f, 'w');
    for (let i = 0; i < 120; i++) writeSync(fd, randomBytes(1024 * 1024));
    closeSync(fd);
    const r = orc(['check-stream', f], { NODE_OPTIONS: '--max-old-space-size=96' });
    expect(r.status, r.stderr.slice(-500)).toBe(1);
    expect(r.stdout).toMatch(/^first problem: /m);
    expect(r.stdout).not.toMatch(/^ok/m);
    rmSync(f);
  });
});
