import { breakers } from '../arbitraries/index.js';
import * as fc from 'fast-check';
import type { BrokenValue } from '../arbitraries/index.js';
import { objectFrom, type Json } from '../core/json.js';
import type { CheckDraft, Suite } from '../core/check.js';
import { typicalValue } from './typical.js';
import { memberText, wrote } from './behaviours.js';
import { encodeText, expectParsedIfCanonicalIs, reserialize, shownPayload, andThen } from './verdicts.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

/** The value without the member the pointer names: what a parser that ignores it must yield. */
function without(value: Json, pointer: string): Json {
  const [head, ...rest] = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (head === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((x, i) => (String(i) === head ? without(x, '/' + rest.join('/')) : x));
  if (rest.length === 0) return objectFrom(Object.entries(value).filter(([k]) => k !== head));
  return objectFrom(Object.entries(value).map(([k, x]) => [k, k === head ? without(x, '/' + rest.join('/')) : x]));
}

export const unknownFieldsSuite: Suite = {
  name: 'UnknownFields',
  description: SUITE_DESCRIPTIONS.UnknownFields,
  checks(ctx) {
    const { set, model } = ctx;
    // the values a vocabulary hands this suite: members the model does not name
    const extras = [...breakers(set, model.id, { tame: true }), ...breakers(set, model.id)].filter(
      (b) => typeof b.judge === 'object' && b.judge.suite === unknownFieldsSuite.name,
    );
    const checks: CheckDraft[] = [];
    if (extras.length > 0) {
      checks.push({
        name: 'Ignored',
        level: 'Recommended',
        mode: 'property',
        needs: ['parse'],
        description: 'a valid payload with added fields parses to the value without them',
        arbitrary: extras.length === 1 ? extras[0]!.arbitrary : fc.oneof(...extras.map((b) => b.arbitrary)),
        show: (bv: BrokenValue) => shownPayload(JSON.stringify(bv.value), `unknown field at ${bv.path}`),
        evaluate: (adapter, bv: BrokenValue) => expectParsedIfCanonicalIs(adapter, model.name, bv.value, JSON.stringify(bv.value), without(bv.value, bv.path)),
      });
    }
    const base = typicalValue(ctx);
    const payloads: [string, Record<string, Json>, string][] = [
      ['a scalar unknown field', { ...base, extra_field: 'x' }, 'extra_field'],
      ['a nested unknown field', { ...base, extra_object: { nested: [1, 2.5, null] } }, 'extra_object'],
    ];
    checks.push({
      name: 'Reserialized',
      level: 'Informational',
      mode: 'observe',
      needs: ['parse', 'serialize'],
      description: 'what the implementation writes after reading a payload with unknown fields: dropped, kept, or refused',
      cases: payloads.map(([label, v, extra]) => ({
        label,
        shown: shownPayload(JSON.stringify(v)),
        observe: (adapter) =>
          andThen(reserialize(adapter, model.name, encodeText(JSON.stringify(v))), (o) =>
            wrote(o, (text) => (memberText(text, extra) !== undefined ? 'kept and written' : 'dropped')),
          ),
      })),
    });
    return checks;
  },
};
