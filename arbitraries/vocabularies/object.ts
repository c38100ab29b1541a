import * as fc from 'fast-check';
import { objectFrom, type Json } from '../../core/json.js';
import { conjOf, keywordValues, type Conj } from '../_internals/conjunction.js';
import { child, pointerJoin, type Node } from '../_internals/node.js';
import { bounded } from '../_internals/recursion.js';
import { joinField, type BrokenValue, type DraftBreaker } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
import { smallJson } from './type.js';

export interface ObjectShape {
  properties: Map<string, Node[]>;
  required: string[];
  /** Schemas for keys outside `properties`; `false` when some conjunct forbids them. */
  additional: Node[] | false;
  /** Several conjuncts constrain the object: the oracle has the last word on a generated value. */
  merged: boolean;
}

export function objectShape(conj: Conj): ObjectShape {
  const properties = new Map<string, Node[]>();
  const required = new Set<string>();
  let additional: Node[] | false = [];
  let conjuncts = 0;
  for (const node of conj.nodes) {
    const s = node.schema as Record<string, any>;
    if (typeof s !== 'object' || !('properties' in s || 'required' in s || 'additionalProperties' in s)) continue;
    conjuncts++;
    for (const p of Object.keys(s.properties ?? {})) {
      const list = properties.get(p) ?? [];
      list.push(child(node, 'properties', p));
      properties.set(p, list);
    }
    for (const r of s.required ?? []) required.add(r);
    if ('additionalProperties' in s) {
      if (s.additionalProperties === false) additional = false;
      else if (additional !== false && s.additionalProperties !== true) additional.push(child(node, 'additionalProperties'));
    }
  }
  return { properties, required: [...required], additional, merged: conjuncts > 1 };
}

const EXTRA_KEY_NAMES = ['extra', 'obfuscation', 'logprobs', 'status', 'ItemID', 'itemId', '__proto__', 'constructor', ''];

export function extraKey(shape: ObjectShape): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...EXTRA_KEY_NAMES), fc.string({ maxLength: 10 })).filter((k) => !shape.properties.has(k));
}

function replaced(o: Record<string, Json>, key: string, value: Json): Json {
  const entries = Object.entries(o).filter(([k]) => k !== key);
  entries.push([key, value]);
  return objectFrom(entries);
}

/** `o` with `p` given back its repaired value (or the one `o` was drawn with), in the order the broken value has it. */
function repairedAt(o: Record<string, Json>, p: string, bv: BrokenValue): Json {
  if (bv.repaired !== undefined) return replaced(o, p, bv.repaired);
  return Object.hasOwn(o, p) ? replaced(o, p, o[p]!) : o;
}

export function validObject(c: Composer, conj: Conj, pointer: string): fc.Arbitrary<Json> {
  const shape = objectShape(conj);
  const model: Record<string, fc.Arbitrary<Json>> = objectFrom([]);
  const recursions = c.recursions.length;
  const aimedAt = (ptr: string) => [...(c.options.overrides?.keys() ?? [])].some((k) => k === ptr || k.startsWith(`${ptr}/`));
  for (const [p, nodes] of shape.properties) {
    const ptr = pointerJoin(pointer, p);
    // a plain backdrop leaves out the optional members a check does not aim at: an SDK that drops one (a field it
    // does not model) fails the checks about that member, not every check about another
    if (c.options.tame && !shape.required.includes(p) && !aimedAt(ptr)) continue;
    model[p] = c.options.overrides?.get(ptr) ?? c.build(conjOf(c.ctx, nodes), ptr);
  }
  // members outside `properties` come only where a schema names them (a map's); an open object's unnamed members are
  // UnknownFields cases (its breakers), never in a valid value an Accepts, Serialize or RoundTrip check wants back
  const additionalArb = isMap(shape) ? c.build(conjOf(c.ctx, shape.additional as Node[]), `${pointer}/*`) : undefined;
  for (const r of shape.required) if (!(r in model) && shape.additional !== false) model[r] = additionalArb ?? smallJson;
  const requiredKeys = shape.required.filter((r) => r in model);
  const allRequired = requiredKeys.length === Object.keys(model).length;
  let arb: fc.Arbitrary<Json> = (
    allRequired ? fc.record(model, { noNullPrototype: true }) : fc.record(model, { requiredKeys, noNullPrototype: true })
  ) as fc.Arbitrary<Json>;
  if (additionalArb) {
    const extras = fc.option(fc.dictionary(extraKey(shape), additionalArb, { minKeys: 1, maxKeys: 2, noNullPrototype: true }), { freq: 4, nil: undefined });
    arb = fc.tuple(arb, extras).map(([o, e]) => (e ? objectFrom([...Object.entries(o as object), ...Object.entries(e)]) : o));
  }
  if (c.recursions.length > recursions) {
    const requiredOnly = fc.record(objectFrom(requiredKeys.map((k) => [k, model[k]!])), { noNullPrototype: true }) as fc.Arbitrary<Json>;
    arb = bounded(c, recursions, requiredOnly, arb);
  }
  return shape.merged ? arb.filter(c.validatorOf(conj)) : arb;
}

