/**
 * The checks of whole response streams (issue 22): each proven by the
 * reference passing it and by a reference broken in the one way it tests
 * failing it, with a message that says what the implementation did.
 */
import { describe, expect, it } from 'vitest';
import { referenceAdapter } from '../adapters/reference/index.js';
import type { Adapter, UnionOutcome } from '../core/contract.js';
import type { Check } from '../core/check.js';
import { loadSchemaSet } from '../core/models.js';
import { planChecks, PLACED_AT_FULL_RUNS } from '../runner/plan.js';
import { checkSeed } from '../runner/replay-token.js';
import { runCheck, runsFor } from '../runner/run-check.js';

const set = loadSchemaSet();
const host = set.models.find((m) => m.name === 'ResponseCreatedStreamingEvent')!;
const checks = planChecks({ set, models: [host], suite: 'Stream' });
const check = (id: string) => checks.find((c) => c.id === id)!;
const reference = referenceAdapter(set);

/** The reference with its union changed: the one bug a test gives it. */
function withUnion(union: (payload: Uint8Array, real: UnionOutcome) => UnionOutcome, types = reference.info.unionTypes): Adapter {
  return { ...reference, info: { ...reference.info, unionTypes: types }, union: (p) => union(p, reference.union!(p) as UnionOutcome) };
}

const typeOf = (p: Uint8Array) => JSON.parse(Buffer.from(p).toString('utf8')).type as string;

async function run(c: Check, adapter: Adapter) {
  return runCheck(c, adapter, { seed: checkSeed(1, c.model, c.id), runs: 20, concurrency: 4 });
}

describe('whole response streams through the decoder and the union', () => {
  it('plans the four checks under response.created, none under other spec events', () => {
    expect(checks.map((c) => c.id)).toEqual([
      'Required.Sse.EventSequence',
      'Required.Sse.ExtensionEvent',
      'Informational.Sse.UnknownEvent',
      'Informational.Sse.ReasoningSpelling',
    ]);
    const delta = set.models.find((m) => m.name === 'ResponseOutputTextDeltaStreamingEvent')!;
    expect(planChecks({ set, models: [delta] }).filter((c) => c.suite === 'Stream')).toEqual([]);
  });

  it('the reference passes both Required checks and records what it does', async () => {
    for (const id of ['Required.Sse.EventSequence', 'Required.Sse.ExtensionEvent']) expect((await run(check(id), reference)).status, id).toBe('passed');
    const unknown = await run(check('Informational.Sse.UnknownEvent'), reference);
    expect(unknown.status === 'observed' && unknown.observations[0]!.behaviour).toBe('handed on untyped');
    const spelling = await run(check('Informational.Sse.ReasoningSpelling'), reference);
    expect(spelling.status === 'observed' && spelling.observations[0]!.behaviour).toBe("the spec's");
  });

  it('a union that refuses event types it does not know fails ExtensionEvent, and only it', async () => {
    const strict = withUnion((p, real) =>
      typeOf(p).includes(':') ? { ok: false, error: { kind: 'parse_error', message: `unknown variant \`${typeOf(p)}\`` } } : real,
    );
    const r = await run(check('Required.Sse.ExtensionEvent'), strict);
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.failure.message).toMatch(/the union refused the extension event "[a-z-]+:[a-z_.]+" \(event \d+\).*unknown variant/);
    expect((await run(check('Required.Sse.EventSequence'), strict)).status).toBe('passed');
  });

  it('a union that drops a member of one event type fails EventSequence, saying which event and member', async () => {
    const dropping = withUnion((p, real) => {
      if (!real.ok || typeOf(p) !== 'response.output_text.delta') return real;
      const { delta, ...rest } = real.value as Record<string, unknown>;
      return { ...real, value: rest as never };
    });
    const r = await run(check('Required.Sse.EventSequence'), dropping);
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.failure.message).toMatch(
      /^event \d+ \(response\.output_text\.delta, typed as ResponseOutputTextDeltaStreamingEvent\) .*delta/,
    );
  });

  it('an event type the union does not model is not compared, and a union that models none says nothing', async () => {
    const noText = withUnion(
      (p, real) => real,
      reference.info.unionTypes!.filter((t) => !t.startsWith('response.output_text')),
    );
    expect((await run(check('Required.Sse.EventSequence'), noText)).status).toBe('passed');
    const none = await run(
      check('Required.Sse.EventSequence'),
      withUnion((p, real) => real, []),
    );
    expect(none.status === 'unsupported' && none.reason).toBe("no case applied: the union models none of the stream's event types");
  });

  it('an adapter without a union is n/a for all four, not passed', async () => {
    const { union, ...rest } = reference;
    const bare: Adapter = { ...rest, info: { ...reference.info, unionTypes: undefined } };
    for (const c of checks) expect((await run(c, bare)).status, c.id).toBe('unsupported');
  });

  it('Parse.Unmodelled records what the union does with an event it does not model', async () => {
    const delta = set.models.find((m) => m.name === 'ResponseReasoningDeltaStreamingEvent')!;
    const c = planChecks({ set, models: [delta], suite: 'Informational.Parse.Unmodelled' })[0]!;
    const modelled = await run(c, reference);
    expect(modelled.status === 'observed' && modelled.observations[0]!.behaviour).toBe('modelled');
    const openaiLike = withUnion(
      (p, real) => (typeOf(p) === 'response.reasoning.delta' ? { ok: true, value: JSON.parse(Buffer.from(p).toString('utf8')), as: 'dict' } : real),
      reference.info.unionTypes!.filter((t) => t !== 'response.reasoning.delta'),
    );
    const r = await run(c, openaiLike);
    expect(r.status === 'observed' && r.observations[0]!.behaviour).toBe('handed on untyped');
  });
});

describe("a nested model's placed checks share a budget", () => {
  it('response.completed draws fewer cases per place; a flat image model all of them', () => {
    const completed = planChecks({ set, models: [set.models.find((m) => m.name === 'ResponseCompletedStreamingEvent')!] });
    const placed = completed.filter((c) => c.mode === 'property' && c.placed);
    expect(placed.length).toBeGreaterThan(PLACED_AT_FULL_RUNS);
    for (const c of placed) expect(runsFor(c as never, 100)).toBe(Math.max(5, Math.ceil((100 * PLACED_AT_FULL_RUNS) / placed.length)));
    // the share is the model's, whatever a filter keeps
    const filtered = planChecks({ set, models: [set.models.find((m) => m.name === 'ResponseCompletedStreamingEvent')!], suite: 'Required.Parse.RejectsNull*' });
    expect(runsFor(filtered[0] as never, 100)).toBe(runsFor(placed[0] as never, 100));
    for (const m of set.models.filter((m) => m.name.startsWith('OpenResponsesImageGen')))
      for (const c of planChecks({ set, models: [m] })) if (c.mode === 'property') expect(runsFor(c, 100), `${m.name} ${c.id}`).toBe(100);
  });
});
