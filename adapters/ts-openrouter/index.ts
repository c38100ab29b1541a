import { createRequire } from 'node:module';
import { asDoubles } from '../../core/json.js';
import { eventTypeOf } from '../../core/models.js';
import { failure, type Adapter, type AdapterEnv, type Operation } from '../../core/contract.js';
import { SpeakeasyUnion } from './sdk-model.js';
import { loadUnion } from './stream-union.js';
import { decodeWithEventStream } from './event-stream.js';
import type { Flavour } from './factory.js';

export { tsOpenRouter012, tsOpenRouterLatest } from './factory.js';

const require = createRequire(import.meta.url);

/** The SDK of one flavour, loaded, over the run's models: parsers, its writers where it has them, its SSE reader and its union. */
export async function tsOpenRouterAdapter(f: Flavour, { set }: AdapterEnv): Promise<Adapter> {
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
}
