import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verdictDigest } from '../test/helpers/verdicts.js';
import { summarize } from '../test/helpers/main-job-summary.js';

/**
 * `tsx scripts/record-verdicts.ts REPORT.json COMMIT`: writes the digest of a main
 * job's verdicts (orc run --adapter all --seed 1 --runs 20, npm run conformance) to
 * test/fixtures/main-job-verdicts.json, which test/main-job-verdicts.test.ts
 * holds every later main job to, and the summary the README's figures are
 * written from (test/fixtures/main-job-summary.json; then run
 * scripts/readme-figures.ts). Record it from the report of the commit
 * before a change that must not change a verdict (speed work, refactoring);
 * a change that means to change verdicts records it after, and says why in its commit.
 */
const [file, commit] = process.argv.slice(2);
if (!file || !commit) {
  process.stderr.write(
    'usage: tsx scripts/record-verdicts.ts REPORT.json COMMIT (a report.json of orc run --adapter all --seed 1, and the commit that wrote it)\n',
  );
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
writeFileSync(join(fixtures, 'main-job-verdicts.json'), JSON.stringify({ recordedFrom: commit, ...verdictDigest(report) }, null, 1) + '\n');
writeFileSync(join(fixtures, 'main-job-summary.json'), JSON.stringify({ recordedFrom: commit, ...summarize(report) }, null, 1) + '\n');
process.stdout.write(`wrote ${fixtures}/main-job-verdicts.json and main-job-summary.json: ${report.results.length} verdicts\n`);
