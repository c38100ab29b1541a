import * as fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import type { Json } from '../core/json.js';
import type { Context } from './_internals/context.js';
import { contextFor, type SchemaSource } from './source.js';
import { conjOf } from './_internals/conjunction.js';
import { pointerJoin, type Node } from './_internals/node.js';
import type { Breaker, BrokenValue, Judge } from './_internals/types.js';
import type { SizeBound, Vocabulary } from './_internals/vocabulary.js';
import { Compiler, type CompileOptions } from './compile.js';
import { LazyArbitrary } from './_internals/lazy.js';
import { objectShape } from './vocabularies/object.js';
import { typesOf } from './vocabularies/type.js';
import { VOCABULARIES } from './vocabularies/index.js';

export type { Breaker, BrokenValue, CompileOptions, Judge, SizeBound, Vocabulary };
export { DEFAULT_SIZE_BOUND } from './_internals/vocabulary.js';
export { VOCABULARIES };

export type { SchemaSource };
export { namedPart, unnamedMembers } from './named-members.js';
export { wireSpellings, type SpellingKind } from './wire/spellings.js';

/** The options that decide what a compile makes, as a key; an override (an arbitrary) is no key, and is compiled apart. */
function optionsKey(options: CompileOptions): string | undefined {
  if (options.overrides) return undefined;
  return JSON.stringify([options.tame ?? false, options.loneSurrogates ?? false, options.sizeBound ?? null]);
}

interface Compiled {
  compiler: Compiler;
  valid: Map<string, fc.Arbitrary<Json>>;
  breakers: Map<string, readonly Breaker[]>;
}

/**
 * One compile per schema source and options, shared by every suite that asks:
 * each place is built once, and each model's valid values and breaker list
 * made once per run.
 */
const compiles = new WeakMap<SchemaSource, Map<string, Compiled>>();

function compiledFor(source: SchemaSource, options: CompileOptions): Compiled {
  const ctx = contextFor(source);
  const fresh = (): Compiled => ({ compiler: new Compiler(ctx, options, source.vocabularies ?? VOCABULARIES), valid: new Map(), breakers: new Map() });
  const key = optionsKey(options);
  if (key === undefined) return fresh();
  const bySource = compiles.get(source) ?? new Map<string, Compiled>();
  compiles.set(source, bySource);
  let c = bySource.get(key);
  if (!c) bySource.set(key, (c = fresh()));
  return c;
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
  const compiled = compiledFor(source, options);
  const done = compiled.valid.get(id);
  if (done) return done;
  const c = compiled.compiler;
  const arb = finite(
    c,
    c.within(() => c.build(conjOf(ctx, [root]), '')),
  );
  compiled.valid.set(id, arb);
  return arb;
}

/**
 * Every family of values that break one rule, each labelled with that rule
 * and where. The list is made by walking the schema; each breaker's values
 * (the valid value around the broken place, the oracle's probes) are made
 * where it is first drawn from, so a check that never runs costs nothing.
 */
export function breakers(source: SchemaSource, id: string, options: CompileOptions = {}): Breaker[] {
  const { ctx, root } = rootNode(source, id);
  const compiled = compiledFor(source, options);
  const done = compiled.breakers.get(id);
  if (done) return [...done];
  const c = compiled.compiler;
  const list = c
    .within(() => c.breakersOf(conjOf(ctx, [root]), ''))
    .map((b): Breaker => ({
      ...b,
      // the model's valid values first: where they meet a recursion, one draw tells whether a value of the breaker ends
      arbitrary: new LazyArbitrary(() => (validValues(source, id, options), finite(c, b.arbitrary, 1))),
    }));
  compiled.breakers.set(id, list);
  return [...list];
}

const mixed = new WeakMap<SchemaSource, Map<string, fc.Arbitrary<Json>>>();

/**
 * Full-range values and plain ones in equal parts: for checks about how a
 * value is written rather than what it is, so that an implementation that
 * refuses some values still meets cases it can tell something by.
 */
export function mixedValues(source: SchemaSource, id: string): fc.Arbitrary<Json> {
  const bySource = mixed.get(source) ?? new Map<string, fc.Arbitrary<Json>>();
  mixed.set(source, bySource);
  let arb = bySource.get(id);
  if (!arb) bySource.set(id, (arb = fc.oneof(validValues(source, id, { tame: true }), validValues(source, id))));
  return arb;
}

/** Any value breaking one rule of the schema. */
export function invalidValues(source: SchemaSource, id: string): fc.Arbitrary<BrokenValue> {
  // an open object's unnamed member breaks no rule
  const list = breakers(source, id).filter((b) => !b.accepted);
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

const classes = new WeakMap<SchemaSource, Map<string, readonly FieldClass[]>>();

/**
 * For each top-level property of an object schema, the edge classes its
 * values fall in. Each class's whole values are compiled where first drawn:
 * a compile of the model of its own (the class at its field), which a check
 * no adapter runs never needs.
 */
export function fieldClasses(source: SchemaSource, id: string): FieldClass[] {
  const bySource = classes.get(source) ?? new Map<string, readonly FieldClass[]>();
  classes.set(source, bySource);
  const done = bySource.get(id);
  if (done) return [...done];
  const { ctx, root } = rootNode(source, id);
  const out: FieldClass[] = [];
  for (const [field, nodes] of objectShape(conjOf(ctx, [root])).properties) {
    const conj = conjOf(ctx, nodes);
    const types = typesOf(conj);
    const pointer = pointerJoin('', field);
    for (const v of source.vocabularies ?? VOCABULARIES) {
      for (const c of v.classes?.(conj, types) ?? []) {
        const arbitrary = new LazyArbitrary(() => validValues(source, id, { tame: true, overrides: new Map([[pointer, c.arbitrary]]) }));
        out.push({ field, pointer, className: c.name, check: c.check, arbitrary });
      }
    }
  }
  bySource.set(id, out);
  return [...out];
}
