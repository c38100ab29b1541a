import * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import { conjOf, keywordValues, type Conj } from '../_internals/conjunction.js';
import { child, pointerJoin, type Node } from '../_internals/node.js';
import { bounded } from '../_internals/recursion.js';
import { joinField, type Breaker, type BrokenValue, type DraftBreaker } from '../_internals/types.js';
import type { Composer, Vocabulary } from '../_internals/vocabulary.js';
import { smallJson } from './type.js';

interface ArrayShape {
  prefix: Node[];
  items: Node[] | false;
  minItems: number;
  maxItems: number | undefined;
  merged: boolean;
}

function arrayShape(conj: Conj): ArrayShape {
  const prefixes = keywordValues<unknown[]>(conj, 'prefixItems');
  const prefixOwner = prefixes[0]?.node;
  const prefix = prefixOwner ? prefixes[0]!.value.map((_, i) => child(prefixOwner, 'prefixItems', i)) : [];
  let items: Node[] | false = [];
  for (const { value, node } of keywordValues(conj, 'items')) {
    if (value === false) items = false;
    else if (items !== false && value !== true) items.push(child(node, 'items'));
  }
  const maxs = keywordValues<number>(conj, 'maxItems').map((v) => v.value);
  return {
    prefix,
    items,
    minItems: Math.max(0, ...keywordValues<number>(conj, 'minItems').map((v) => v.value)),
    maxItems: maxs.length ? Math.min(...maxs) : undefined,
    merged: prefixes.length > 1 || keywordValues(conj, 'items').length > 1,
  };
}

function tailArbitrary(c: Composer, shape: ArrayShape, pointer: string): fc.Arbitrary<Json> | undefined {
  if (shape.items === false) return undefined;
  return shape.items.length > 0 ? c.build(conjOf(c.ctx, shape.items), `${pointer}/*`) : smallJson;
}

function arrayOf(c: Composer, shape: ArrayShape, pointer: string, minItems: number, maxItems: number | undefined): fc.Arbitrary<Json[]> {
  const prefixCount = maxItems === undefined ? shape.prefix.length : Math.min(shape.prefix.length, maxItems);
  const recursions = c.recursions.length;
  const prefix = fc.tuple(...shape.prefix.slice(0, prefixCount).map((n, i) => c.build(conjOf(c.ctx, [n]), pointerJoin(pointer, i))));
  const tail = tailArbitrary(c, shape, pointer);
  if (!tail) return prefix;
  const minLength = Math.max(0, minItems - prefixCount);
  const bound = c.boundAt(pointer);
  const unbounded = maxItems === undefined ? Math.max(minLength + 4, 4) : Math.max(0, maxItems - prefixCount);
  // nested, an array holds a few items past its minimum; its maxItems, where that is fewer
  const maxLength = bound ? Math.min(unbounded, minLength + bound.items) : unbounded;
  const whole = fc.tuple(prefix, fc.array(tail, { minLength, maxLength, depthIdentifier: c.depth })).map(([p, t]) => [...p, ...t]);
  // with items required, there is no shorter array to stop at: a value that never ends is refused where it is first drawn
  return minLength > 0 ? whole : bounded(c, recursions, prefix, whole);
}

export function validArray(c: Composer, conj: Conj, pointer: string): fc.Arbitrary<Json> {
  const shape = arrayShape(conj);
  const arb = arrayOf(c, shape, pointer, shape.minItems, shape.maxItems);
  return shape.merged ? arb.filter(c.validatorOf(conj)) : arb;
}

export function arrayBreakers(c: Composer, conj: Conj, pointer: string, depth: number): DraftBreaker[] {
  const shape = arrayShape(conj);
  const out: DraftBreaker[] = [];
  if (shape.minItems > 0) {
    const n = shape.minItems - 1;
    out.push({
      rule: 'minItems',
      field: '',
      arbitrary: c.lazily(() => arrayOf(c, shape, pointer, n, n).map((value) => ({ value, rule: 'minItems', path: pointer }))),
    });
  }
  if (shape.maxItems !== undefined && shape.items !== false) {
    const n = shape.maxItems + 1;
    out.push({
      rule: 'maxItems',
      field: '',
      arbitrary: c.lazily(() => arrayOf(c, shape, pointer, n, n).map((value) => ({ value, rule: 'maxItems', path: pointer }))),
    });
  }
  // Inner breakers are compiled at `<pointer>/*`; each value then takes a concrete index.
  const wildcard = pointerJoin(pointer, '*');
  const atIndex = (b: Breaker, field: string, minLength: number, index: (a: Json[], n: number) => number): Breaker => ({
    ...b,
    field,
    approximate: b.approximate || shape.merged,
    arbitrary: c.lazily(() =>
      fc.tuple(arrayOf(c, shape, pointer, Math.max(minLength, shape.minItems), shape.maxItems), b.arbitrary, fc.nat()).map(([a, bv, n]): BrokenValue => {
        const i = index(a, n);
        const copy = [...a];
        copy[i] = bv.value;
        const repaired = [...a];
        if (bv.repaired !== undefined) repaired[i] = bv.repaired;
        return { ...bv, value: copy, path: pointerJoin(pointer, i) + bv.path.slice(wildcard.length), repaired };
      }),
    ),
  });
  shape.prefix.forEach((n, i) => {
    for (const b of c.breakersOf(conjOf(c.ctx, [n]), wildcard, depth + 1)) out.push(atIndex(b, joinField(String(i), b.field), i + 1, () => i));
  });
  const first = shape.prefix.length;
  if (shape.items !== false && shape.items.length > 0 && (shape.maxItems === undefined || shape.maxItems > first)) {
    for (const b of c.breakersOf(conjOf(c.ctx, shape.items), wildcard, depth + 1)) {
      out.push(atIndex(b, joinField('*', b.field), first + 1, (a, n) => first + (n % (a.length - first))));
    }
  }
  return out;
}

export function hasArrayKeywords(conj: Conj): boolean {
  return ['items', 'prefixItems', 'minItems', 'maxItems'].some((k) => keywordValues(conj, k).length > 0);
}

/** The array keywords: `items`, `prefixItems` and the item counts. */
export const arrayVocabulary: Vocabulary = {
  name: 'array',
  keywords: ['items', 'prefixItems', 'minItems', 'maxItems'],
  builds: ['array'],
  valid: (c, conj, pointer) => validArray(c, conj, pointer),
  breaks: (conj, types) => types.allowed.has('array') && hasArrayKeywords(conj),
  judges: { minItems: 'RejectsItemCount', maxItems: 'RejectsItemCount' },
  breakers: (c, conj, pointer, depth) => arrayBreakers(c, conj, pointer, depth),
};
