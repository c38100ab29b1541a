import * as fc from 'fast-check';
import type { Json } from '../core/json.js';
import type { Context } from './_internals/context.js';
import { type Conj } from './_internals/conjunction.js';
import type { Breaker } from './_internals/types.js';
import type { CompileOptions, Composer } from './_internals/vocabulary.js';
export type { CompileOptions } from './_internals/vocabulary.js';
/**
 * Composes the vocabularies into arbitraries. Places reached through `$ref`
 * are memoised under fc.letrec, which is what lets a recursive schema compile.
 */
export declare class Compiler implements Composer {
    readonly ctx: Context;
    readonly options: CompileOptions;
    readonly depth: fc.DepthContext;
    private tie;
    private defs;
    private building;
    private built;
    private breaking;
    constructor(ctx: Context, options?: CompileOptions);
    /** Runs `fn` where `$ref` places can be tied; every arbitrary made here stays usable after. */
    within<T>(fn: () => T): T;
    validatorOf(conj: Conj): (v: unknown) => boolean;
    build(conj: Conj, pointer: string): fc.Arbitrary<Json>;
    private buildInner;
    breakersOf(conj: Conj, pointer: string, depth?: number): Breaker[];
    private breakersInner;
}
