import * as fc from 'fast-check';
import { validValues } from '../arbitraries/index.js';
import { applyMutation, baseOf, MUTATIONS, type Base, type FuzzCase, type Mutation } from '../arbitraries/wire/mutations.js';
import type { Json } from '../core/json.js';
import type { CheckDraft, SuiteContext } from '../core/check.js';
import { encodeText, shownPayload } from './verdicts.js';
import { expectBytesRejectedForItsRule } from './rejections.js';

/** The fuzzer's reject-labelled families, run as properties: a team gating CI on `orc run` meets malformed JSON too. */
const FAMILIES = [
  ['numbers', 'Numbers'],
  ['strings', 'Strings'],
  ['structure', 'Structure'],
] as const;

/**
 * A Rejects check over payloads made from a valid value: a refusal counts
 * only when the adapter accepts that valid value itself (`repairedOf`), so
 * an SDK refusing the value for another reason is not taken to reject the mix-up.
 */
function rejects<T>(
  ctx: SuiteContext,
  name: string,
  description: string,
  arbitrary: fc.Arbitrary<T>,
  bytesOf: (t: T) => Uint8Array,
  note: (t: T) => string,
  repairedOf: (t: T) => Json,
): CheckDraft<T> {
  const m = ctx.model.name;
  return {
    name,
    level: 'Required',
    mode: 'property',
    needs: ['parse'],
    description,
    arbitrary,
    show: (t) => ({ ...shownPayload(new TextDecoder().decode(bytesOf(t))), note: note(t) }),
    evaluate: (adapter, t) => expectBytesRejectedForItsRule(adapter, m, bytesOf(t), repairedOf(t)),
  };
}

/** The fuzzer's cases, each with the valid value it was made from. */
function casesFrom(bases: fc.Arbitrary<Base>, mutations: readonly Mutation[]): fc.Arbitrary<FuzzCase & { base: Json }> {
  return fc
    .tuple(bases, fc.nat(mutations.length - 1), fc.nat())
    .map(([b, i, pick]) => {
      const c = applyMutation(mutations[i]!, b, pick);
      return c && { ...c, base: b.value as Json };
    })
    .filter((c): c is FuzzCase & { base: Json } => c !== undefined);
}

/**
 * Malformed JSON around valid events, one check per family of the fuzzer's
 * mutations a conforming parser must reject (leading zeros, NaN, raw
 * controls, bad escapes, trailing commas, comments, truncation, …).
 */
export function malformedJsonChecks(ctx: SuiteContext): CheckDraft[] {
  const bases = validValues(ctx.set, ctx.model.id, { tame: true }).map((v) => baseOf(ctx.model.name, ctx.model.schema, v));
  const probe = fc.sample(bases, { numRuns: 1, seed: 1 })[0]!;
  const checks: CheckDraft[] = [];
  for (const [category, name] of FAMILIES) {
    const mutations = MUTATIONS.filter((x) => x.category === category && x.expect === 'reject');
    // a family whose every mutation needs a field this model lacks has nothing to send
    if (!mutations.some((x) => x.make(probe, 0) !== undefined)) continue;
    checks.push(
      rejects(
        ctx,
        `RejectsMalformedJson.${name}`,
        `malformed JSON (${category}: ${mutations.map((x) => x.name.split('.')[1]).join(', ')}) is rejected with a parse error`,
        casesFrom(bases, mutations),
        (c) => c.bytes,
        (c) => `${c.mutation}: ${c.detail}`,
        (c) => c.base,
      ),
    );
  }
  return checks;
}

/** What a stream of four event kinds realistically mixes up: another event's type, an event wrapped in something else. */
export function confusionChecks(ctx: SuiteContext): CheckDraft[] {
  const { set, model } = ctx;
  const values = validValues(set, model.id, { tame: true });
  const checks: CheckDraft[] = [];
  const own = model.schema['x-event-type'];
  const siblings = set.models.map((m) => m.schema['x-event-type']).filter((t): t is string => typeof t === 'string' && t !== own);
  if (typeof own === 'string' && siblings.length > 0) {
    checks.push(
      rejects(
        ctx,
        'RejectsOtherEventType',
        `an event whose type is another image-generation event's (${siblings.map((s) => s.split('.').pop()).join(', ')}) is rejected`,
        fc.tuple(values, fc.constantFrom(...siblings)).map(([v, type]) => ({ value: { ...(v as Record<string, Json>), type }, own: v })),
        (c) => encodeText(JSON.stringify(c.value)),
        (c) => `type is ${String(c.value.type)}, not ${own}`,
        (c) => c.own,
      ),
    );
  }
  const wraps: [string, (text: string) => string][] = [
    ['in an array', (t) => `[${t}]`],
    ['as a JSON string', (t) => JSON.stringify(t)],
    ['under "event"', (t) => `{"event":${t}}`],
    ['under "data"', (t) => `{"data":${t}}`],
  ];
  const required = (Array.isArray(model.schema.required) ? model.schema.required : []).filter((f: unknown): f is string => typeof f === 'string');
  const known = new Set(Object.keys(model.schema.properties ?? {}));
  const miscased = required.flatMap((f) =>
    [f.toUpperCase(), f[0]!.toUpperCase() + f.slice(1)].filter((k) => k !== f && !known.has(k)).map((k) => [f, k] as const),
  );
  if (miscased.length > 0) {
    // Go's encoding/json matches keys case-insensitively: {"ITEM_ID": …} is not an event without item_id to it
    checks.push(
      rejects(
        ctx,
        'RejectsMiscasedField',
        `an event whose required field is spelled in another case (${miscased
          .map(([, k]) => k)
          .slice(0, 4)
          .join(', ')}, …) lacks that field and is rejected`,
        fc.tuple(values, fc.constantFrom(...miscased)).map(([v, [f, k]]) => ({
          value: Object.fromEntries(Object.entries(v as Record<string, Json>).map(([key, x]) => [key === f ? k : key, x])),
          key: k,
          field: f,
          own: v,
        })),
        (c) => encodeText(JSON.stringify(c.value)),
        (c) => `${c.field} spelled ${c.key}`,
        (c) => c.own,
      ),
    );
  }
  checks.push(
    rejects(
      ctx,
      'RejectsWrappedEvent',
      'a valid event wrapped in an array, a JSON string or another object is rejected',
      fc.tuple(values, fc.nat(wraps.length - 1)).map(([v, i]) => ({ text: wraps[i]![1](JSON.stringify(v)), how: wraps[i]![0], own: v })),
      (w) => encodeText(w.text),
      (w) => `a valid event ${w.how}`,
      (w) => w.own,
    ),
  );
  return checks;
}
