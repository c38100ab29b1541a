import type * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import type { Conj } from './conjunction.js';
import type { Context } from './context.js';
import type { Breaker } from './types.js';

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export interface TypeSet {
  allowed: Set<JsonType>;
  /** `number` is allowed only as `integer`. */
  integer: boolean;
}

export interface CompileOptions {
  /** Let strings carry lone surrogates: for the Informational level only. */
  loneSurrogates?: boolean;
  /**
   * Plain values (small integers, printable ASCII) wherever the constraints
   * allow, and no optional member the check does not aim at: the backdrop of
   * a check that aims at one field, so that its verdict speaks of that field alone.
   */
  tame?: boolean;
  /** Instance pointer → the arbitrary to use there instead (a check that aims at one field). */
  overrides?: Map<string, fc.Arbitrary<Json>>;
}

/** What a vocabulary may ask of the compiler that composes it: the way back in for subschemas. */
export interface Composer {
  readonly ctx: Context;
  readonly depth: fc.DepthIdentifier;
  readonly options: CompileOptions;
  /** Grows each time `build` hands back an arbitrary that refers back to a place still being built. */
  readonly recursions: readonly string[];
  build(conj: Conj, pointer: string): fc.Arbitrary<Json>;
  breakersOf(conj: Conj, pointer: string, depth: number): Breaker[];
  validatorOf(conj: Conj): (v: unknown) => boolean;
}

/**
 * One keyword family, as data: its keywords, how it builds valid values, how
 * it breaks them. The compiler walks the list in order; a new keyword is one
 * file and one entry in `vocabularies/index.ts`.
 */
export interface Vocabulary {
  name: string;
  /** The keywords this family honours: a schema using any other is refused, by name. */
  keywords: readonly string[];
  /** The family alone decides the place's values (a pending `oneOf`, an `enum`); no family after it adds breakers there. */
  claims?(conj: Conj): boolean;
  /** The JSON types whose values `valid` builds when no family claims the place. */
  builds?: readonly JsonType[];
  /** Valid values at this place: for a claiming family, all of them; otherwise those of `type`. */
  valid?(c: Composer, conj: Conj, pointer: string, types: TypeSet, type?: JsonType): fc.Arbitrary<Json>;
  /** Whether the family has rules at this place for `breakers` to break. */
  breaks?(conj: Conj, types: TypeSet): boolean;
  /** Values that each break one of the family's rules at this place. */
  breakers?(c: Composer, conj: Conj, pointer: string, depth: number, types: TypeSet): Breaker[];
}
