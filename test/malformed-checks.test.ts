/**
 * What only `orc fuzz` used to catch, a default `orc run` catches now: each
 * check proven by the reference passing it and by a parser broken for it,
 * with a shrunk payload and a replay command.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findModel } from '../core/models.js';
import { planChecks } from '../runner/plan.js';
import type { Adapter, ParseOutcome } from '../core/contract.js';
import { GENERATING, reference, set } from './helpers/adapters.js';
import { acceptsTrailingCommas, lenientNumbers } from './helpers/broken-parsers.js';
import { byId, runChecks } from './helpers/run.js';
import { bundledHarnesses } from '../adapters/stdio/factories.js';
import { isBuilt, loadManifests } from '../adapters/stdio/harnesses.js';

const NEW = 'Required.Parse.RejectsMalformedJson.*,Required.Parse.RejectsOtherEventType,Required.Parse.RejectsWrappedEvent,Required.Parse.RejectsMiscasedField';

/** The reference parser after a rewrite of the payload's text: one realistic defect each. */
function rewriting(name: string, rewrite: (text: string) => string): Adapter {
  const base = reference();
  return {
    ...base,
    info: { ...base.info, name },
    parse: (m, p) => base.parse(m, new TextEncoder().encode(rewrite(new TextDecoder().decode(p)))) as ParseOutcome,
  };
}

const MUTANTS: [string, () => Adapter, string, RegExp][] = [
  ['reads 01 and +1 as numbers', lenientNumbers, 'Required.Parse.RejectsMalformedJson.Numbers', /^Numbers\.(LeadingZero|PlusSign|LeadingDot)/],
  [
    "reads NaN as a number (as Python's json does)",
    () => rewriting('accepts-nan', (t) => t.replace(/:\s*-?(NaN|Infinity|nan|inf)\b/g, ':0')),
    'Required.Parse.RejectsMalformedJson.Numbers',
    /^Numbers\.NaNInfinity/,
  ],
  // json.loads takes NaN anywhere; a model that reads only its own fields refuses it there alone
  [
    "takes NaN where its model does not look (Python's json.loads, then pydantic)",
    () => rewriting('nan-outside-known-fields', (t) => t.replace(/(?<=[:[,]\s*)-?(NaN|Infinity)\b/g, 'null')),
    'Required.Parse.RejectsMalformedJson.Numbers',
    /^Numbers\.NaNInfinity: orc_extra[^:]*: -?(NaN|Infinity)$/,
  ],
  ['drops trailing commas', acceptsTrailingCommas, 'Required.Parse.RejectsMalformedJson.Structure', /^Structure\.TrailingComma/],
  [
    'reads the first value and ignores what follows',
    () => rewriting('ignores-trailing-garbage', (t) => t.replace(/}[^}]*$/, '}')),
    'Required.Parse.RejectsMalformedJson.Structure',
    /^Structure\.TrailingGarbage/,
  ],
  [
    'reads \\x41 as an escape',
    () => rewriting('lenient-escapes', (t) => t.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')),
    'Required.Parse.RejectsMalformedJson.Strings',
    /^Strings\.InvalidEscape/,
  ],
  [
    'takes any image-generation type',
    () => rewriting('any-event-type', (t) => t.replace(/"response\.image_generation_call\.\w+"/, '"response.image_generation_call.generating"')),
    'Required.Parse.RejectsOtherEventType',
    /type is response\.image_generation_call\.\w+, not/,
  ],
  [
    'unwraps a one-element array',
    () => rewriting('unwraps-arrays', (t) => t.replace(/^\[(.*)\]$/s, '$1')),
    'Required.Parse.RejectsWrappedEvent',
    /in an array/,
  ],
];

describe('malformed JSON and confused events in the property run', () => {
  it('the reference rejects every case of every new check', async () => {
    const results = await runChecks(reference(), { model: GENERATING, suite: NEW });
    expect(results.map((r) => r.id).sort()).toEqual([
      'Required.Parse.RejectsMalformedJson.Numbers',
      'Required.Parse.RejectsMalformedJson.Strings',
      'Required.Parse.RejectsMalformedJson.Structure',
      'Required.Parse.RejectsMiscasedField',
      'Required.Parse.RejectsOtherEventType',
      'Required.Parse.RejectsWrappedEvent',
    ]);
    expect(results.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.failure?.message}`)).toEqual([]);
  });

  it.each(MUTANTS)('a parser that %s fails %s, shrunk, with a replay command', async (_what, make, id, note) => {
    const results = await runChecks(make(), { model: GENERATING, suite: NEW });
    const r = byId(results, id);
    expect(r.status, JSON.stringify(results.map((x) => [x.id, x.status]))).toBe('failed');
    expect(r.failure!.kind).toBe('accepted-invalid');
    expect(r.failure!.counterexample.note).toMatch(note);
    expect(r.failure!.replayCommand).toMatch(/^npx orc replay orc1\./);
  });

  it('every case of every new check is refused by the oracles, not only by the reference: JSON.parse or ajv', () => {
    const model = findModel(set, GENERATING);
    const validate = set.ajv.getSchema(model.id)!;
    for (const check of planChecks({ set, models: [model], suite: NEW })) {
      if (check.mode !== 'property') continue;
      for (const t of fc.sample(check.arbitrary, { numRuns: 200, seed: 5 })) {
        const text = check.show(t).payload!.text;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          continue;
        }
        expect(validate(json), `${check.id}: ${text.slice(0, 200)}`).toBe(false);
      }
    }
  });
});

const manifests = loadManifests();
const built = (name: string) => isBuilt(manifests.find((m) => m.adapters.some((a) => a.name === name))!);

describe('the real SDKs that validate only the fields their model names', () => {
  // json.loads takes NaN and Infinity anywhere; pydantic refuses them in a known int field and never looks at the rest
  it.each(['py-openrouter', 'py-openai-strict'])(
    '%s accepts NaN in a member its model does not name: RejectsMalformedJson.Numbers fails it',
    async (name) => {
      if (!built(name)) {
        if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${name} is not built in CI`);
        return;
      }
      const a = await bundledHarnesses()
        .find((f) => f.name === name)!
        .create({ set });
      try {
        const r = byId(
          await runChecks(a, { model: GENERATING, suite: 'Required.Parse.RejectsMalformedJson.Numbers' }),
          'Required.Parse.RejectsMalformedJson.Numbers',
        );
        expect(r.failure?.kind).toBe('accepted-invalid');
        expect(r.failure!.counterexample.note).toMatch(/^Numbers\.NaNInfinity: orc_extra[^:]*: -?(NaN|Infinity)$/);
      } finally {
        await a.close?.();
      }
    },
    120_000,
  );
});
