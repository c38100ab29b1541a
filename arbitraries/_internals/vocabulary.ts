import type * as fc from 'fast-check';
import type { Json } from '../../core/json.js';
import type { Conj } from './conjunction.js';
import type { Context } from './context.js';
import type { Breaker, DraftBreaker, Judge } from './types.js';

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

/** Valid values of one edge class (`fraction`, `nonBmp`), and the Parse check that holds a parser to them (`AcceptsFraction`). */
export interface ValueClass {
  name: string;
  check: string;
  arbitrary: fc.Arbitrary<Json>;
}

/**
 * One keyword family, as data: its keywords, how it builds valid values, how
 * it breaks them and which check judges what it breaks. The compiler walks
 * the list in order; a new keyword is one file and one entry in
 * `vocabularies/index.ts`.
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
  /**
   * For each rule its own breakers break, what judges them (see `Judge`). A
   * breaker whose rule is missing here is an error where the checks are
   * planned, naming the rule and this family: it never silently drops out of
   * the Parse suite. Breakers handed up from subschemas keep their own judge.
   */
  judges?: Readonly<Record<string, Judge>>;
  /** The edge classes of the values at a place of this family's one JSON type, for a field's Accepts checks. */
  classes?(conj: Conj, types: TypeSet): ValueClass[];
  /** Values that each break one of the family's rules at this place. */
  breakers?(c: Composer, conj: Conj, pointer: string, depth: number, types: TypeSet): DraftBreaker[];
}
