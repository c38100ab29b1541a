import type { Answer, Json } from '../../core/json.js';

/** Speakeasy names a TypeScript field after the wire field in lower camel case. */
export const camel = (wire: string) => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A native value the SDK's inbound schemas made, at every depth, in wire names. Speakeasy's schemas rename a
 * field only inside a transform (remap), which no one can read, and map keys (`metadata`) keep their names: so
 * the wire object the value came from says each field's spelling. A wire `item_id` is the field `itemId` it was
 * renamed to, any other key the field of its own name; a field no wire key names (a default, an Unknown
 * fallback's `raw`) is shown under its snake-cased name. Values are the SDK's own, numbers as it holds them.
 */
export function inWireNames(native: unknown, wire: unknown): Answer {
  if (native instanceof Date) return native.toISOString();
  if (Array.isArray(native)) return native.map((x, i) => inWireNames(x, Array.isArray(wire) ? wire[i] : undefined));
  if (!isRecord(native)) return native as Answer;
  const from = isRecord(wire) ? wire : {};
  const claimed = new Map<string, string>();
  const used = new Set<string>();
  const claim = (key: string, field: string) => {
    if (!claimed.has(key) && !used.has(field) && Object.hasOwn(native, field) && native[field] !== undefined) {
      claimed.set(key, field);
      used.add(field);
    }
  };
  // renamed fields first: `item_id` owns `itemId`, whatever a wire `itemId` beside it says
  for (const key of Object.keys(from)) if (key.includes('_')) claim(key, camel(key));
  for (const key of Object.keys(from)) claim(key, key);
  const out: Record<string, Answer> = {};
  for (const key of Object.keys(from)) {
    const field = claimed.get(key);
    if (field !== undefined) out[key] = inWireNames(native[field], from[key]);
  }
  for (const [field, v] of Object.entries(native)) if (!used.has(field) && v !== undefined) out[snake(field)] = inWireNames(v, v);
  return out;
}

/** The few parts of a zod 4 schema's definition that say where a value's fields are. */
interface ZodDef {
  type: string;
  getter?: () => ZodLike;
  in?: ZodLike;
  innerType?: ZodLike;
  shape?: Record<string, ZodLike>;
  catchall?: ZodLike;
  element?: ZodLike;
  valueType?: ZodLike;
  options?: ZodLike[];
}
export interface ZodLike {
  _zod: { def: ZodDef; propValues?: Record<string, Set<unknown>> };
}

/** The schema under wrappers that leave a value's shape alone (lazy, a transform's input, optional, …). */
export function unwrapped(s: ZodLike): ZodLike {
  for (let i = 0; i < 64; i++) {
    const d = s._zod.def;
    const next = d.type === 'lazy' ? d.getter!() : d.type === 'pipe' ? d.in : d.innerType;
    if (!next) return s;
    s = next;
  }
  return s;
}

/**
 * A value in wire shape as a program builds the SDK's native object for an outbound schema: each object's fields
 * under the names the schema's shape gives them (`itemId` for `item_id`), map keys as they are, a union's member
 * picked by the literal fields it fixes (`type`), as a program picks the type it builds.
 */
export function nativeFor(schema: ZodLike, value: Json): unknown {
  const s = unwrapped(schema);
  const d = s._zod.def;
  if (Array.isArray(value)) return d.type === 'array' && d.element ? value.map((x) => nativeFor(d.element!, x)) : value;
  if (!isRecord(value)) return value;
  if (d.type === 'union' && d.options) {
    const objects = d.options.map(unwrapped).filter((o) => o._zod.def.type === 'object');
    const fits = (o: ZodLike) => Object.entries(o._zod.propValues ?? {}).every(([k, values]) => values.has(value[k]));
    const pick = objects.find(fits) ?? objects[0];
    return pick ? nativeFor(pick, value) : value;
  }
  if (d.type === 'record' && d.valueType) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nativeFor(d.valueType!, v)]));
  if (d.type !== 'object' || !d.shape) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const field = Object.hasOwn(d.shape, camel(k)) ? camel(k) : k;
    const fieldSchema = Object.hasOwn(d.shape, field) ? d.shape[field] : d.catchall;
    out[field] = fieldSchema ? nativeFor(fieldSchema, v) : v;
  }
  return out;
}
