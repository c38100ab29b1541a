import { mixedValues } from '../arbitraries/index.js';
import { difference, show } from '../core/equality.js';
import type { Json } from '../core/json.js';
import type { CheckDraft, Suite, Verdict } from '../core/check.js';
import { andThen, schemaVerdict, written } from './verdicts.js';
import { serializerChoiceChecks } from './serializer-choices.js';
import type { Answer } from '../core/json.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

type Judge = (value: Json, output: Answer, text: string) => Verdict;

export const serializeSuite: Suite = {
  name: 'Serialize',
  description: SUITE_DESCRIPTIONS.Serialize,
  checks(ctx) {
    const { set, model } = ctx;
    // half of them plain: a serializer whose native type holds less than the model (an int64) still meets cases it can write
    const values = mixedValues(set, model.id);
    const check = (name: string, description: string, judge: Judge): CheckDraft<Json> => ({
      name,
      level: 'Required',
      mode: 'property',
      needs: ['serialize'],
      description,
      arbitrary: values,
      show: (v) => ({ value: v }),
      evaluate: (adapter, v) =>
        andThen(adapter.serialize(model.name, v), (o) => {
          const out = written(o);
          return out.ok ? judge(v, out.value, out.text) : out.verdict;
        }),
    });
    const checks: CheckDraft[] = [
      check('OutputIsJson', 'the output is UTF-8 JSON', () => ({ status: 'pass' })),
      check('OutputValidates', 'the output validates against the schema', (_v, out, text) => schemaVerdict(set, model.id, out, text)),
      check('PreservesValue', 'the output reads back as the value given, nothing added', (v, out, text) => {
        const d = difference(v, out);
        return d ? { status: 'fail', kind: 'mismatch', message: d, answer: text } : { status: 'pass' };
      }),
    ];
    for (const field of Object.keys(model.schema.properties ?? {})) {
      checks.push(
        check(`WritesField.${field}`, `the output has ${field} with the value given`, (v, out, text) => {
          const given = (v as Record<string, Json>)[field];
          if (given === undefined) return { status: 'pass' };
          const got = (out as Record<string, Answer>)?.[field];
          if (got === undefined) return { status: 'fail', kind: 'invalid-output', message: `${field} is missing from the output`, answer: text };
          const d = difference(given, got, `/${field}`);
          return d ? { status: 'fail', kind: 'mismatch', message: d, answer: show(got) } : { status: 'pass' };
        }),
      );
    }
    return [...checks, ...serializerChoiceChecks(ctx)];
  },
};
