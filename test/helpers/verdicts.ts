import { createHash } from 'node:crypto';

/** What a report says of one check against one adapter, every field a person acts on; timings left out. */
function verdictOf(r: any): string {
  return JSON.stringify([
    r.status,
    r.casesRun,
    r.casesVacuous ?? 0,
    r.reason ?? null,
    r.failure
      ? [r.failure.kind, r.failure.message, r.failure.counterexample, r.failure.answer ?? null, r.failure.path, r.failure.shrinks, r.failure.flaky ?? false]
      : null,
    r.observations ?? null,
  ]);
}

const LETTER: Record<string, string> = { passed: 'P', failed: 'F', unsupported: 'U', observed: 'O' };

/**
 * A report's verdicts, compact enough to keep in git: for each adapter and
 * model, the status of every check in run order as one letter each, and a
 * digest of everything else a verdict holds (failure kind and message,
 * counterexample, answer, path, shrinks, observations, cases run).
 */
export function verdictDigest(report: { run: { seed: number; runs: number }; results: any[] }): {
  seed: number;
  runs: number;
  cells: Record<string, { checks: number; statuses: string; digest: string }>;
} {
  const cells: Record<string, { checks: number; statuses: string; hash: ReturnType<typeof createHash> }> = {};
  for (const r of report.results) {
    const cell = (cells[`${r.adapter} ${r.model}`] ??= { checks: 0, statuses: '', hash: createHash('sha256') });
    cell.checks++;
    cell.statuses += LETTER[r.status] ?? '?';
    cell.hash.update(`${r.id}\u0000${verdictOf(r)}\n`);
  }
  return {
    seed: report.run.seed,
    runs: report.run.runs,
    cells: Object.fromEntries(
      Object.entries(cells)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, c]) => [k, { checks: c.checks, statuses: c.statuses, digest: c.hash.digest('hex').slice(0, 16) }]),
    ),
  };
}
