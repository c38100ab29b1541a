import { BUNDLED } from '../adapters/index.js';
import type { SchemaSet } from '../core/models.js';
import { judgeBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { planChecks } from './plan.js';
import type { RunEvent } from '../core/results.js';

/** Whether a baseline entry names an adapter, model and check that still exist (filters aside). */
export function entryExists(set: SchemaSet, ran: ReadonlySet<string> = new Set()): (e: BaselineEntry) => boolean {
  const ids = new Map<string, Set<string>>();
  return (e) => {
    const model = set.models.find((m) => m.name === e.model);
    // an adapter of the user's own (NAME=cmd:LINE) exists when this run has it
    if (!model || !(ran.has(e.adapter) || e.adapter.startsWith('cmd:') || BUNDLED.some((a) => a.name === e.adapter))) return false;
    if (!ids.has(model.name)) ids.set(model.name, new Set(planChecks({ set, models: [model] }).map((c) => c.id)));
    return ids.get(model.name)!.has(e.check);
  };
}

/**
 * The baseline's verdict on a run's results, as the event every reporter
 * reads: append it to the run's events, and the headline, the exit status and
 * every format gate on it.
 */
export function judged(file: string, baseline: Baseline, events: RunEvent[], set: SchemaSet): RunEvent {
  const results = events.flatMap((e) => (e.type === 'check-finished' ? [e.result] : []));
  const ran = new Set(events.flatMap((e) => (e.type === 'adapter-started' ? [e.adapter.name] : e.type === 'adapter-error' ? [e.adapter] : [])));
  const v = judgeBaseline(baseline, results, entryExists(set, ran));
  const ref = (x: { adapter: string; model: string; check?: string; id?: string }) => ({ adapter: x.adapter, model: x.model, check: x.check ?? x.id! });
  const newFailures = v.newFailures.map((r) => ({ ...ref(r), ...(r.was !== undefined ? { was: r.was, now: r.failure.kind } : {}) }));
  return {
    type: 'baseline',
    file,
    known: v.known.map((e) => ({ ...ref(e), reason: e.reason })),
    newFailures,
    unexpectedPasses: v.unexpectedPasses.map(ref),
    stale: v.stale.map(ref),
    ok: v.ok,
  };
}
