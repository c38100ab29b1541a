import { BUNDLED } from '../../adapters/index.ts';
import type { SchemaSet } from '../models.ts';
import { judgeBaseline, type Baseline, type BaselineEntry } from '../runner/baseline.ts';
import { planChecks } from '../runner/plan.ts';
import type { RunEvent } from '../runner/results.ts';

/** Whether a baseline entry names an adapter, model and check that still exist (filters aside). */
export function entryExists(set: SchemaSet): (e: BaselineEntry) => boolean {
  const ids = new Map<string, Set<string>>();
  return (e) => {
    const model = set.models.find((m) => m.name === e.model);
    if (!model || !(e.adapter.startsWith('cmd:') || BUNDLED.some((a) => a.name === e.adapter))) return false;
    if (!ids.has(model.name)) ids.set(model.name, new Set(planChecks({ set, models: [model] }).map((c) => c.id)));
    return ids.get(model.name)!.has(e.check);
  };
}

/** The baseline's verdict on a run's results, as the event every reporter reads. */
export function judged(file: string, baseline: Baseline, events: RunEvent[], set: SchemaSet): RunEvent {
  const results = events.flatMap((e) => (e.type === 'check-finished' ? [e.result] : []));
  const v = judgeBaseline(baseline, results, entryExists(set));
  const ref = (x: { adapter: string; model: string; check?: string; id?: string }) => ({ adapter: x.adapter, model: x.model, check: x.check ?? x.id! });
  return { type: 'baseline', file, known: v.known.map((e) => ({ ...ref(e), reason: e.reason })), newFailures: v.newFailures.map(ref), unexpectedPasses: v.unexpectedPasses.map(ref), stale: v.stale.map(ref), ok: v.ok };
}
