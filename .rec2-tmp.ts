import * as fc from 'fast-check';
import { loadSchemaSet, findModel } from './core/models.js';
import { Context } from './arbitraries/_internals/context.js';
import { conjOf } from './arbitraries/_internals/conjunction.js';
import { Compiler } from './arbitraries/compile.js';
import { SUPPORTED_KEYWORDS } from './arbitraries/vocabularies/index.js';
const set = loadSchemaSet([process.argv[2]!]);
const m = findModel(set, 'E');
const ctx = new Context(set, SUPPORTED_KEYWORDS);
const c = new Compiler(ctx, {});
const t = Date.now();
const arb = c.within(() => c.build(conjOf(ctx, [ctx.root(m.id)]), ''));
console.log('built', Date.now() - t, c.recursions.length);
for (let i = 0; i < 20; i++) { const s = fc.sample(arb, { numRuns: 1, seed: i }); console.log(i, JSON.stringify(s).length, Date.now() - t); }
