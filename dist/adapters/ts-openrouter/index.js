import { createRequire } from 'node:module';
import { asDoubles } from '../../core/json.js';
import { failure, fromCloneOnly } from '../../core/contract.js';
import { SpeakeasyModel } from './sdk-model.js';
import { decodeWithEventStream } from './event-stream.js';
const require = createRequire(import.meta.url);
const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);
/** @openrouter/sdk 0.1.x kept the seed's names: OpenResponsesImageGenCallGenerating, with FromJSON and ToJSON. */
const v012 = {
    adapter: 'ts-openrouter-0.1.2',
    alias: '@openrouter/sdk-0.1.2',
    sdkName: (m) => (m.name.startsWith('OpenResponsesImageGenCall') ? m.name : undefined),
    serializes: true,
};
/** The newest SDK renamed the events (ImageGenCallGeneratingEvent) and generates parsers only. */
const latest = {
    adapter: 'ts-openrouter-latest',
    alias: '@openrouter/sdk-latest',
    sdkName: (m) => (m.name.startsWith('OpenResponsesImageGenCall') ? `${m.name.slice('OpenResponses'.length)}Event` : undefined),
    serializes: false,
};
async function load(f, sdkName) {
    let mod;
    try {
        mod = await import(`${f.alias}/models/${sdkName.toLowerCase()}.js`);
    }
    catch {
        return undefined;
    }
    const fromJSON = mod[`${lowerFirst(sdkName)}FromJSON`];
    if (typeof fromJSON !== 'function')
        return undefined;
    const toJSON = mod[`${lowerFirst(sdkName)}ToJSON`];
    return { fromJSON, toJSON: f.serializes && typeof toJSON === 'function' ? toJSON : undefined };
}
/** The pinned SDK is a development dependency: a clone has it, an install does not. */
function installed(f) {
    try {
        require.resolve(`${f.alias}/package.json`);
        return true;
    }
    catch {
        return false;
    }
}
function factory(f) {
    const missing = () => (installed(f) ? undefined : fromCloneOnly(f.adapter, `npm ${f.alias}`));
    return {
        name: f.adapter,
        summary: `${f.alias.replace(/-[^-]+$/, '')} (npm ${f.alias}), in process`,
        missing,
        async create({ set }) {
            const why = missing();
            if (why)
                throw new Error(why);
            const version = require(`${f.alias}/package.json`).version;
            const models = new Map();
            for (const m of set.models) {
                const name = f.sdkName(m);
                const mod = name ? await load(f, name) : undefined;
                if (mod)
                    models.set(m.name, new SpeakeasyModel(m, mod));
            }
            const names = [...models.keys()];
            const writers = names.filter((n) => models.get(n).mod.toJSON);
            const operations = { parse: names, sse: names };
            if (writers.length)
                Object.assign(operations, { serialize: writers, reserialize: writers });
            const unsupported = failure('unsupported', `${f.adapter} does not serialize`);
            return {
                info: { name: f.adapter, language: 'TypeScript', implementation: '@openrouter/sdk', version, operations },
                parse: (model, payload) => models.get(model).parse(payload),
                serialize: (model, value) => (models.get(model)?.mod.toJSON ? models.get(model).serialize(asDoubles(value)) : unsupported),
                reserialize: (model, payload) => (models.get(model)?.mod.toJSON ? models.get(model).reserialize(payload) : unsupported),
                sse: (chunks) => decodeWithEventStream(f.alias, chunks),
            };
        },
    };
}
export const tsOpenRouter012 = factory(v012);
export const tsOpenRouterLatest = factory(latest);
//# sourceMappingURL=index.js.map