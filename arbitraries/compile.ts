import * as fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import type { Json } from '../core/json.js';
import type { Context } from './_internals/context.js';
import { conjKey, display, type Conj } from './_internals/conjunction.js';
import type { Breaker, DraftBreaker } from './_internals/types.js';
import { DEFAULT_SIZE_BOUND, type CompileOptions, type Composer, type SizeBound, type Vocabulary } from './_internals/vocabulary.js';
import { LazyArbitrary } from './_internals/lazy.js';
import { viable } from './_internals/probe.js';
import { VOCABULARIES } from './vocabularies/index.js';
import { valueKey } from './vocabularies/enum.js';
import { typesOf } from './vocabularies/type.js';

export type { CompileOptions } from './_internals/vocabulary.js';

/** How deep breakers follow nested schemas; a recursive schema would otherwise never end. */
const MAX_BREAKER_DEPTH = 6;

/**
 * Composes the vocabularies into arbitraries. Places reached through `$ref`
 * are memoised under fc.letrec, which is what lets a recursive schema compile.
 */
export class Compiler implements Composer {
  readonly depth = fc.createDepthIdentifier();
  private tie: ((key: string) => fc.Arbitrary<unknown>) | undefined;
  private defs: Record<string, fc.Arbitrary<unknown>> = {};
  private building = new Set<string>();
  private built = new Map<string, fc.Arbitrary<Json>>();
  private breaking = new Set<string>();
  private recursive = new Set<string>();
  /** The `$ref` places reached again while being built, once per arbitrary that refers back to one: a value may nest there without end. */
  readonly recursions: string[] = [];
  /** Instance pointer → the values another branch of a union being broken would accept there (see `breakersExcluding`). */
  private excluded = new Map<string, Set<string>>();
  private memos = new Map<string, unknown>();

  constructor(
    readonly ctx: Context,
    readonly options: CompileOptions = {},
    private readonly vocabularies: readonly Vocabulary[] = VOCABULARIES,
  ) {}

  /** Runs `fn` where `$ref` places can be tied; every arbitrary made here stays usable after. */
  within<T>(fn: () => T): T {
    let result!: T;
    // a lazy breaker made while another is being made (a union probing its branches) restores the outer tie
    const outer = this.tie;
    try {
      fc.letrec((tie) => {
        this.tie = tie;
        result = fn();
        return this.defs;
      });
    } finally {
      this.tie = outer;
    }
    return result;
  }

