import type { Adapter, AdapterEnv, AdapterFactory } from '../core/contract.js';
import type { SchemaSet } from '../core/models.js';
import type { Check, PropertyCheck } from '../core/check.js';
import { checkSeed, replayCommand, type ReplayContext } from './replay-token.js';
import { runCheck } from './run-check.js';
import { SharedCases } from './shared-cases.js';
import type { CheckResult, RunEvent, RunInfo } from '../core/results.js';
import { INTERRUPTED } from '../core/run-verdict.js';

export interface RunOptions {
  set: SchemaSet;
  adapters: AdapterFactory[];
  adapterEnv?: Omit<AdapterEnv, 'set'>;
  checks: Check[];
  runs: number;
  seed: number;
  concurrency?: number;
  info: Omit<RunInfo, 'seed' | 'runs' | 'startedAt' | 'checks'>;
  emit: (e: RunEvent) => void;
  progress?: (done: number, total: number, current: string) => void;
  /** Checked between checks: once true, the run stops and says it is incomplete. */
  stopped?: () => boolean;
  /** Settles when the user stops the run: the check in progress is abandoned, unrecorded, and its adapter closed. */
  whenStopped?: Promise<void>;
  /** Run only this shard (1-based index of count) of the adapter × check pairs. */
  shard?: { index: number; count: number };
  /** Adapters run at once (default 1); the events come out in the same order whatever it is. */
  jobs?: number;
  /** How long one check may take, shrinking included. */
  checkBudgetMs?: number;
}

/**
 * The adapter × check pairs a shard runs: dealt round-robin in plan order,
 * so n shards cover exactly the unsharded run, each pair once.
 */
export function inShard(shard: RunOptions['shard'], adapterIndex: number, checkIndex: number, checkCount: number): boolean {
  return !shard || (adapterIndex * checkCount + checkIndex) % shard.count === shard.index - 1;
}

function startFailure(check: Check, adapter: string, message: string, seed: number): CheckResult {
  return {
    adapter,
    model: check.model,
    id: check.id,
    level: check.level,
    suite: check.suite,
    description: check.description,
    status: 'unsupported',
    casesRun: 0,
    durationMs: 0,
    seed,
    reason: `adapter did not start: ${message}`,
  };
}

/** A failure's replay command as the run was started: a check knows its token, the run how to start its adapter and models again. */
function withReplayCommand(result: CheckResult, context: ReplayContext): CheckResult {
  if (result.status !== 'failed') return result;
  return { ...result, failure: { ...result.failure, replayCommand: replayCommand(result.failure.replay, context) } };
}

/**
 * Runs every check against every adapter, up to `jobs` adapters at once
 * (an out-of-process harness leaves orc idle while it works), streaming
 * result events in the order a one-at-a-time run gives them: an adapter's
 * events wait for the adapters before it, so reports are the same whatever `jobs` is.
 */
export async function run(o: RunOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const emit = (e: RunEvent) => {
    if (e.type === 'check-finished') results.push(e.result);
    o.emit(e);
  };
  const planned = o.adapters.map((_, a) => o.checks.filter((_, c) => inShard(o.shard, a, c, o.checks.length)));
  const total = planned.reduce((n, list) => n + list.length, 0);
  const owed = new Map<PropertyCheck, number>();
  for (const list of planned) for (const c of list) if (c.mode === 'property') owed.set(c, (owed.get(c) ?? 0) + 1);
  const shared = new SharedCases(owed);
  const casesOf = shared.cases.bind(shared);
  emit({
    type: 'run-started',
    run: {
      ...o.info,
      seed: o.seed,
      runs: o.runs,
      startedAt: new Date().toISOString(),
      checks: total,
      ...(o.shard ? { shard: `${o.shard.index}/${o.shard.count}` } : {}),
    },
  });
  let done = 0;
  let stopped = false;
  // each adapter's events, held until every adapter before it has emitted all of its own
  const held: RunEvent[][] = o.adapters.map(() => []);
  const finished: boolean[] = o.adapters.map(() => false);
  let next = 0;
  const flush = () => {
    while (next < o.adapters.length) {
      for (const e of held[next]!.splice(0)) emit(e);
      if (!finished[next]) return;
      next++;
    }
  };
  const runAdapter = async (a: number) => {
    const factory = o.adapters[a]!;
    const checks = planned[a]!;
    const say = (e: RunEvent) => {
      held[a]!.push(e);
      flush();
    };
    // every check this adapter was dealt is done with, however its run ends, so that no case list is held for it
    const doneWith = new Set<Check>();
    const finishWith = (c: Check) => {
      if (c.mode === 'property' && !doneWith.has(c)) shared.release(c);
      doneWith.add(c);
    };
    try {
      await runChecks(factory, checks, say, finishWith);
    } finally {
      for (const c of checks) finishWith(c);
    }
  };
  const runChecks = async (factory: AdapterFactory, checks: Check[], say: (e: RunEvent) => void, finishWith: (c: Check) => void) => {
    if (stopped || checks.length === 0) return;
    let adapter: Adapter;
    try {
      adapter = await factory.create({ ...o.adapterEnv, set: o.set });
    } catch (e) {
      const message = (e as Error).message;
      say({ type: 'adapter-error', adapter: factory.name, message });
      for (const c of checks) say({ type: 'check-finished', result: startFailure(c, factory.name, message, checkSeed(o.seed, c.model, c.id)) });
      done += checks.length;
      return;
    }
    say({ type: 'adapter-started', adapter: adapter.info });
    const replayContext: ReplayContext = {
      ...(factory.adapterSpec !== undefined ? { adapter: factory.adapterSpec } : {}),
      schemas: o.info.selection?.schemas.map((s) => s.file) ?? [],
    };
    try {
      for (const check of checks) {
        // an in-process adapter answers synchronously: without a turn of the event loop, Ctrl-C would wait for the whole run
        await new Promise((r) => setImmediate(r));
        if (stopped || o.stopped?.()) {
          stopped = true;
          break;
        }
        o.progress?.(done, total, `${factory.name} ${check.model} ${check.id}`);
        const seed = checkSeed(o.seed, check.model, check.id);
        const result = await Promise.race([
          runCheck(check, adapter, {
            seed,
            runs: o.runs,
            concurrency: o.concurrency ?? 64,
            cases: casesOf,
            ...(o.checkBudgetMs ? { budgetMs: o.checkBudgetMs } : {}),
          }),
          ...(o.whenStopped ? [o.whenStopped.then(() => undefined)] : []),
        ]);
        finishWith(check);
        // a check cut short says nothing about the implementation: it is left out, and the run is marked incomplete
        if (result === undefined) {
          stopped = true;
          break;
        }
        say({ type: 'check-finished', result: withReplayCommand(result, replayContext) });
        done++;
      }
    } finally {
      const restarts = adapter.restarts?.() ?? [];
      if (restarts.length) say({ type: 'adapter-restarts', adapter: factory.name, restarts });
      await adapter.close?.();
    }
  };
  let taken = 0;
  const worker = async () => {
    while (taken < o.adapters.length) {
      const a = taken++;
      try {
        await runAdapter(a);
      } finally {
        finished[a] = true;
        flush();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs ?? 1, o.adapters.length)) }, worker));
  flush();
  o.progress?.(done, total, '');
  emit({ type: 'run-finished', finishedAt: new Date().toISOString(), complete: !stopped, ...(stopped ? { reason: INTERRUPTED } : {}) });
  return results;
}
