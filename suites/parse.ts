import * as fc from 'fast-check';
import { breakers, fieldClasses, validValues } from '../arbitraries/index.js';
import type { Breaker, BrokenValue } from '../arbitraries/index.js';
import type { Json } from '../core/json.js';
import type { CheckDraft, Suite } from '../core/check.js';
import { encodeText, expectParsed, shownPayload, andThen } from './verdicts.js';
import { expectRejectedForItsRule } from './rejections.js';
import { negativeZeroChecks } from './negative-zero.js';
import { confusionChecks, malformedJsonChecks } from './malformed.js';
import { unmodelledCheck } from './union-behaviour.js';
import { typicalValue } from './typical.js';
import { eventTypeOf } from '../core/models.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

export const withField = (name: string, field: string) => (field === '' ? name : `${name}.${field}`);

function acceptCheck(model: string, base: Pick<CheckDraft<Json>, 'name' | 'level' | 'description'> & { arbitrary: fc.Arbitrary<Json> }): CheckDraft<Json> {
  return {
    ...base,
    mode: 'property',
    needs: ['parse'],
    show: (v) => shownPayload(JSON.stringify(v)),
    evaluate: (adapter, v) => andThen(adapter.parse(model, encodeText(JSON.stringify(v))), (o) => expectParsed(o, v)),
  };
}

/**
 * Three cases in four break the rule amid plain values (small integers,
 * ASCII), the rest amid the full range: an implementation that refuses some
 * valid values (an int64 SDK and fractions) still meets cases whose refusal
 * can only be for the rule, and the others still show the rule broken
 * beside every kind of value.
 */
function withTameBackground(b: Breaker, tame: Breaker | undefined): fc.Arbitrary<BrokenValue> {
  if (!tame || tame.rule !== b.rule || tame.field !== b.field) return b.arbitrary;
  return fc.oneof({ arbitrary: tame.arbitrary, weight: 3 }, { arbitrary: b.arbitrary, weight: 1 });
}

export const parseSuite: Suite = {
  name: 'Parse',
  description: SUITE_DESCRIPTIONS.Parse,
  checks(ctx) {
    const { set, model } = ctx;
    const checks: CheckDraft[] = [];
    checks.push(
      acceptCheck(model.name, {
        name: 'AcceptsValid',
        level: 'Required',
        description: 'every valid payload parses to the value it spells',
        arbitrary: validValues(set, model.id),
      }),
    );
    for (const fcl of fieldClasses(set, model.id)) {
      checks.push(
        acceptCheck(model.name, {
          name: `${fcl.check}.${fcl.field}`,
          level: 'Required',
          description: `valid payloads whose ${fcl.field} is ${fcl.className} parse with ${fcl.field} intact`,
          arbitrary: fcl.arbitrary,
        }),
      );
    }
    checks.push(...negativeZeroChecks(ctx));
    const grouped = new Map<string, { rules: Set<string>; field: string; arbs: fc.Arbitrary<BrokenValue>[] }>();
    const tame = breakers(set, model.id, { tame: true });
    for (const [i, b] of breakers(set, model.id).entries()) {
      // which check judges a breaker is its vocabulary's word; one another suite takes for its own is not this suite's
      if (typeof b.judge !== 'string') continue;
      const id = withField(b.judge, b.field);
      const g = grouped.get(id) ?? { rules: new Set(), field: b.field, arbs: [] };
      g.rules.add(b.rule);
      g.arbs.push(withTameBackground(b, tame[i]));
      grouped.set(id, g);
    }
    for (const [id, g] of grouped) {
      checks.push({
        name: id,
        level: 'Required',
        mode: 'property',
        needs: ['parse'],
        placed: true,
        description: `payloads breaking ${[...g.rules].join('/')}${g.field ? ` at ${g.field}` : ''} are rejected with a parse error`,
        arbitrary: g.arbs.length === 1 ? g.arbs[0]! : fc.oneof(...g.arbs),
        show: (bv: BrokenValue) => shownPayload(JSON.stringify(bv.value), `breaks ${bv.rule} at ${bv.path || '/'}`),
        evaluate: (adapter, bv: BrokenValue) => expectRejectedForItsRule(adapter, model.name, bv),
      });
    }
    return [...checks, ...confusionChecks(ctx), ...malformedJsonChecks(ctx), ...unmodelledCheck(eventTypeOf(ctx.model), typicalValue(ctx))];
  },
};
