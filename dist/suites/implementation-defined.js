import { fieldsOfType } from './typical.js';
import { encodeText, shownPayload, andThen } from './verdicts.js';
import { parsedDuplicate, parsedNumber, parsedString } from './behaviours.js';
import { implementationDefinedPayloads } from './implementation-defined-payloads.js';
const parseCase = (model, label, text, name) => ({
    label,
    shown: shownPayload(text),
    observe: (adapter) => andThen(adapter.parse(model, encodeText(text)), name),
});
function observation(name, description, cases, needs = ['parse']) {
    return { name, level: 'Informational', mode: 'observe', needs, description, cases };
}
export const implementationDefinedSuite = {
    name: 'ImplementationDefined',
    idSegment: 'ImplDefined',
    description: 'values JSON allows but float64 or UTF-16 cannot hold, and duplicate keys: what a parser makes of them, recorded, never failed',
    checks(ctx) {
        const m = ctx.model.name;
        const checks = [];
        const payloads = implementationDefinedPayloads(ctx);
        const group = (kind, field) => payloads.filter((p) => p.kind === kind && p.field === field);
        for (const f of fieldsOfType(ctx, 'number')) {
            const numberCases = (kind) => group(kind, f).map((p) => parseCase(m, p.label, p.text, (o) => parsedNumber(o, f, p.literal)));
            checks.push(observation(`NumberOverflow.${f}`, `${f} beyond float64 range`, numberCases('overflow')));
            checks.push(observation(`NegativeZero.${f}`, `${f} spelled -0`, numberCases('negative-zero')));
            checks.push(observation(`BeyondDoublePrecision.${f}`, `${f} an integer float64 cannot hold exactly`, numberCases('beyond-double')));
        }
        for (const f of fieldsOfType(ctx, 'string')) {
            checks.push(observation(`LoneSurrogate.${f}`, `${f} holding a lone or inverted surrogate escape`, group('lone-surrogate', f).map((p) => parseCase(m, p.label, p.text, (o) => parsedString(o, f, JSON.parse(p.literal))))));
        }
        for (const p of payloads.filter((x) => x.kind === 'duplicate-key')) {
            const [first, second] = p.literal.split('\u0000').map((x) => JSON.parse(x));
            checks.push(observation(`DuplicateKey.${p.field}`, `${p.field} given twice: which one wins`, [parseCase(m, p.label, p.text, (o) => parsedDuplicate(o, p.field, first, second))]));
        }
        return checks;
    },
};
//# sourceMappingURL=implementation-defined.js.map