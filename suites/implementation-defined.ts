import type { Adapter } from '../core/contract.ts';
import type { Json } from '../core/json.ts';
import type { Check, ObservationCase, Observed, Suite, SuiteContext } from '../core/check.ts';
import { fieldsOfType, typicalValue } from './typical.ts';
import { encodeText, shownPayload, andThen } from './verdicts.ts';
import type { ParseOutcome } from '../core/contract.ts';
import { memberText, parsedDuplicate, parsedNumber, parsedString, wrote } from './behaviours.ts';
import { implementationDefinedPayloads } from './implementation-defined-payloads.ts';

const parseCase = (model: string, label: string, text: string, name: (o: ParseOutcome) => Observed): ObservationCase => ({
  label,
  shown: shownPayload(text),
  observe: (adapter: Adapter) => andThen(adapter.parse(model, encodeText(text)), name),
});

function observation(ctx: SuiteContext, id: string, description: string, cases: ObservationCase[], needs: ('parse' | 'serialize')[] = ['parse']): Check {
  return { id, level: 'Informational', suite: 'ImplementationDefined', model: ctx.model.name, mode: 'observe', needs, description, cases };
}

export const implementationDefinedSuite: Suite = {
  name: 'ImplementationDefined',
  description: 'values JSON allows but float64 or UTF-16 cannot hold, duplicate keys and key order: recorded, never failed',
  checks(ctx) {
    const base = typicalValue(ctx);
    const m = ctx.model.name;
    const checks: Check[] = [];
    const payloads = implementationDefinedPayloads(ctx);
    const group = (kind: string, field: string) => payloads.filter((p) => p.kind === kind && p.field === field);
    for (const f of fieldsOfType(ctx, 'number')) {
      const numberCases = (kind: string) => group(kind, f).map((p) => parseCase(m, p.label, p.text, (o) => parsedNumber(o, f, p.literal)));
      checks.push(observation(ctx, `Informational.ImplDefined.NumberOverflow.${f}`, `${f} beyond float64 range`, numberCases('overflow')));
      checks.push(observation(ctx, `Informational.ImplDefined.NegativeZero.${f}`, `${f} spelled -0`, numberCases('negative-zero')));
      checks.push(observation(ctx, `Informational.ImplDefined.BeyondDoublePrecision.${f}`, `${f} an integer float64 cannot hold exactly`, numberCases('beyond-double')));
      const value = { ...base, [f]: -0 } as Json;
      checks.push(observation(ctx, `Informational.Serialize.NegativeZero.${f}`, `what the serializer writes for ${f} = -0`, [{
        label: '-0',
        shown: { value },
        observe: (adapter) => andThen(adapter.serialize(m, value), (o) => wrote(o, (text) => `wrote ${memberText(text, f) ?? 'no ' + f}`)),
      }], ['serialize']));
    }
    for (const f of fieldsOfType(ctx, 'string')) {
      checks.push(observation(ctx, `Informational.ImplDefined.LoneSurrogate.${f}`, `${f} holding a lone or inverted surrogate escape`,
        group('lone-surrogate', f).map((p) => parseCase(m, p.label, p.text, (o) => parsedString(o, f, JSON.parse(p.literal))))));
    }
    for (const p of payloads.filter((x) => x.kind === 'duplicate-key')) {
      const [first, second] = p.literal.split('\u0000').map((x) => JSON.parse(x));
      checks.push(observation(ctx, `Informational.ImplDefined.DuplicateKey.${p.field}`, `${p.field} given twice: which one wins`, [parseCase(m, p.label, p.text, (o) => parsedDuplicate(o, p.field, first, second))]));
    }
    checks.push(observation(ctx, 'Informational.Serialize.KeyOrder', 'the order the serializer writes keys in', [{
      label: 'typical value',
      shown: { value: base },
      observe: (adapter) => andThen(adapter.serialize(m, base), (o) => wrote(o, (text) => {
        const keys = [...text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].map((x) => x[1]!);
        const schemaOrder = Object.keys(ctx.model.schema.properties ?? {}).filter((k) => keys.includes(k));
        if (keys.join() === schemaOrder.join()) return 'schema order';
        if (keys.join() === [...keys].sort().join()) return 'alphabetical';
        return 'other order';
      })),
    }], ['serialize']));
    return checks;
  },
};
