import { asDoubles } from '../../core/json.js';
import { eventTypeOf, type SchemaSet } from '../../core/models.js';
import { describeThrown, failure, type Adapter, type UnionOutcome } from '../../core/contract.js';
import { Codec, readPayload, ReferenceParseError } from './codec.js';
import { decodeSse } from '../../core/sse-decoder.js';

class ReferenceSerializeError extends Error {
  override name = 'ReferenceSerializeError';
}

/** The reference implementation (codec, SSE decoder) over a schema set: what every check is proven against. */
export function referenceAdapter(set: SchemaSet): Adapter {
  const byName = new Map(set.models.map((m) => [m.name, m]));
  const models = [...byName.keys()];
  // each model's codec (its validator compiled) when the model is first asked for: a run of one model compiles one
  const codecs = new Map<string, Codec>();
  const codec = (model: string) => {
    let c = codecs.get(model);
    if (!c) codecs.set(model, (c = new Codec(set, byName.get(model)!)));
    return c;
  };
  const guard = <T>(fn: () => T, expected: new (...a: any[]) => Error, kind: 'parse_error' | 'serialize_error') => {
    try {
      return fn();
    } catch (e) {
      return failure(e instanceof expected ? kind : 'exception', describeThrown(e));
    }
  };
  const byType = new Map(set.models.flatMap((m) => (eventTypeOf(m) === undefined ? [] : [[eventTypeOf(m)!, m.name] as const])));
  // the spec: a client ignores an event type it does not know, so such an event is handed on as read, never refused
  const union = (payload: Uint8Array): UnionOutcome => {
    const json = readPayload(payload);
    const type = json !== null && typeof json === 'object' && !Array.isArray(json) ? json.type : undefined;
    if (typeof type !== 'string')
      throw new ReferenceParseError(`an event's data must be an object with a string "type"; got ${JSON.stringify(json).slice(0, 80)}`);
    const name = byType.get(type);
    if (name === undefined) return { ok: true, value: json, as: 'unknown event' };
    const c = codec(name);
    return { ok: true, value: c.render(c.decode(payload)), as: c.model.name };
  };
  return {
    info: {
      name: 'reference',
      language: 'TypeScript',
      implementation: 'openresponses-conformance reference',
      version: '0.1.0',
      operations: { parse: models, serialize: models, reserialize: models, sse: models, union: models },
      unionTypes: [...byType.keys()],
    },
    parse: (model, payload) => guard(() => ({ ok: true, value: codec(model).render(codec(model).decode(payload)) }), ReferenceParseError, 'parse_error'),
    serialize: (model, value) =>
      guard(
        () => ({ ok: true, bytes: codec(model).encode(codec(model).fromWire(asDoubles(value), ReferenceSerializeError)) }),
        ReferenceSerializeError,
        'serialize_error',
      ),
    sse: (chunks) => ({ ok: true, events: decodeSse(chunks).events }),
    union: (payload) => guard(() => union(payload), ReferenceParseError, 'parse_error'),
    reserialize: (model, payload) => guard(() => ({ ok: true, bytes: codec(model).encode(codec(model).decode(payload)) }), ReferenceParseError, 'parse_error'),
  };
}

export { reference } from './factory.js';
