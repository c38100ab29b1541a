import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { keywordValues, type Conj } from '../_internals/conjunction.js';
import type { DraftBreaker } from '../_internals/types.js';
import type { JsonType, TypeSet, Vocabulary } from '../_internals/vocabulary.js';

export type { JsonType, TypeSet };
export const JSON_TYPES: readonly JsonType[] = ['null', 'boolean', 'number', 'string', 'array', 'object'];

export function typesOf(conj: Conj): TypeSet {
  const allowed = new Set<JsonType>(JSON_TYPES);
  let integer = false;
  for (const { value } of keywordValues<string | string[]>(conj, 'type')) {
    const list = Array.isArray(value) ? value : [value];
    const here = new Set<JsonType>(list.map((t) => (t === 'integer' ? 'number' : t)) as JsonType[]);
    for (const t of [...allowed]) if (!here.has(t)) allowed.delete(t);
    if (list.includes('integer') && !list.includes('number')) integer = true;
  }
  return { allowed, integer };
}

/** Small values of each JSON type: what a wrong-type payload carries. */
export const SAMPLE_OF_TYPE: Record<JsonType, fc.Arbitrary<Json>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.oneof(fc.constantFrom(0, 1, 1.5, -1), fc.integer()),
  string: fc.oneof(fc.constantFrom('', '0', '1', 'true', 'null'), fc.string({ maxLength: 8 })),
  array: fc.oneof(fc.constant<Json>([]), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })),
  object: fc.oneof(fc.constant<Json>({}), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { minKeys: 1, maxKeys: 2, noNullPrototype: true })),
};

export const smallJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;

/**
 * Whether a wrong type here is a payload that is not an object at all: the
 * model's own value, where its root schema says `type: "object"` (the root
 * stays first among the roots of every conjunction at the value itself).
 */
function isRootObject(conj: Conj, pointer: string): boolean {
  const root = conj.roots[0]?.schema;
  return pointer === '' && typeof root === 'object' && root !== null && root.type === 'object';
}

/** Values of a JSON type the schema does not allow, `null` apart, and fractions where only integers are. */
export function typeBreakers(types: TypeSet, pointer: string, rootObject = false): DraftBreaker[] {
  const out: DraftBreaker[] = [];
  const wrong = JSON_TYPES.filter((t) => t !== 'null' && !types.allowed.has(t));
  const arbs = wrong.map((t) => SAMPLE_OF_TYPE[t]);
  if (types.integer && types.allowed.has('number')) arbs.push(fc.constantFrom(0.5, 1.5, -2.5, 1e-7));
  if (arbs.length > 0) {
    const arbitrary = fc.oneof(...arbs).map((value) => ({ value, rule: 'type', path: pointer }));
    out.push({ rule: 'type', field: '', arbitrary, ...(rootObject ? { judge: 'RejectsNonObject' } : {}) });
  }
  if (!types.allowed.has('null')) {
    out.push({ rule: 'null', field: '', arbitrary: fc.constant({ value: null, rule: 'null', path: pointer }) });
  }
  return out;
}

/** `type`: which JSON types a place allows; builds the two that have no keywords of their own. */
export const typeVocabulary: Vocabulary = {
  name: 'type',
  keywords: ['type'],
  builds: ['null', 'boolean'],
  valid: (_c, _conj, _pointer, _types, type) => (type === 'null' ? fc.constant(null) : fc.boolean()),
  breaks: (conj) => keywordValues(conj, 'type').length > 0,
  judges: { type: 'RejectsWrongType', null: 'RejectsNull' },
  breakers: (_c, conj, pointer, _depth, types) => typeBreakers(types, pointer, isRootObject(conj, pointer)),
};
