import { asDoubles } from '../../core/json.js';
import type { SchemaSet } from '../../core/models.js';
import { describeThrown, failure, type Adapter, type AdapterFactory } from '../../core/contract.js';
import { Codec, ReferenceParseError } from './codec.js';
import { decodeSse } from '../../core/sse-decoder.js';

class ReferenceSerializeError extends Error {
  override name = 'ReferenceSerializeError';
}

/** The reference implementation (codec, SSE decoder) over a schema set: what every check is proven against. */
export function referenceAdapter(set: SchemaSet): Adapter {
  const codecs = new Map(set.models.map((m) => [m.name, new Codec(set, m)]));
  const models = [...codecs.keys()];
  const codec = (model: string) => codecs.get(model)!;
  const guard = <T>(fn: () => T, expected: new (...a: any[]) => Error, kind: 'parse_error' | 'serialize_error') => {
    try {
      return fn();
    } catch (e) {
      return failure(e instanceof expected ? kind : 'exception', describeThrown(e));
    }
  };
  return {
    info: {
      name: 'reference',
      language: 'TypeScript',
      implementation: 'openresponses-conformance reference',
      version: '0.1.0',
      operations: { parse: models, serialize: models, reserialize: models, sse: models },
    },
    parse: (model, payload) => guard(() => ({ ok: true, value: codec(model).render(codec(model).decode(payload)) }), ReferenceParseError, 'parse_error'),
    serialize: (model, value) =>
      guard(
        () => ({ ok: true, bytes: codec(model).encode(codec(model).fromWire(asDoubles(value), ReferenceSerializeError)) }),
        ReferenceSerializeError,
        'serialize_error',
      ),
    sse: (chunks) => ({ ok: true, events: decodeSse(chunks).events }),
    reserialize: (model, payload) => guard(() => ({ ok: true, bytes: codec(model).encode(codec(model).decode(payload)) }), ReferenceParseError, 'parse_error'),
  };
}

/** The reference implementation as a bundled adapter, `reference`: it runs everywhere. */
export const reference: AdapterFactory = {
  name: 'reference',
  summary: 'strict, correct TypeScript implementation of every bundled model (the default)',
  create: async ({ set }) => referenceAdapter(set),
};
