import * as fc from 'fast-check';
import { validValues } from '../arbitraries/index.js';
import { baseOf, fuzzCases, MUTATIONS } from '../arbitraries/wire/mutations.js';
import { andThen, encodeText, expectRejected, shownPayload } from './verdicts.js';
/** The fuzzer's reject-labelled families, run as properties: a team gating CI on `orc run` meets malformed JSON too. */
const FAMILIES = [['numbers', 'Numbers'], ['strings', 'Strings'], ['structure', 'Structure']];
function rejects(ctx, name, description, arbitrary, bytesOf, note) {
    const m = ctx.model.name;
    return {
        name, level: 'Required', mode: 'property', needs: ['parse'], description, arbitrary,
        show: (t) => ({ ...shownPayload(new TextDecoder().decode(bytesOf(t))), note: note(t) }),
        evaluate: (adapter, t) => andThen(adapter.parse(m, bytesOf(t)), expectRejected),
    };
}
/**
 * Malformed JSON around valid events, one check per family of the fuzzer's
 * mutations a conforming parser must reject (leading zeros, NaN, raw
 * controls, bad escapes, trailing commas, comments, truncation, …).
 */
export function malformedJsonChecks(ctx) {
    const bases = validValues(ctx.set, ctx.model.id, { tame: true }).map((v) => baseOf(ctx.model.name, ctx.model.schema, v));
    const probe = fc.sample(bases, { numRuns: 1, seed: 1 })[0];
    const checks = [];
    for (const [category, name] of FAMILIES) {
        const mutations = MUTATIONS.filter((x) => x.category === category && x.expect === 'reject');
        // a family whose every mutation needs a field this model lacks has nothing to send
        if (!mutations.some((x) => x.make(probe, 0) !== undefined))
            continue;
        checks.push(rejects(ctx, `RejectsMalformedJson.${name}`, `malformed JSON (${category}: ${mutations.map((x) => x.name.split('.')[1]).join(', ')}) is rejected with a parse error`, fuzzCases(bases, mutations), (c) => c.bytes, (c) => `${c.mutation}: ${c.detail}`));
    }
    return checks;
}
/** What a stream of four event kinds realistically mixes up: another event's type, an event wrapped in something else. */
export function confusionChecks(ctx) {
    const { set, model } = ctx;
    const values = validValues(set, model.id, { tame: true });
    const checks = [];
    const own = model.schema['x-event-type'];
    const siblings = set.models.map((m) => m.schema['x-event-type']).filter((t) => typeof t === 'string' && t !== own);
    if (typeof own === 'string' && siblings.length > 0) {
        checks.push(rejects(ctx, 'RejectsOtherEventType', `an event whose type is another image-generation event's (${siblings.map((s) => s.split('.').pop()).join(', ')}) is rejected`, fc.tuple(values, fc.constantFrom(...siblings)).map(([v, type]) => ({ ...v, type })), (v) => encodeText(JSON.stringify(v)), (v) => `type is ${String(v.type)}, not ${own}`));
    }
    const wraps = [
        ['in an array', (t) => `[${t}]`],
        ['as a JSON string', (t) => JSON.stringify(t)],
        ['under "event"', (t) => `{"event":${t}}`],
        ['under "data"', (t) => `{"data":${t}}`],
    ];
    checks.push(rejects(ctx, 'RejectsWrappedEvent', 'a valid event wrapped in an array, a JSON string or another object is rejected', fc.tuple(values, fc.nat(wraps.length - 1)).map(([v, i]) => ({ text: wraps[i][1](JSON.stringify(v)), how: wraps[i][0] })), (w) => encodeText(w.text), (w) => `a valid event ${w.how}`));
    return checks;
}
//# sourceMappingURL=malformed.js.map