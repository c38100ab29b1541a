import { Buffer, isUtf8 } from 'node:buffer';
import type { Model, SchemaObject } from '../../core/models.js';

/** A field's wire type, as the reference implementation knows it. */
type FieldType = { kind: 'string' } | { kind: 'number' } | { kind: 'integer' } | { kind: 'enum'; values: string[] };

export class ReferenceParseError extends Error {
  override name = 'ReferenceParseError';
}

/** The reference's native object: fields kept privately, read through accessors, like a generated SDK class. */
export class ReferenceEvent {
  readonly #fields: Map<string, string | number>;
  constructor(
    readonly model: string,
    fields: Map<string, string | number>,
  ) {
    this.#fields = fields;
  }
  get(field: string): string | number | undefined {
    return this.#fields.get(field);
  }
}

function resolveLocal(doc: SchemaObject, s: SchemaObject): SchemaObject {
  if (typeof s.$ref !== 'string') return s;
  if (!s.$ref.startsWith('#/')) throw new Error(`the reference implementation reads local $refs only, not ${s.$ref}`);
  return s.$ref
    .slice(2)
    .split('/')
    .reduce((o: any, k: string) => o?.[k], doc) as SchemaObject;
}

function fieldType(doc: SchemaObject, name: string, raw: SchemaObject): FieldType {
  const s = resolveLocal(doc, raw);
  if (Array.isArray(s.enum) && s.enum.every((v: unknown) => typeof v === 'string')) return { kind: 'enum', values: s.enum };
  if (s.type === 'string') return { kind: 'string' };
  if (s.type === 'number') return { kind: 'number' };
  if (s.type === 'integer') return { kind: 'integer' };
  throw new Error(`the reference implementation has no field type for ${name}`);
}

/**
 * A strict codec for one flat event model, written the way an SDK is: its own
 * checks, not the oracle's. Unknown fields are ignored; a number must be a
 * finite double; a payload must be valid UTF-8.
 */
export class Codec {
  readonly fields: [string, FieldType][];
  readonly required: Set<string>;

  constructor(readonly model: Model) {
    const s = model.schema;
    if (s.type !== 'object') throw new Error(`the reference implementation models objects only, not ${model.name}`);
    this.fields = Object.entries<SchemaObject>(s.properties ?? {}).map(([k, v]) => [k, fieldType(s, k, v)]);
    this.required = new Set(s.required ?? []);
  }

  decode(payload: Uint8Array): ReferenceEvent {
    // the same rule as a fatal TextDecoder (no overlongs, no encoded surrogates), several times faster; a BOM stays in the text
    if (!isUtf8(payload)) throw new ReferenceParseError('payload is not valid UTF-8');
    const text = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ReferenceParseError(`payload is not JSON: ${(e as Error).message}`);
    }
    return this.fromWire(json, ReferenceParseError);
  }

  fromWire(json: unknown, Err: new (m: string) => Error): ReferenceEvent {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Err(`${this.model.name} must be a JSON object`);
    const o = json as Record<string, unknown>;
    const fields = new Map<string, string | number>();
    for (const [name, t] of this.fields) {
      if (!Object.hasOwn(o, name)) {
        if (this.required.has(name)) throw new Err(`missing required field ${name}`);
        continue;
      }
      fields.set(name, this.check(name, t, o[name], Err));
    }
    return new ReferenceEvent(this.model.name, fields);
  }

  private check(name: string, t: FieldType, v: unknown, Err: new (m: string) => Error): string | number {
    switch (t.kind) {
      case 'string':
        if (typeof v !== 'string') throw new Err(`${name} must be a string`);
        return v;
      case 'enum':
        if (typeof v !== 'string' || !t.values.includes(v)) throw new Err(`${name} must be one of ${t.values.join(', ')}`);
        return v;
      case 'number':
      case 'integer':
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new Err(`${name} must be a finite number`);
        if (t.kind === 'integer' && !Number.isInteger(v)) throw new Err(`${name} must be an integer`);
        return v;
    }
  }

  render(event: ReferenceEvent): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const [name] of this.fields) {
      const v = event.get(name);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  /** Fields in schema order, each written by JSON.stringify: the output is valid JSON in UTF-8. */
  encode(event: ReferenceEvent): Uint8Array {
    const members = this.fields.filter(([name]) => event.get(name) !== undefined).map(([name]) => `${JSON.stringify(name)}:${JSON.stringify(event.get(name))}`);
    return new TextEncoder().encode(`{${members.join(',')}}`);
  }
}
