import type { Adapter } from '../adapters/contract.ts';
import type { Json } from '../src/json.ts';
import type { Check, ObservationCase, Suite, SuiteContext } from './check.ts';
import { fieldsOfType, typicalValue, withRawMember } from './typical.ts';
import { describeParse, describeWrite, encodeText, shownPayload, andThen } from './verdicts.ts';
import { LONE_SURROGATES } from '../arbitraries/pools/strings.ts';

const parseCase = (model: string, label: string, text: string): ObservationCase => ({
  label,
  shown: shownPayload(text),
  observe: (adapter: Adapter) => andThen(adapter.parse(model, encodeText(text)), describeParse),
});

function observation(ctx: SuiteContext, id: string, description: string, cases: ObservationCase[], needs: ('parse' | 'serialize')[] = ['parse']): Check {
  return { id, level: 'Informational', suite: 'ImplementationDefined', model: ctx.model.name, mode: 'observe', needs, description, cases };
}

/** JSON text with `\u` escapes for lone surrogates, which no UTF-8 byte sequence can carry. */
const escapedString = (s: string) => JSON.stringify(s);

export const implementationDefinedSuite: Suite = {
  name: 'ImplementationDefined',
  description: 'values JSON allows but float64 or UTF-16 cannot hold, duplicate keys and key order: recorded, never failed',
  checks(ctx) {
    const base = typicalValue(ctx);
    const m = ctx.model.name;
    const checks: Check[] = [];
    for (const f of fieldsOfType(ctx, 'number')) {
      checks.push(observation(ctx, `Informational.ImplDefined.NumberOverflow.${f}`, `${f} beyond float64 range`, [
        parseCase(m, '1e400', withRawMember(base, f, '1e400')),
        parseCase(m, '-1e400', withRawMember(base, f, '-1e400')),
        parseCase(m, '1e-400 (underflows to 0)', withRawMember(base, f, '1e-400')),
      ]));
      checks.push(observation(ctx, `Informational.ImplDefined.NegativeZero.${f}`, `${f} spelled -0`, [
        parseCase(m, '-0', withRawMember(base, f, '-0')),
        parseCase(m, '-0.0', withRawMember(base, f, '-0.0')),
      ]));
      checks.push(observation(ctx, `Informational.ImplDefined.BeyondDoublePrecision.${f}`, `${f} an integer float64 cannot hold exactly`, [
        parseCase(m, '2^53+1', withRawMember(base, f, '9007199254740993')),
        parseCase(m, '2^63', withRawMember(base, f, '9223372036854775808')),
        parseCase(m, '2^64+1', withRawMember(base, f, '18446744073709551617')),
      ]));
      checks.push(observation(ctx, `Informational.Serialize.NegativeZero.${f}`, `what the serializer writes for ${f} = -0`, [{
        label: '-0',
        shown: { value: { ...base, [f]: -0 } },
        observe: (adapter) => andThen(adapter.serialize(m, { ...base, [f]: -0 } as Json), describeWrite),
      }], ['serialize']));
    }
    for (const f of fieldsOfType(ctx, 'string')) {
      checks.push(observation(ctx, `Informational.ImplDefined.LoneSurrogate.${f}`, `${f} holding a lone or inverted surrogate escape`,
        LONE_SURROGATES.map((s) => parseCase(m, escapedString(s), withRawMember(base, f, escapedString(s))))));
    }
    const [dup] = [...fieldsOfType(ctx, 'string'), ...fieldsOfType(ctx, 'number')];
    if (dup) {
      const first = typeof base[dup] === 'number' ? '1' : '"first"';
      const second = typeof base[dup] === 'number' ? '2' : '"second"';
      const text = withRawMember(base, dup, first).replace(/}$/, `,${JSON.stringify(dup)}:${second}}`);
      checks.push(observation(ctx, `Informational.ImplDefined.DuplicateKey.${dup}`, `${dup} given twice: which one wins`, [parseCase(m, `${first} then ${second}`, text)]));
    }
    checks.push(observation(ctx, 'Informational.Serialize.KeyOrder', 'the order the serializer writes keys in', [{
      label: 'typical value',
      shown: { value: base },
      observe: (adapter) => andThen(adapter.serialize(m, base), (o) => {
        if (!o.ok) return describeWrite(o);
        const keys = [...new TextDecoder().decode(o.bytes).matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((x) => x[1]!);
        const schemaOrder = Object.keys(ctx.model.schema.properties ?? {}).filter((k) => keys.includes(k));
        const sorted = [...keys].sort();
        const order = keys.join(', ');
        if (keys.join() === schemaOrder.join()) return `schema order: ${order}`;
        if (keys.join() === sorted.join()) return `alphabetical: ${order}`;
        return `other order: ${order}`;
      }),
    }], ['serialize']));
    return checks;
  },
};
