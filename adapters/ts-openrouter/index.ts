import { createRequire } from 'node:module';
import { asDoubles } from '../../core/json.js';
import { eventTypeOf } from '../../core/models.js';
import { failure, fromCloneOnly, type Adapter, type AdapterFactory, type Operation } from '../../core/contract.js';
import { SpeakeasyUnion } from './sdk-model.js';
import { loadUnion } from './stream-union.js';
import { decodeWithEventStream } from './event-stream.js';

const require = createRequire(import.meta.url);

interface Flavour {
  adapter: string;
  /** The npm alias the pinned version is installed under (package.json). */
  alias: string;
}

/** @openrouter/sdk 0.1.x: the seed's names, a zod union of the stream's events (OpenResponsesStreamEvent) and writers. */
const v012: Flavour = { adapter: 'ts-openrouter-0.1.2', alias: '@openrouter/sdk-0.1.2' };

/** The newest SDK: Speakeasy's forward-compatible union (StreamEvents, an Unknown fallback), parsers only. */
const latest: Flavour = { adapter: 'ts-openrouter-latest', alias: '@openrouter/sdk-latest' };

/** The pinned SDK is a development dependency: a clone has it, an install does not. */
function installed(f: Flavour): boolean {
  try {
    require.resolve(`${f.alias}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function factory(f: Flavour): AdapterFactory {
  const missing = () => (installed(f) ? undefined : fromCloneOnly(f.adapter, `npm ${f.alias}`));
  return {
    name: f.adapter,
    summary: `${f.alias.replace(/-[^-]+$/, '')} (npm ${f.alias}), in process`,
    missing,
    async create({ set }): Promise<Adapter> {
      const why = missing();
      if (why) throw new Error(why);
      const version: string = require(`${f.alias}/package.json`).version;
      const sdk = new SpeakeasyUnion(await loadUnion(f.alias));
      // the run's models of the types the union models: a model of another type costs this adapter no code
      const typeOf = new Map<string, string>();
      for (const m of set.models) {
        const type = eventTypeOf(m);
        if (type !== undefined && sdk.union.members.has(type)) typeOf.set(m.name, type);
      }
      const names = [...typeOf.keys()];
      const writers = sdk.union.toJSON ? names.filter((n) => sdk.union.members.get(typeOf.get(n)!)!.toJSON) : [];
      const operations: Partial<Record<Operation, string[]>> = { parse: names, sse: names };
      if (writers.length) Object.assign(operations, { serialize: writers, reserialize: writers });
      const unsupported = failure('unsupported', `${f.adapter} does not serialize`);
      return {
        info: {
          name: f.adapter,
          language: 'TypeScript',
          implementation: '@openrouter/sdk',
          version,
          operations,
          unionTypes: [...sdk.union.members.keys()],
        },
        parse: (model, payload) => sdk.parse(typeOf.get(model)!, payload),
        serialize: (model, value) => (writers.includes(model) ? sdk.serialize(typeOf.get(model)!, asDoubles(value)) : unsupported),
        reserialize: (model, payload) => (writers.includes(model) ? sdk.reserialize(payload) : unsupported),
        sse: (chunks) => decodeWithEventStream(f.alias, chunks),
        union: (payload) => sdk.anyEvent(payload),
      };
    },
  };
}

export const tsOpenRouter012 = factory(v012);
export const tsOpenRouterLatest = factory(latest);
