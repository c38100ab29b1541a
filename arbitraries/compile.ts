import * as fc from 'fast-check';
import { UsageError } from '../core/errors.ts';
import type { Json } from '../core/json.ts';
import type { Context } from './_internals/context.ts';
import { conjKey, display, keywordValues, type Conj } from './_internals/conjunction.ts';
import type { Breaker } from './_internals/types.ts';
import { arrayBreakers, hasArrayKeywords, validArray } from './vocabularies/array.ts';
import { combinatorBreakers, pendingCombinator, validCombinator } from './vocabularies/combinators.ts';
import { enumBreakers, enumValues, validEnum } from './vocabularies/enum.ts';
import { numberBreakers, numberRules, validNumber } from './vocabularies/numeric.ts';
import { hasObjectKeywords, objectBreakers, validObject } from './vocabularies/object.ts';
import { stringBreakers, stringRules, validString } from './vocabularies/string.ts';
import { typeBreakers, typesOf } from './vocabularies/type.ts';

export interface CompileOptions {
  /** Let strings carry lone surrogates: for the Informational level only. */
  loneSurrogates?: boolean;
  /**
   * Plain values (small integers, printable ASCII) wherever the constraints
   * allow: the backdrop of a check that aims at one field, so that its
   * verdict speaks of that field alone.
   */
  tame?: boolean;
  /** Instance pointer → the arbitrary to use there instead (a check that aims at one field). */
  overrides?: Map<string, fc.Arbitrary<Json>>;
}

/** How deep breakers follow nested schemas; a recursive schema would otherwise never end. */
const MAX_BREAKER_DEPTH = 6;

/**
 * Composes the vocabularies into arbitraries. Places reached through `$ref`
 * are memoised under fc.letrec, which is what lets a recursive schema compile.
 */
export class Compiler {
  readonly depth = fc.createDepthIdentifier();
  private tie: ((key: string) => fc.Arbitrary<unknown>) | undefined;
  private defs: Record<string, fc.Arbitrary<unknown>> = {};
  private building = new Set<string>();
  private built = new Map<string, fc.Arbitrary<Json>>();
  private breaking = new Set<string>();

  constructor(readonly ctx: Context, readonly options: CompileOptions = {}) {}

  /** Runs `fn` where `$ref` places can be tied; every arbitrary made here stays usable after. */
  within<T>(fn: () => T): T {
    let result!: T;
    fc.letrec((tie) => {
      this.tie = tie;
      result = fn();
      return this.defs;
    });
    this.tie = undefined;
    return result;
  }

  validatorOf(conj: Conj): (v: unknown) => boolean {
    const fns = conj.roots.map((r) => this.ctx.validator(r));
    return fns.length === 1 ? fns[0]! : (v) => fns.every((f) => f(v));
  }

  build(conj: Conj, pointer: string): fc.Arbitrary<Json> {
    if (!conj.viaRef || !this.tie) return this.buildInner(conj, pointer);
    const key = conjKey(conj);
    const done = this.built.get(key);
    if (done) return done;
    // only a place reached again while it is being built (recursion) goes through the lazy tie: a
    // oneOf of $refs gets real arbitraries, which can be sampled (probed) before letrec has returned
    if (this.building.has(key)) return this.tie(key) as fc.Arbitrary<Json>;
    this.building.add(key);
    try {
      const arb = this.buildInner(conj, pointer);
      this.defs[key] = arb;
      this.built.set(key, arb);
      return arb;
    } finally {
      this.building.delete(key);
    }
  }

  private buildInner(conj: Conj, pointer: string): fc.Arbitrary<Json> {
    if (conj.nodes.some((n) => n.schema === false)) throw new UsageError(`no value satisfies the schema at ${display(conj)} (it is false)`);
    const comb = pendingCombinator(conj);
    if (comb) return validCombinator(this, conj, comb, pointer);
    const values = enumValues(conj);
    if (values) return validEnum(conj, values, this.validatorOf(conj));
    const types = typesOf(conj);
    const arbs: fc.Arbitrary<Json>[] = [];
    for (const t of types.allowed) {
      if (t === 'null') arbs.push(fc.constant(null));
      else if (t === 'boolean') arbs.push(fc.boolean());
      else if (t === 'number') arbs.push(validNumber(numberRules(conj, types.integer), this.options.tame));
      else if (t === 'string') arbs.push(validString(stringRules(conj), this.options));
      else if (t === 'array') arbs.push(validArray(this, conj, pointer));
      else arbs.push(validObject(this, conj, pointer));
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
      return this.breakersInner(conj, pointer, depth);
    } finally {
      this.breaking.delete(key);
    }
  }

  private breakersInner(conj: Conj, pointer: string, depth: number): Breaker[] {
    const comb = pendingCombinator(conj);
    if (comb) return combinatorBreakers(this, conj, comb, pointer, depth);
    const types = typesOf(conj);
    const out = keywordValues(conj, 'type').length > 0 ? typeBreakers(types, pointer) : [];
    const values = enumValues(conj);
    if (values) return [...out, ...enumBreakers(conj, values, pointer)];
    if (types.allowed.has('number')) out.push(...numberBreakers(numberRules(conj, types.integer), pointer));
    if (types.allowed.has('string')) out.push(...stringBreakers(stringRules(conj), pointer));
    if (types.allowed.has('object') && hasObjectKeywords(conj)) out.push(...objectBreakers(this, conj, pointer, depth));
    if (types.allowed.has('array') && hasArrayKeywords(conj)) out.push(...arrayBreakers(this, conj, pointer, depth));
    return out;
  }
}
