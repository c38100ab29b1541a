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
  /** How short strings and arrays are drawn where values nest; `false` draws them as at the top. Default: DEFAULT_SIZE_BOUND. */
  sizeBound?: SizeBound | false;
}

/**
 * Where a value nests (its own members are depth 1), its strings and arrays
 * are drawn short: an event that holds a whole response holds some fifty
 * strings and a dozen arrays, and drawn as a top-level field is drawn (strings
 * of 64 Ki code units, arrays of four at every level) its median case was
 * 37 KB. The edges a long string or array tests (the 2^k lengths, the long
 * pool) are each still met where they are at depth 1, and in the field checks.
 */
export interface SizeBound {
  /** The depth from which the bound holds. */
  depth: number;
  /** The most code units a string drawn there holds (or its minLength, if more). */
  stringLength: number;
  /** The most items an array drawn there holds beyond its minItems. */
  items: number;
}

export const DEFAULT_SIZE_BOUND: SizeBound = { depth: 2, stringLength: 256, items: 2 };

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
  /** An arbitrary made where it is first drawn from, in the compiler's scope (where its `$ref` places tie). */
  lazily<T>(make: () => fc.Arbitrary<T>): fc.Arbitrary<T>;
  /** The size bound that holds at an instance pointer, if one does. */
  boundAt(pointer: string): SizeBound | undefined;
  /** The key a place's arbitraries are memoised under: its schemas and what else decides them at `pointer`. */
  placeKey(conj: Conj, pointer: string): string;
  /**
   * `breakersOf`, with values another branch of a union would accept at some
   * instance pointers (its discriminator's) kept out of the breakers there.
   */
  breakersExcluding(conj: Conj, pointer: string, depth: number, excluded: Map<string, Json[]>): Breaker[];
  /** `make()` once per compiler for `key` (a place and what else decides the arbitrary). */
  memo<T>(key: string, make: () => T): T;
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
