import * as fc from 'fast-check';
import { UsageError } from '../../core/errors.js';
import type { Json } from '../../core/json.js';
import type { SchemaObject } from '../../core/models.js';
import { conjKey, display, keywordValues, type Conj } from '../_internals/conjunction.js';
import type { Context } from '../_internals/context.js';
import { keyOf } from '../_internals/node.js';
import { isAnnotation } from '../_internals/keywords.js';
import { filteredIfViable } from '../_internals/probe.js';
import type { DraftBreaker } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
import { SAMPLE_OF_TYPE, typesOf, type JsonType } from './type.js';

/**
 * One string per JSON value, equal exactly when the values are (as
 * isDeepStrictEqual has them: `-0` is not `0`, key order does not count), so
 * that membership in an enum of thousands is a set lookup, not a scan.
 */
export function valueKey(v: Json): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'n-0' : `n${v}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${valueKey(v[k] as Json)}`)
    .join(',')}}`;
}

/** The values every `enum` and `const` of the conjunction allows, or undefined when none constrains. */
export function enumValues(conj: Conj): Json[] | undefined {
  const lists = [...keywordValues<Json[]>(conj, 'enum').map((v) => v.value), ...keywordValues<Json>(conj, 'const').map((v) => [v.value])];
  const [first, ...rest] = lists;
  if (!first) return undefined;
  const others = rest.map((l) => new Set(l.map(valueKey)));
  return first.filter((v) => others.every((keys) => keys.has(valueKey(v))));
}

/** Enough near misses to read well and to shrink to; an enum of thousands would give a list too long to spread. */
const MAX_MISSES = 512;

/** Keywords a place's own validator re-checks on an enum value that `restValidator` leaves out: met by construction or opened into `conj.nodes`. */
const MET_BY_CONSTRUCTION = new Set(['enum', 'const', '$ref', 'allOf']);
/** Keywords that hold subschemas: their `$ref`s resolve against the document, so they are left to the place's own validator. */
const NESTING = ['properties', 'additionalProperties', 'items', 'prefixItems', 'oneOf', 'anyOf'];
/** Up to this many values, each is put to the place's own validator; past it, that validator (whose enum check scans the list) would make the filter quadratic. */
const EAGER_ENUM = 256;

/**
 * The oracle for what an enum value must satisfy besides being listed: the
 * conjunction's other keywords, compiled by ajv on their own, so one value
 * costs one check whatever the enum's length (the place's own validator
 * scans the enum, and an enum of 20,000 filtered through it took minutes).
 * Undefined where a keyword holds subschemas.
 */
function restValidator(c: Composer, conj: Conj): ((v: unknown) => boolean) | undefined {
  const rest: SchemaObject[] = [];
  for (const node of conj.nodes) {
    const schema = node.schema;
    if (typeof schema !== 'object') continue;
    // an anyOf already opened into one of its branches is met by that branch, which is among the nodes
    const opened = (k: string) => k === 'anyOf' && conj.expanded.has(`${keyOf(node)}/anyOf`);
    if (NESTING.some((k) => k in schema && !opened(k))) return undefined;
    rest.push(Object.fromEntries(Object.entries(schema).filter(([k]) => !MET_BY_CONSTRUCTION.has(k) && !isAnnotation(k) && !opened(k))));
  }
  const validate = c.ctx.source.ajv.compile({ allOf: rest });
  return (v) => validate(v) as boolean;
}

const enumCache = new WeakMap<Context, Map<string, Json[]>>();

/** Keywords beside which an enum value is valid when its JSON type is allowed: every value is listed by every enum and const. */
const TYPE_ONLY = new Set(['enum', 'const', 'type', '$ref', 'allOf']);

/**
 * The oracle's verdict on a listed value where the place says nothing but
 * `type` besides its enums: whether the type allows it. Undefined where
 * another keyword is there. A discriminator's `const` is such a place, and
 * asking ajv cost one compiled validator for each of them.
 */
function typeOnlyValidator(conj: Conj): ((v: Json) => boolean) | undefined {
  for (const node of conj.nodes) {
    const schema = node.schema;
    if (typeof schema !== 'object') continue;
    if (Object.keys(schema).some((k) => !TYPE_ONLY.has(k) && !isAnnotation(k))) return undefined;
  }
  const types = typesOf(conj);
  return (v) => {
    const t = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
    if (!types.allowed.has(t as JsonType)) return false;
    return !(types.integer && typeof v === 'number' && !Number.isInteger(v));
  };
}

/** The enum's values that satisfy the rest of the schema: each checked once per schema, by the oracle. */
function allowedValues(c: Composer, conj: Conj, values: Json[]): Json[] | fc.Arbitrary<Json> {
  const cache = enumCache.get(c.ctx) ?? new Map<string, Json[]>();
  enumCache.set(c.ctx, cache);
  const key = conjKey(conj);
  const hit = cache.get(key);
  if (hit) return hit;
  const typeOnly = typeOnlyValidator(conj);
  if (typeOnly) {
    const ok = values.filter(typeOnly);
    cache.set(key, ok);
    return ok;
  }
  const rest = values.length > EAGER_ENUM ? restValidator(c, conj) : undefined;
  if (values.length > EAGER_ENUM && !rest) {
    // nested keywords beside a long enum: each drawn value is checked as it is drawn, not the whole list up front
    const arb = filteredIfViable(fc.constantFrom(...values), c.validatorOf(conj));
    if (arb) return arb;
    // too few pass to draw and filter: the whole list through the place's validator, quadratic, but once per schema
  }
  const ok = values.filter(rest ?? c.validatorOf(conj));
  cache.set(key, ok);
  return ok;
}

export function validEnum(c: Composer, conj: Conj, values: Json[]): fc.Arbitrary<Json> {
  const ok = allowedValues(c, conj, values);
  if (!Array.isArray(ok)) return ok;
  if (ok.length === 0) throw new UsageError(`no value of the enum/const at ${display(conj)} satisfies the rest of the schema`);
  return fc.constantFrom(...ok);
}

function nearMisses(v: Json): Json[] {
  if (typeof v === 'string') {
    return [v.toUpperCase(), `${v} `, ` ${v}`, v.slice(0, -1), `${v}x`, v.replace(/[._]/g, '-'), ''];
  }
  if (typeof v === 'number') return [v + 1, -v - 1, v + 0.5];
  if (typeof v === 'boolean') return [!v];
  return [];
}

/** Values of an allowed JSON type outside the enum: near misses first, so a counterexample reads well. */
export function enumBreakers(conj: Conj, values: Json[], pointer: string): DraftBreaker[] {
  const rule = keywordValues(conj, 'enum').length > 0 ? 'enum' : 'const';
  const types = typesOf(conj);
  const keys = new Set(values.map(valueKey));
  const inEnum = (x: Json) => keys.has(valueKey(x));
  const typeOk = (x: Json) => {
    const t = x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
    if (!types.allowed.has(t as any)) return false;
    return !(types.integer && typeof x === 'number' && x % 1 !== 0);
  };
  const misses: Json[] = [];
  for (const v of values) {
    for (const x of nearMisses(v)) if (misses.length < MAX_MISSES && !inEnum(x) && typeOk(x)) misses.push(x);
    if (misses.length >= MAX_MISSES) break;
  }
  const kinds = [...types.allowed].filter((t) => t !== 'null').map((t) => SAMPLE_OF_TYPE[t]);
  if (kinds.length === 0 && misses.length === 0) return [];
  const sameType = kinds.length > 0 ? fc.oneof(...kinds).filter((x) => !inEnum(x) && typeOk(x)) : fc.constantFrom(...misses);
  const arb: fc.Arbitrary<Json> = misses.length > 0 ? fc.oneof({ withCrossShrink: true }, fc.constantFrom(...misses), sameType) : sameType;
  return [{ rule, field: '', arbitrary: arb.map((value) => ({ value, rule, path: pointer })) }];
}

/** `enum` and `const`: the listed values are the place's values, near misses its breakers. */
export const enumVocabulary: Vocabulary = {
  name: 'enum',
  keywords: ['enum', 'const'],
  claims: (conj) => enumValues(conj) !== undefined,
  judges: { enum: 'RejectsValueOutsideEnum', const: 'RejectsValueOutsideEnum' },
  valid: (c, conj) => validEnum(c, conj, enumValues(conj)!),
  breakers: (_c, conj, pointer) => enumBreakers(conj, enumValues(conj)!, pointer),
};