  lazily<T>(make: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
    return new LazyArbitrary(() => this.within(make));
  }

  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const made = make();
    this.memos.set(key, made);
    return made;
  }

  boundAt(pointer: string): SizeBound | undefined {
    const bound = this.options.sizeBound ?? DEFAULT_SIZE_BOUND;
    return bound && depthOf(pointer) >= bound.depth ? bound : undefined;
  }

  /**
   * What decides a place's arbitrary besides its schemas: how deep it is, up
   * to the size bound's depth, and its pointer where an override aims at or
   * below it. A `$ref` place nesting deeper keeps its key past the bound's
   * depth, so a recursion still ties.
   */
  placeKey(conj: Conj, pointer: string): string {
    const bound = this.options.sizeBound ?? DEFAULT_SIZE_BOUND;
    const depth = bound ? `@${Math.min(depthOf(pointer), bound.depth)}` : '';
    const aimed = [...(this.options.overrides?.keys() ?? [])].some((k) => k === pointer || k.startsWith(`${pointer}/`));
    return conjKey(conj) + depth + (aimed ? `@${pointer}` : '');
  }

  validatorOf(conj: Conj): (v: unknown) => boolean {
    const fns = conj.roots.map((r) => this.ctx.validator(r));
    return fns.length === 1 ? fns[0]! : (v) => fns.every((f) => f(v));
  }

  build(conj: Conj, pointer: string): fc.Arbitrary<Json> {
    if (!this.tie) return this.buildInner(conj, pointer);
    // every place is built once per compile: a breaker's backdrop and the level above it share what is below
    const key = this.placeKey(conj, pointer);
    const done = this.built.get(key);
    if (done) {
      if (this.recursive.has(key)) this.recursions.push(display(conj));
      return done;
    }
    // only a place reached again while it is being built (recursion) goes through the lazy tie: a
    // oneOf of $refs gets real arbitraries, which can be sampled (probed) before letrec has returned
    if (this.building.has(key)) {
      this.recursions.push(display(conj));
      return this.tie(key) as fc.Arbitrary<Json>;
    }
    this.building.add(key);
    const before = this.recursions.length;
    try {
      const arb = this.buildInner(conj, pointer);
      if (conj.viaRef) this.defs[key] = arb;
      this.built.set(key, arb);
      if (this.recursions.length > before) this.recursive.add(key);
      return arb;
    } finally {
      this.building.delete(key);
    }
  }

  private buildInner(conj: Conj, pointer: string): fc.Arbitrary<Json> {
    if (conj.nodes.some((n) => n.schema === false)) throw new UsageError(`no value satisfies the schema at ${display(conj)} (it is false)`);
    const types = typesOf(conj);
    const claimant = this.vocabularies.find((v) => v.claims?.(conj));
    if (claimant) return claimant.valid!(this, conj, pointer, types);
    const arbs: fc.Arbitrary<Json>[] = [];
    for (const t of types.allowed) {
      const builder = this.vocabularies.find((v) => v.builds?.includes(t))!;
      arbs.push(builder.valid!(this, conj, pointer, types, t));
    }
    if (arbs.length === 0) throw new UsageError(`no JSON type satisfies every "type" at ${display(conj)}`);
    return arbs.length === 1 ? arbs[0]! : fc.oneof({ depthSize: 'small', withCrossShrink: true, depthIdentifier: this.depth }, ...arbs);
  }

  breakersOf(conj: Conj, pointer: string, depth = 0): Breaker[] {
    if (depth > MAX_BREAKER_DEPTH) return [];
    const key = conjKey(conj);
    if (conj.viaRef && this.breaking.has(key)) return [];
    this.breaking.add(key);
    try {
      const list = this.breakersInner(conj, pointer, depth);
      const excluded = this.excluded.get(pointer);
      return excluded ? excludedFrom(list, excluded) : list;
    } finally {
      this.breaking.delete(key);
    }
  }

  /**
   * `breakersOf`, where each pointer of `excluded` must not hold the values
   * listed for it: what a union's other branches would accept there (their
   * discriminator's values), so a breaker of one branch never hands out a
   * value another branch takes. Checked where the value is drawn, on the
   * small value at that place, not on the whole branch value above it.
   */
  breakersExcluding(conj: Conj, pointer: string, depth: number, excluded: Map<string, Json[]>): Breaker[] {
    const before = new Map(this.excluded);
    for (const [p, values] of excluded) this.excluded.set(p, new Set([...(this.excluded.get(p) ?? []), ...values.map(valueKey)]));
    try {
      return this.breakersOf(conj, pointer, depth);
    } finally {
      this.excluded = before;
    }
  }

  private breakersInner(conj: Conj, pointer: string, depth: number): Breaker[] {
    const types = typesOf(conj);
    const out: Breaker[] = [];
    for (const v of this.vocabularies) {
      const claims = v.claims?.(conj) ?? false;
      if (claims || v.breaks?.(conj, types)) out.push(...(v.breakers?.(this, conj, pointer, depth, types) ?? []).map((b) => judged(v, b, conj)));
      if (claims) break;
    }
    return out;
  }
}

/** An instance pointer's depth: the value itself is 0, its members 1. */
function depthOf(pointer: string): number {
  let n = 0;
  for (const ch of pointer) if (ch === '/') n++;
  return n;
}

/** The breakers whose own value may be an excluded one, filtered; those whose every value is, left out. */
function excludedFrom(list: Breaker[], excluded: Set<string>): Breaker[] {
  const keep = (bv: { value: Json }) => !excluded.has(valueKey(bv.value));
  const out: Breaker[] = [];
  for (const b of list) if (viable(b.arbitrary, keep)) out.push({ ...b, arbitrary: b.arbitrary.filter(keep) });
  return out;
}

/** The breaker with the judge its vocabulary names for its rule; a rule the vocabulary names none for is its author's error, not a check gone missing. */
function judged(v: Vocabulary, b: DraftBreaker, conj: Conj): Breaker {
  if (b.judge !== undefined) return { ...b, judge: b.judge };
  const judge = v.judges && Object.hasOwn(v.judges, b.rule) ? v.judges[b.rule] : undefined;
  if (judge === undefined)
    throw new Error(
      `the ${v.name} vocabulary breaks "${b.rule}" at ${display(conj)} but names no check to judge it: add "${b.rule}" to its judges (a Parse check's name, or { suite } for another suite)`,
    );
  return { ...b, judge };
}
