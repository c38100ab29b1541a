import { UsageError } from '../core/errors.js';
import { loadSchemaSet } from '../core/models.js';
import type { RunEvent, RunInfo } from '../core/results.js';
import { planChecks } from './plan.js';
import type { Report } from './read-report.js';

const shown = (x: unknown) => (x === undefined ? '(none)' : JSON.stringify(x).slice(0, 120));

/** What tells two shards' runs apart, in words, or undefined when they can be parts of one run. */
function differingPart(a: RunInfo, b: RunInfo): string | undefined {
  const parts: [string, unknown, unknown][] = [
    ['orc version', a.tool.version, b.tool.version],
    ['--seed', a.seed, b.seed],
    ['--runs', a.runs, b.runs],
    ['models', a.models, b.models],
    ['adapters', a.selection?.adapters, b.selection?.adapters],
    ['--suite', a.selection?.suite, b.selection?.suite],
    ['--level', a.selection?.level, b.selection?.level],
    ['--schema', a.selection?.schemas.map((x) => x.file), b.selection?.schemas.map((x) => x.file)],
    ["the --schema files' contents", a.selection?.schemas.map((x) => x.schema), b.selection?.schemas.map((x) => x.schema)],
  ];
  const [what, x, y] = parts.find(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y)) ?? [];
  return what ? `${what} ${shown(x)} in one, ${shown(y)} in another` : undefined;
}

/** The events of one run rebuilt from its shards, results in the order an unsharded run has them. */
export function mergedEvents(reports: Report[]): RunEvent[] {
  const runs = reports.map((r) => r.run).filter((r): r is RunInfo => r !== null);
  const first = runs[0];
  if (!first) throw new UsageError('none of the reports says which run it belongs to');
  for (const r of runs) {
    const differs = differingPart(first, r);
    if (differs)
      throw new UsageError(`the reports are not shards of one run: ${differs}; merge the shards of one run, each run with the same options but --shard`);
  }
  const seen = new Set<string>();
  for (const r of reports.flatMap((x) => x.results)) {
    const key = `${r.adapter} ${r.model} ${r.id}`;
    if (seen.has(key)) throw new UsageError(`${key} is in two reports: the shards overlap (merge each shard once, of one --shard I/N series)`);
    seen.add(key);
  }
  const adapters = [...new Map(reports.flatMap((r) => r.adapters).map((a) => [a.name, a])).values()];
  const adapterOrder = [...new Set([...adapters.map((a) => a.name), ...reports.flatMap((r) => r.results.map((x) => x.adapter))])];
  // the run's own --schema models, as they were when it ran: the merge plans exactly the checks it did
  const set = loadSchemaSet(first.selection?.schemas ?? []);
  const models = first.models.flatMap((name) => set.models.filter((m) => m.name === name));
  const checkOrder = new Map(planChecks({ set, models }).map((c, i) => [`${c.model} ${c.id}`, i]));
  const results = reports
    .flatMap((r) => r.results)
    .sort(
      (a, b) =>
        adapterOrder.indexOf(a.adapter) - adapterOrder.indexOf(b.adapter) ||
        (checkOrder.get(`${a.model} ${a.id}`) ?? 0) - (checkOrder.get(`${b.model} ${b.id}`) ?? 0),
    );
  const { shard: _shard, ...run } = first;
  // a merge knows how many shards the run had: a missing one leaves it incomplete
  const shards = runs
    .map((r) => r.shard)
    .filter((x): x is string => x !== undefined)
    .map((x) => x.split('/').map(Number) as [number, number]);
  const count = shards[0]?.[1];
  if (shards.some(([, n]) => n !== count))
    throw new UsageError(
      `the reports are shards of different splits (${[...new Set(shards.map(([, n]) => `of ${n}`))].join(', ')}); merge the shards of one --shard I/N series`,
    );
  const missing = count === undefined ? [] : Array.from({ length: count }, (_, i) => i + 1).filter((i) => !shards.some(([k]) => k === i));
  const reason = missing.length
    ? `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`
    : reports.every((r) => r.complete)
      ? undefined
      : 'a shard did not finish';
  const complete = reason === undefined;
  return [
    {
      type: 'run-started',
      run: { ...run, command: run.command.replace(/\s--shard\s+\S+/, ''), checks: results.length, startedAt: runs.map((r) => r.startedAt).sort()[0]! },
    },
    ...adapters.map((adapter): RunEvent => ({ type: 'adapter-started', adapter })),
    ...[...new Map(reports.flatMap((r) => r.adapterErrors).map((e) => [e.adapter, e])).values()].map((e): RunEvent => ({ type: 'adapter-error', ...e })),
    ...results.map((result): RunEvent => ({ type: 'check-finished', result })),
    ...reports.flatMap((r) => r.adapterRestarts ?? []).map((x): RunEvent => ({ type: 'adapter-restarts', ...x })),
    {
      type: 'run-finished',
      finishedAt: reports
        .map((r) => r.finishedAt ?? '')
        .sort()
        .at(-1)!,
      complete,
      ...(reason ? { reason } : {}),
    },
  ];
}
