import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchemaSet } from '../core/models.js';
import { benchArbitrary } from './arbitrary.bench.js';
import { benchCheckLoop } from './check-loop.bench.js';
import { benchPipelining } from './pipelining.bench.js';
import { benchJobs } from './jobs.bench.js';
import { benchStartup } from './startup.bench.js';
import { killRates, measureMutants } from '../mutants/measure.js';

/**
 * Every figure is a ratio against a baseline measured in the same run, on
 * the same machine, in interleaved rounds: absolute speeds vary, ratios hold.
 */
const set = loadSchemaSet();
const results = [await benchArbitrary(set), await benchCheckLoop(set), await benchPipelining(), await benchJobs(), await benchStartup()];

for (const r of results) {
  process.stdout.write(`\n${r.name}\n`);
  if ('compiled' in r) {
    process.stdout.write(`  compiled:     ${r.compiled.valuesPerSecond.toLocaleString('en')} values/s, ${(r.compiled.validShare * 100).toFixed(1)}% valid\n`);
    process.stdout.write(`  hand-written: ${r.handWritten.valuesPerSecond.toLocaleString('en')} values/s, ${(r.handWritten.validShare * 100).toFixed(1)}% valid\n`);
    process.stdout.write(`  edge values in ${r.values.toLocaleString('en')} (compiled / hand-written):\n`);
    for (const k of Object.keys(r.compiled.edges)) process.stdout.write(`    ${k.padEnd(20)} ${String(r.compiled.edges[k]).padStart(6)} / ${r.handWritten.edges[k]}\n`);
  } else if ('startup' in r) {
    process.stdout.write(`  compiled:     ${r.startup.compiledMs} ms\n`);
    process.stdout.write(`  tsx on load:  ${r.startup.tsxMs} ms\n`);
  } else if ('parallel' in r) {
    process.stdout.write(`  --jobs ${r.jobs}:      ${r.parallel.medianMs.toLocaleString('en')} ms\n`);
    process.stdout.write(`  --jobs 1:      ${r.oneAtATime.medianMs.toLocaleString('en')} ms\n`);
  } else if ('pipelined' in r) {
    process.stdout.write(`  pipelined:    ${r.pipelined.requestsPerSecond.toLocaleString('en')} requests/s\n`);
    process.stdout.write(`  one at a time: ${r.oneAtATime.requestsPerSecond.toLocaleString('en')} requests/s\n`);
  } else {
    process.stdout.write(`  orc:          ${r.orc.casesPerSecond.toLocaleString('en')} cases/s\n`);
    process.stdout.write(`  hand-written: ${r.handWritten.casesPerSecond.toLocaleString('en')} cases/s\n`);
  }
  process.stdout.write(`  ratio ${r.ratio.toFixed(2)}× (target ≥ ${r.target}×): ${r.met ? 'met' : 'NOT MET'}\n`);
}
// the suite's own strength, recorded beside its speed: the kill rate against mutants/ at the default runs
const mutation = killRates(await measureMutants());
process.stdout.write(`\nkill rate against mutants/ (npm run mutation for what killed each)\n`);
for (const [category, k] of Object.entries(mutation)) process.stdout.write(`  ${category.padEnd(12)} ${k.killed}/${k.total}\n`);
const out = join(process.cwd(), 'reports', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results, mutation }, null, 2) + '\n');
process.stdout.write(`\nwrote ${join(out, 'bench.json')}\n`);
