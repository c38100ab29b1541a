import { mixedValues, wireSpellings } from '../arbitraries/index.js';
import { difference, show } from '../core/equality.js';
import type { Json } from '../core/json.js';
import type { Suite } from '../core/check.js';
import { encodeText, expectParsed, reserialize, shownPayload, andThen, written } from './verdicts.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

export const roundTripSuite: Suite = {
  name: 'RoundTrip',
  description: SUITE_DESCRIPTIONS.RoundTrip,
  checks({ set, model }) {
    // half of them plain, as in Serialize: an SDK whose types hold less than the model still meets cases it can hold
    const values = mixedValues(set, model.id);
    return [
      {
        name: 'ParseOfSerialize',
        level: 'Required',
        mode: 'property',
        needs: ['serialize', 'parse'],
        description: 'what the serializer writes, the parser reads back as the value given',
        arbitrary: values,
        show: (v: Json) => ({ value: v }),
        evaluate: (adapter, v: Json) =>
          andThen(adapter.serialize(model.name, v), (s) => {
            const w = written(s);
            if (!w.ok || !s.ok) return w.ok ? { status: 'pass' as const } : w.verdict;
            return andThen(adapter.parse(model.name, s.bytes), (p) => expectParsed(p, v));
          }),
      },
      {
        name: 'SerializeOfParse',
        level: 'Required',
        mode: 'property',
        needs: ['parse', 'serialize'],
        description: 'a payload parsed and written again means what it meant, however it was spelled',
        arbitrary: wireSpellings(values),
        show: (s: { text: string }) => shownPayload(s.text),
        evaluate: (adapter, s: { value: Json; text: string }) =>
          andThen(reserialize(adapter, model.name, encodeText(s.text)), (o) => {
            if (!o.ok && o.error.kind === 'parse_error')
              return { status: 'fail' as const, kind: 'rejected-valid' as const, message: `rejected a valid payload: ${o.error.message}` };
            const out = written(o);
            if (!out.ok) return out.verdict;
            const d = difference(s.value, out.value);
            return d ? { status: 'fail' as const, kind: 'mismatch' as const, message: d, answer: show(out.value) } : { status: 'pass' as const };
          }),
      },
    ];
  },
};
