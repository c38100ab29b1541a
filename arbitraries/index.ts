import * as fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import type { Json } from '../core/json.js';
import { Context, type SchemaSource as Schemas } from './_internals/context.js';
import { conjOf } from './_internals/conjunction.js';
import { pointerJoin, type Node } from './_internals/node.js';
import type { Breaker, BrokenValue, Judge } from './_internals/types.js';
import type { Vocabulary } from './_internals/vocabulary.js';
import { Compiler, type CompileOptions } from './compile.js';
import { objectShape } from './vocabularies/object.js';
import { typesOf } from './vocabularies/type.js';
import { supportedKeywords, VOCABULARIES } from './vocabularies/index.js';

export type { Breaker, BrokenValue, CompileOptions, Judge, Vocabulary };
export { VOCABULARIES };

/**
 * The schemas, their oracle, and the keyword families they are compiled
 * with where those are not the bundled ones: a keyword of one's own needs
 * both a family here and its ajv taught it.
 */
export interface SchemaSource extends Schemas {
  vocabularies?: readonly Vocabulary[];
}
export { wireSpellings, type SpellingKind } from './wire/spellings.js';

const contexts = new WeakMap<SchemaSource, Context>();
function contextFor(source: SchemaSource): Context {
  let ctx = contexts.get(source);
  if (!ctx) contexts.set(source, (ctx = new Context(source, supportedKeywords(source.vocabularies ?? VOCABULARIES))));
  return ctx;
}

function compilerFor(source: SchemaSource, ctx: Context, options: CompileOptions): Compiler {
  return new Compiler(ctx, options, source.vocabularies ?? VOCABULARIES);
}

function rootNode(source: SchemaSource, id: string): { ctx: Context; root: Node } {
  const ctx = contextFor(source);
  const root = ctx.root(id);
  ctx.checkKeywords(root);
  return { ctx, root };
}

/**
 * A schema that refers back to itself where a value must go on (a required
 * property, a non-empty array) has no finite value: drawing one recurses
 * until the stack runs out. Drawn once here, with a fixed seed, where the
 * compile met a recursion, so that is a usage error before any check runs.
 */
function finite<T>(c: Compiler, arb: fc.Arbitrary<T>, numRuns = 20): fc.Arbitrary<T> {
  if (c.recursions.length === 0) return arb;
  try {
    fc.sample(arb, { numRuns, seed: 0x5eed });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new UsageError(
      `values of the schema at ${c.recursions[0]} nest without end: it refers back to itself where a value cannot stop (a required property, a non-empty array); make that recursion optional`,
    );
  }
  return arb;
}

/** Values the schema accepts, biased toward those that break implementations. */
export function validValues(source: SchemaSource, id: string, options: CompileOptions = {}): fc.Arbitrary<Json> {
  const { ctx, root } = rootNode(source, id);
  const c = compilerFor(source, ctx, options);
  return finite(
    c,
    c.within(() => c.build(conjOf(ctx, [root]), '')),
  );
}

/** Every family of values that break one rule, each labelled with that rule and where. */
export function breakers(source: SchemaSource, id: string, options: CompileOptions = {}): Breaker[] {
  const { ctx, root } = rootNode(source, id);
  const c = compilerFor(source, ctx, options);
  const list = c.within(() => c.breakersOf(conjOf(ctx, [root]), ''));
  // one draw each: a value without end fails every draw
  for (const b of list) finite(c, b.arbitrary, 1);
  return list;
}

/**
 * Full-range values and plain ones in equal parts: for checks about how a
 * value is written rather than what it is, so that an implementation that
 * refuses some values still meets cases it can tell something by.
 */
export function mixedValues(source: SchemaSource, id: string): fc.Arbitrary<Json> {
  return fc.oneof(validValues(source, id, { tame: true }), validValues(source, id));
}

/** Any value breaking one rule of the schema. */
export function invalidValues(source: SchemaSource, id: string): fc.Arbitrary<BrokenValue> {
  const list = breakers(source, id);
  if (list.length === 0) throw new Error(`the schema ${id} has no rule to break`);
  return fc.oneof(...list.map((b) => b.arbitrary));
}

export interface FieldClass {
  field: string;
  pointer: string;
  className: string;
  /** The Parse check the class makes, as its vocabulary names it (`AcceptsFraction`). */
  check: string;
  /** Whole values whose `field` is drawn from the class, every other field as usual. */
  arbitrary: fc.Arbitrary<Json>;
}

/** For each top-level property of an object schema, the edge classes its values fall in. */
export function fieldClasses(source: SchemaSource, id: string): FieldClass[] {
  const { ctx, root } = rootNode(source, id);
  const out: FieldClass[] = [];
  for (const [field, nodes] of objectShape(conjOf(ctx, [root])).properties) {
    const conj = conjOf(ctx, nodes);
    const types = typesOf(conj);
    const pointer = pointerJoin('', field);
    for (const v of source.vocabularies ?? VOCABULARIES) {
      for (const c of v.classes?.(conj, types) ?? []) {
        const arbitrary = validValues(source, id, { tame: true, overrides: new Map([[pointer, c.arbitrary]]) });
        out.push({ field, pointer, className: c.name, check: c.check, arbitrary });
      }
    }
  }
  return out;
}
