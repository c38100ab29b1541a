// `npm run mutation`: the suite against its broken implementations, the kill rate and what killed each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/models.js';
import { CATEGORIES, SURVIVORS } from './index.js';
import { killRates, measureOverSeeds, SEEDS, withoutNewChecks, type MutationRun } from './measure.js';

const pct = (k: { killed: number; total: number } | undefined) => (k ? `${k.killed}/${k.total} (${Math.round((100 * k.killed) / k.total)}%)` : '–');

function print(title: string, r: MutationRun): void {
  const rates = killRates(r);
  process.stdout.write(`\n${title} (killed at every seed of ${SEEDS.join(', ')}, ${r.runs} cases per property, ${r.model})\n`);
  for (const c of CATEGORIES) process.stdout.write(`  ${c.padEnd(12)} ${pct(rates[c])}\n`);
  process.stdout.write(`  ${'all'.padEnd(12)} ${pct(rates.all)}\n`);
}

const started = performance.now();
const after = await measureOverSeeds(SEEDS);
const before = withoutNewChecks(after);
process.stdout.write('mutant                          category     killed by\n');
for (const m of after.mutants) {
  const by = m.killed
    ? `${m.killedBy.slice(0, 2).join(', ')}${m.killedBy.length > 2 ? ` +${m.killedBy.length - 2}` : ''}`
    : m.control
      ? `survives, as it must: ${m.control}`
      : `SURVIVED${m.missedAt ? ` at seed ${m.missedAt.join(', ')}` : ''}`;
  process.stdout.write(`${m.name.padEnd(32)}${m.category.padEnd(13)}${by}\n`);
}
print('kill rate before the issue-12 checks', before);
print('kill rate now', after);
const controls = after.mutants.filter((m) => m.control && m.killed);
if (controls.length)
  process.stdout.write(`\nA CONTROL WAS KILLED (a false verdict): ${controls.map((m) => `${m.name} by ${m.killedBy.join(', ')}`).join('; ')}\n`);
if (process.argv.includes('--record')) {
  // what the tests hold the suite to: every kill stays a kill, every survivor keeps its reason
  const kills = Object.fromEntries(after.mutants.filter((m) => m.killed && !m.control).map((m) => [m.name, m.killedBy]));
  const survivors = Object.fromEntries(after.mutants.filter((m) => !m.killed && !m.control).map((m) => [m.name, SURVIVORS[m.name] ?? 'not yet explained']));
  writeFileSync(
    join(PROJECT_ROOT, 'mutants', 'kills.json'),
    JSON.stringify({ seeds: after.seeds, runs: after.runs, model: after.model, kills, survivors }, null, 2) + '\n',
  );
  process.stdout.write(`recorded ${join(PROJECT_ROOT, 'mutants', 'kills.json')}\n`);
}
const out = join(process.cwd(), 'reports', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'mutation.json'),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 1000),
      before: { rates: killRates(before), mutants: before.mutants },
      after: { rates: killRates(after), mutants: after.mutants },
    },
    null,
    2,
  ) + '\n',
);
process.stdout.write(`\nwrote ${join(out, 'mutation.json')} in ${Math.round((performance.now() - started) / 1000)} s\n`);
process.exitCode = controls.length ? 1 : 0;
