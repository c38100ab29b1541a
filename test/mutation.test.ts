import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/models.js';
import { CATEGORIES, CONTROLS, MUTANTS } from '../mutants/index.js';
import { measureMutants, measureOverSeeds, SEEDS } from '../mutants/measure.js';

/** What `npm run mutation -- --record` last found: each killed mutant and the checks that killed it. */
const recorded = JSON.parse(readFileSync(join(PROJECT_ROOT, 'mutants', 'kills.json'), 'utf8')) as {
  kills: Record<string, string[]>;
  survivors: Record<string, string>;
};

describe('the suite against its broken implementations', () => {
  it('has at least 40 bugs across parse, reject, serialize, round trip, spellings, SSE and robustness, each named for its bug', () => {
    const bugs = MUTANTS.filter((m) => !CONTROLS[m.name]);
    expect(bugs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(bugs.map((m) => m.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(MUTANTS.map((m) => m.name)).size).toBe(MUTANTS.length);
    // every mutant is either recorded as killed or listed as a survivor with the reason
    for (const m of bugs) expect(m.name in recorded.kills || m.name in recorded.survivors, m.name).toBe(true);
  });

  it(`still kills every mutant it killed, at each of the seeds ${SEEDS.join(', ')}, with the checks that killed it`, async () => {
    const only = new Map(Object.entries(recorded.kills).map(([name, ids]) => [name, ids.slice(0, 3)]));
    const run = await measureOverSeeds(SEEDS, { only });
    const lost = run.mutants
      .filter((m) => !m.killed)
      .map((m) => `${m.name} (was killed by ${only.get(m.name)!.join(', ')}; missed at seed ${m.missedAt!.join(', ')})`);
    expect(lost).toEqual([]);
  }, 1_800_000);

  it('kills no control: a correct second decoder and an implementation-defined choice pass every check', async () => {
    const run = await measureMutants({ only: new Map(Object.keys(CONTROLS).map((name) => [name, allChecks])) });
    expect(run.mutants.filter((m) => m.killed).map((m) => `${m.name}: ${m.killedBy.join(', ')}`)).toEqual([]);
  }, 300_000);
});

const allChecks = readFileSync(join(PROJECT_ROOT, 'test/fixtures/check-ids.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('OpenResponsesImageGenCallGenerating '))
  .map((l) => l.split(' ')[2]!);
