import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchemaSet } from '../core/models.js';
import { benchArbitrary } from './arbitrary.bench.js';
import { benchCheckLoop } from './check-loop.bench.js';
import { benchPipelining } from './pipelining.bench.js';
import { benchStdioClient } from './stdio-client.bench.js';
import { benchJobs } from './jobs.bench.js';
import { benchNestedCost } from './nested-cost.bench.js';
import { benchListStart, benchOneCheck, benchStartup } from './startup.bench.js';
import { killRates, measureMutants } from '../mutants/measure.js';
import { spreadOf } from './measure.js';
import { benchBreakdown } from './breakdown.bench.js';
import { benchCheckStream } from './check-stream.bench.js';

interface Figure {
  name: string;
  lines: string[];
  ratio: number;
  /** Each interleaved round's ratio (at least MIN_ROUNDS): the figure's spread, kept in bench.json. */
  roundRatios: number[];
  target: number;
  /** The ratio is a share of the old time, so smaller is better. */
  atMost?: boolean;
  met: boolean;
}

/**
 * Every figure is a ratio against a baseline measured in the same run, on
 * the same machine, in interleaved rounds: absolute speeds vary, ratios hold.
 */
const set = loadSchemaSet();
const benches: (() => Promise<Figure>)[] = [
  () => benchArbitrary(set),
  benchNestedCost,
  () => benchCheckLoop(set),
  () => benchStdioClient(),
  benchPipelining,
  benchJobs,
  benchStartup,
  benchListStart,
  benchOneCheck,
  () => benchCheckStream(set),
];
const results: Figure[] = [];
for (const bench of benches) {
  const r = await bench();
  results.push(r);
  process.stdout.write(`\n${r.name}\n`);
  for (const line of r.lines) process.stdout.write(`  ${line}\n`);
  const spread = r.roundRatios.length > 0 ? `, rounds ${spreadOf(r.roundRatios)} over ${r.roundRatios.length}` : '';
  process.stdout.write(`  ratio ${r.ratio.toFixed(2)}×${spread} (target ${r.atMost ? '≤' : '≥'} ${r.target}×): ${r.met ? 'met' : 'NOT MET'}\n`);
}
// where the main job's time goes: no ratio, the breakdown the figures above are read against
const breakdown = await benchBreakdown();
process.stdout.write(`\n${breakdown.name}\n`);
for (const line of breakdown.lines) process.stdout.write(`  ${line}\n`);
// the suite's own strength, recorded beside its speed: the kill rate against mutants/ at the default runs
const mutation = killRates(await measureMutants());
process.stdout.write(`\nkill rate against mutants/ (npm run mutation for what killed each)\n`);
for (const [category, k] of Object.entries(mutation)) process.stdout.write(`  ${category.padEnd(12)} ${k.killed}/${k.total}\n`);
const out = join(process.cwd(), 'reports', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'bench.json'),
  JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results, breakdown, mutation }, null, 2) + '\n',
);
process.stdout.write(`\nwrote ${join(out, 'bench.json')}\n`);
