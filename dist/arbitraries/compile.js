import * as fc from 'fast-check';
import { UsageError } from '../core/errors.js';
import { conjKey, display } from './_internals/conjunction.js';
import { VOCABULARIES } from './vocabularies/index.js';
import { typesOf } from './vocabularies/type.js';
/** How deep breakers follow nested schemas; a recursive schema would otherwise never end. */
const MAX_BREAKER_DEPTH = 6;
/**
 * Composes the vocabularies into arbitraries. Places reached through `$ref`
 * are memoised under fc.letrec, which is what lets a recursive schema compile.
 */
export class Compiler {
    ctx;
    options;
    depth = fc.createDepthIdentifier();
    tie;
    defs = {};
    building = new Set();
    built = new Map();
    breaking = new Set();
    constructor(ctx, options = {}) {
        this.ctx = ctx;
        this.options = options;
    }
    /** Runs `fn` where `$ref` places can be tied; every arbitrary made here stays usable after. */
    within(fn) {
        let result;
        fc.letrec((tie) => {
            this.tie = tie;
            result = fn();
            return this.defs;
        });
        this.tie = undefined;
        return result;
    }
    validatorOf(conj) {
        const fns = conj.roots.map((r) => this.ctx.validator(r));
        return fns.length === 1 ? fns[0] : (v) => fns.every((f) => f(v));
    }
    build(conj, pointer) {
        if (!conj.viaRef || !this.tie)
            return this.buildInner(conj, pointer);
        const key = conjKey(conj);
        const done = this.built.get(key);
        if (done)
            return done;
        // only a place reached again while it is being built (recursion) goes through the lazy tie: a
        // oneOf of $refs gets real arbitraries, which can be sampled (probed) before letrec has returned
        if (this.building.has(key))
            return this.tie(key);
        this.building.add(key);
        try {
            const arb = this.buildInner(conj, pointer);
            this.defs[key] = arb;
            this.built.set(key, arb);
            return arb;
        }
        finally {
            this.building.delete(key);
        }
    }
    buildInner(conj, pointer) {
        if (conj.nodes.some((n) => n.schema === false))
            throw new UsageError(`no value satisfies the schema at ${display(conj)} (it is false)`);
        const types = typesOf(conj);
        const claimant = VOCABULARIES.find((v) => v.claims?.(conj));
        if (claimant)
            return claimant.valid(this, conj, pointer, types);
        const arbs = [];
        for (const t of types.allowed) {
            const builder = VOCABULARIES.find((v) => v.builds?.includes(t));
            arbs.push(builder.valid(this, conj, pointer, types, t));
        }
        if (arbs.length === 0)
            throw new UsageError(`no JSON type satisfies every "type" at ${display(conj)}`);
        return arbs.length === 1 ? arbs[0] : fc.oneof({ depthSize: 'small', withCrossShrink: true, depthIdentifier: this.depth }, ...arbs);
    }
    breakersOf(conj, pointer, depth = 0) {
        if (depth > MAX_BREAKER_DEPTH)
            return [];
        const key = conjKey(conj);
        if (conj.viaRef && this.breaking.has(key))
            return [];
        this.breaking.add(key);
        try {
            return this.breakersInner(conj, pointer, depth);
        }
        finally {
            this.breaking.delete(key);
        }
    }
    breakersInner(conj, pointer, depth) {
        const types = typesOf(conj);
        const out = [];
        for (const v of VOCABULARIES) {
            const claims = v.claims?.(conj) ?? false;
            if (claims || v.breaks?.(conj, types))
                out.push(...(v.breakers?.(this, conj, pointer, depth, types) ?? []));
            if (claims)
                break;
        }
        return out;
    }
}
//# sourceMappingURL=compile.js.map