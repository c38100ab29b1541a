import { Buffer, isUtf8 } from 'node:buffer';
import { namedPart } from '../../arbitraries/index.js';
import type { Json } from '../../core/json.js';
import type { Model, SchemaSet } from '../../core/models.js';
import type { ValidateFunction } from '../../core/oracle.js';

export class ReferenceParseError extends Error {
  override name = 'ReferenceParseError';
}

/** The reference's native object: the value as its model names it, kept privately and read whole, like an SDK's class. */
export class ReferenceEvent {
  readonly #value: Json;
  constructor(
    readonly model: string,
    value: Json,
  ) {
    this.#value = value;
  }
  get value(): Json {
    return this.#value;
  }
}

/** Strict UTF-8, then strict JSON: what every model's parse reads first. */
export function readPayload(payload: Uint8Array): Json {
  // the same rule as a fatal TextDecoder (no overlongs, no encoded surrogates), several times faster; a BOM stays in the text
  if (!isUtf8(payload)) throw new ReferenceParseError('payload is not valid UTF-8');
  const text = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new ReferenceParseError(`payload is not JSON: ${(e as Error).message}`);
  }
}

/**
 * A strict codec for one model of any shape (nested objects, arrays,
 * unions, nullables, maps), written the way an SDK is: strict UTF-8 and
 * JSON, numbers as the float64s they spell (ARCHITECTURE.md: a number's
 * value is its correctly rounded double), the members the model does not
 * name dropped at every depth (a parser ignores them: UnknownFields), the
 * schema's rules by ajv over what is left, and one canonical way of writing.
 */
export class Codec {
  private readonly validate: ValidateFunction;

  constructor(
    private readonly set: SchemaSet,
    readonly model: Model,
  ) {
    this.validate = set.ajv.getSchema(model.id)!;
  }

  decode(payload: Uint8Array): ReferenceEvent {
    return this.fromWire(readPayload(payload), ReferenceParseError);
  }

  fromWire(json: Json, Err: new (m: string) => Error): ReferenceEvent {
    const { value } = namedPart(this.set, this.model.id, json);
    if (!this.validate(value)) {
      const e = this.validate.errors![0]!;
      throw new Err(`${this.model.name}${e.instancePath || ''} ${e.message ?? e.keyword}`);
    }
    return new ReferenceEvent(this.model.name, value);
  }

  render(event: ReferenceEvent): Json {
    return event.value;
  }

  /** The named members in the schema's order, written by JSON.stringify: valid JSON in UTF-8, no whitespace, one spelling per value. */
  encode(event: ReferenceEvent): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(event.value));
  }
}
