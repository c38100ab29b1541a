import type { Adapter, ParseOutcome } from '../core/contract.js';
import type { CheckDraft, ObservationCase, Observed, Suite } from '../core/check.js';
import { fieldsOfType } from './typical.js';
import { encodeText, shownPayload, andThen } from './verdicts.js';
import { parsedDuplicate, parsedNumber, parsedString } from './behaviours.js';
import { implementationDefinedPayloads } from './implementation-defined-payloads.js';
import { SUITE_DESCRIPTIONS } from './catalog.js';

const parseCase = (model: string, label: string, text: string, name: (o: ParseOutcome) => Observed): ObservationCase => ({
  label,
  shown: shownPayload(text),
  observe: (adapter: Adapter) => andThen(adapter.parse(model, encodeText(text)), name),
});

function observation(name: string, description: string, cases: ObservationCase[], needs: ('parse' | 'serialize')[] = ['parse']): CheckDraft {
  return { name, level: 'Informational', mode: 'observe', needs, description, cases };
}

export const implementationDefinedSuite: Suite = {
  name: 'ImplementationDefined',
  idSegment: 'ImplDefined',
  description: SUITE_DESCRIPTIONS.ImplementationDefined,
  checks(ctx) {
    const m = ctx.model.name;
    const checks: CheckDraft[] = [];
    const payloads = implementationDefinedPayloads(ctx);
    const group = (kind: string, field: string) => payloads.filter((p) => p.kind === kind && p.field === field);
    for (const f of fieldsOfType(ctx, 'number')) {
      const numberCases = (kind: string) => group(kind, f).map((p) => parseCase(m, p.label, p.text, (o) => parsedNumber(o, f, p.literal)));
      checks.push(observation(`NumberOverflow.${f}`, `${f} beyond float64 range`, numberCases('overflow')));
      // whether the sign is kept is the implementation's choice; refusing the literal is Required.Parse.AcceptsNegativeZero's failure
      checks.push(observation(`NegativeZero.${f}`, `${f} spelled -0: whether the sign is kept`, numberCases('negative-zero')));
      checks.push(observation(`BeyondDoublePrecision.${f}`, `${f} an integer float64 cannot hold exactly`, numberCases('beyond-double')));
    }
    for (const f of fieldsOfType(ctx, 'string')) {
      checks.push(
        observation(
          `LoneSurrogate.${f}`,
          `${f} holding a lone or inverted surrogate escape`,
          group('lone-surrogate', f).map((p) => parseCase(m, p.label, p.text, (o) => parsedString(o, f, JSON.parse(p.literal)))),
        ),
      );
    }
    for (const p of payloads.filter((x) => x.kind === 'duplicate-key')) {
      const [first, second] = p.literal.split('\u0000').map((x) => JSON.parse(x));
      checks.push(
        observation(`DuplicateKey.${p.field}`, `${p.field} given twice: which one wins`, [
          parseCase(m, p.label, p.text, (o) => parsedDuplicate(o, p.field, first, second)),
        ]),
      );
    }
    return checks;
  },
};
