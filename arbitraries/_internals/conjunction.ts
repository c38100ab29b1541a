import { UsageError } from '../../core/errors.js';
import type { Context } from './context.js';
import { child, displayPath, keyOf, type Node } from './node.js';

/**
 * The schemas a value must satisfy at once: the places it was reached from
 * (`roots`, which the oracle validates) and those places with every `$ref`
 * and `allOf` opened (`nodes`, which the vocabularies read their keywords from).
 */
export interface Conj {
  roots: Node[];
  nodes: Node[];
  /** `oneOf`/`anyOf` places already expanded into one branch. */
  expanded: Set<string>;
  /** Whether a `$ref` was opened: such a conjunction may recur, so it is memoised. */
  viaRef: boolean;
}

function open(ctx: Context, node: Node, into: Node[], stack: Set<string>): boolean {
  const s = node.schema;
  if (s === true) return false;
  into.push(node);
  if (typeof s !== 'object' || s === null) return false;
  let viaRef = false;
  if (typeof s.$ref === 'string') {
    const target = ctx.resolve(node, s.$ref);
    const k = keyOf(target);
    if (stack.has(k)) throw new UsageError(`$ref cycle with no schema in between at ${displayPath(node)}`);
    stack.add(k);
    open(ctx, target, into, stack);
    stack.delete(k);
    viaRef = true;
  }
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((_: unknown, i: number) => {
      viaRef = open(ctx, child(node, 'allOf', i), into, stack) || viaRef;
    });
  }
  return viaRef;
}

export function conjOf(ctx: Context, roots: Node[], expanded = new Set<string>()): Conj {
  const nodes: Node[] = [];
  let viaRef = false;
  for (const r of roots) viaRef = open(ctx, r, nodes, new Set([keyOf(r)])) || viaRef;
  return { roots, nodes, expanded, viaRef };
}

export function conjKey(conj: Conj): string {
  return conj.roots.map(keyOf).join('&') + (conj.expanded.size ? `|${[...conj.expanded].sort().join(',')}` : '');
}

/** Values of `keyword` across the conjunction, in order. */
export function keywordValues<T = any>(conj: Conj, keyword: string): { value: T; node: Node }[] {
  const out: { value: T; node: Node }[] = [];
  for (const node of conj.nodes) {
    const s = node.schema;
    if (typeof s === 'object' && s !== null && keyword in s) out.push({ value: (s as any)[keyword], node });
  }
  return out;
}

export function has(conj: Conj, keyword: string): boolean {
  return keywordValues(conj, keyword).length > 0;
}

export function display(conj: Conj): string {
  return conj.roots.map(displayPath).join(' & ');
}