export function objectBreakers(c: Composer, conj: Conj, pointer: string, depth: number): DraftBreaker[] {
  const shape = objectShape(conj);
  // the valid object each breaker breaks one place of: made once, when the first of them is drawn from
  const valid = () => c.memo(`object\u0000${c.placeKey(conj, pointer)}`, () => validObject(c, conj, pointer) as fc.Arbitrary<Record<string, Json>>);
  const out: DraftBreaker[] = [];
  for (const r of shape.required) {
    out.push({
      rule: 'required',
      field: r,
      arbitrary: c.lazily(() =>
        valid().map((o) => ({
          value: objectFrom(Object.entries(o).filter(([k]) => k !== r)),
          rule: 'required',
          path: pointerJoin(pointer, r),
          repaired: o,
        })),
      ),
    });
  }
  if (!isMap(shape)) {
    // a closed object breaks its rule with the member; an open one stays valid, and the member is still one it does not name
    const rule = shape.additional === false ? 'additionalProperties' : 'unnamedMember';
    out.push({
      rule,
      field: '*',
      // an open object's unnamed member leaves the value valid (Breaker.accepted)
      ...(rule === 'unnamedMember' ? { accepted: true } : {}),
      arbitrary: c.lazily(() =>
        fc.tuple(valid(), extraKey(shape), smallJson).map(([o, k, v]) => ({ value: replaced(o, k, v), rule, path: pointerJoin(pointer, k), repaired: o })),
      ),
    });
  }
  for (const [p, nodes] of shape.properties) {
    const ptr = pointerJoin(pointer, p);
    for (const b of c.breakersOf(conjOf(c.ctx, nodes), ptr, depth + 1)) {
      out.push({
        ...b,
        field: joinField(p, b.field),
        approximate: b.approximate || shape.merged,
        arbitrary: c.lazily(() =>
          fc.tuple(valid(), b.arbitrary).map(([o, bv]): BrokenValue => ({ ...bv, value: replaced(o, p, bv.value), repaired: repairedAt(o, p, bv) })),
        ),
      });
    }
  }
  if (isMap(shape)) {
    // a map's values break their schema's rules under any key: compiled at `<pointer>/*`, each value then takes a key
    const wildcard = pointerJoin(pointer, '*');
    for (const b of c.breakersOf(conjOf(c.ctx, shape.additional as Node[]), wildcard, depth + 1)) {
      out.push({
        ...b,
        field: joinField('*', b.field),
        approximate: b.approximate || shape.merged,
        arbitrary: c.lazily(() =>
          fc.tuple(valid(), extraKey(shape), b.arbitrary).map(([o, k, bv]): BrokenValue => {
            // a value broken as a whole is repaired by leaving its key out: the map then differs only there
            const repaired = bv.repaired === undefined ? o : replaced(o, k, bv.repaired);
            return { ...bv, value: replaced(o, k, bv.value), path: pointerJoin(pointer, k) + bv.path.slice(wildcard.length), repaired };
          }),
        ),
      });
    }
  }
  return out;
}

/** Whether members outside `properties` are named by a schema of their own (`additionalProperties: {…}`): a map. */
function isMap(shape: ObjectShape): boolean {
  return shape.additional !== false && shape.additional.length > 0;
}

export function hasObjectKeywords(conj: Conj): boolean {
  return ['properties', 'required', 'additionalProperties'].some((k) => keywordValues(conj, k).length > 0);
}

/** The object keywords: `properties`, `required`, `additionalProperties`. */
export const objectVocabulary: Vocabulary = {
  name: 'object',
  keywords: ['properties', 'required', 'additionalProperties'],
  builds: ['object'],
  valid: (c, conj, pointer) => validObject(c, conj, pointer),
  breaks: (conj, types) => types.allowed.has('object') && hasObjectKeywords(conj),
  // a member the model does not name is no error a parser must report (objects are open unless the schema
  // closes them): the UnknownFields suite takes those values, as members a parser ignores
  judges: { required: 'RejectsMissingField', additionalProperties: { suite: 'UnknownFields' }, unnamedMember: { suite: 'UnknownFields' } },
  breakers: (c, conj, pointer, depth) => objectBreakers(c, conj, pointer, depth),
};
