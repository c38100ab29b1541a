import type { Adapter, AdapterFactory, ParseOutcome, SerializeOutcome } from '../core/contract.js';
import { failure } from '../core/contract.js';
import { asDoubles, type Answer, type Json } from '../core/json.js';
import type { SchemaSet } from '../core/models.js';
import { referenceAdapter } from '../adapters/reference/index.js';

/** The part of an implementation a mutant's bug is in: how the kill rate is broken down. */
export type Category = 'parse' | 'reject' | 'serialize' | 'round-trip' | 'spellings' | 'sse' | 'robustness';
export const CATEGORIES: readonly Category[] = ['parse', 'reject', 'serialize', 'round-trip', 'spellings', 'sse', 'robustness'];

/** One deliberately broken implementation: one realistic bug, named for it. */
export interface Mutant {
  name: string;
  category: Category;
  /** The bug, as a maintainer would describe it. */
  bug: string;
  make(set: SchemaSet): Adapter | AdapterFactory;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
export const text = (bytes: Uint8Array) => decoder.decode(bytes);
export const bytes = (s: string) => encoder.encode(s);

/** The reference with one operation changed: every other behaviour stays correct, so a kill names the bug. */
export function twisted(set: SchemaSet, name: string, change: (ref: Adapter) => Partial<Adapter>): Adapter {
  const ref = referenceAdapter(set);
  return { ...ref, ...change(ref), info: { ...ref.info, name, implementation: `mutant: ${name}` } };
}

/** A parser that rewrites the payload's text before the reference reads it: a lenient or lossy front end. */
export function rewritesText(set: SchemaSet, name: string, rewrite: (s: string) => string): Adapter {
  return twisted(set, name, (ref) => ({ parse: (m, p) => ref.parse(m, bytes(rewrite(text(p)))) }));
}

function mapLeaves(v: Answer, f: (x: Answer, key: string) => Answer, key = ''): Answer {
  if (Array.isArray(v)) return v.map((x) => mapLeaves(x, f, key));
  if (v && typeof v === 'object' && !('isLosslessNumber' in v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapLeaves(x as Answer, f, k)]));
  return f(v, key);
}

/** A parser whose values come out changed: a lossy model type or accessor. */
export function mapsParsed(set: SchemaSet, name: string, f: (x: Answer, key: string) => Answer): Adapter {
  return twisted(set, name, (ref) => ({
    parse: (m, p) => {
      const o = ref.parse(m, p) as ParseOutcome;
      return o.ok ? { ok: true, value: mapLeaves(o.value, f) } : o;
    },
  }));
}

/** A parser that refuses some valid values: a check the model does not have. */
export function refusesParsed(set: SchemaSet, name: string, refuse: (value: Record<string, Answer>) => string | undefined): Adapter {
  return twisted(set, name, (ref) => ({
    parse: (m, p) => {
      const o = ref.parse(m, p) as ParseOutcome;
      const why = o.ok && o.value && typeof o.value === 'object' && !Array.isArray(o.value) ? refuse(o.value as Record<string, Answer>) : undefined;
      return why ? failure('parse_error', why) : o;
    },
  }));
}

/** A parser that takes what the model forbids: the JSON read by JSON.parse, then `accept` decides before the reference does. */
export function acceptsParsed(set: SchemaSet, name: string, accept: (json: unknown) => Answer | undefined): Adapter {
  return twisted(set, name, (ref) => ({
    parse: (m, p) => {
      let json: unknown;
      try {
        json = JSON.parse(text(p));
      } catch {
        return ref.parse(m, p);
      }
      const taken = accept(json);
      return taken === undefined ? ref.parse(m, p) : { ok: true, value: taken };
    },
  }));
}

/** A serializer that writes the value through `write` instead of the reference's encoder. */
export function writes(set: SchemaSet, name: string, write: (value: Json) => string): Adapter {
  return twisted(set, name, (ref) => ({
    serialize: (_m, v) => ({ ok: true, bytes: bytes(write(asDoubles(v))) }) as SerializeOutcome,
    reserialize: (m, p) => {
      const o = ref.parse(m, p) as ParseOutcome;
      return o.ok ? { ok: true, bytes: bytes(write(asDoubles(o.value))) } : o;
    },
  }));
}
