import type { CheckResult, RunEvent } from './results.js';
import { counted } from './visible.js';

/**
 * What a run comes to, decided once for the command line, every report and
 * `runConformance`: a run passes only when it is complete, every adapter
 * started, something was checked for each, and the Required level (or the
 * baseline's gate) holds. Nothing checked is not a pass.
 */
export interface RunVerdict {
  passed: boolean;
  /** Every planned check ran to its end: not interrupted, no shard missing, no check cut short by its time budget. */
  complete: boolean;
  incompleteReason: string | undefined;
  /** The user stopped the run (Ctrl-C, a signal): the exit status says so apart. */
  interrupted: boolean;
  /** Whether any Required check failed, known or not: the Required level's verdict, whatever a baseline says. */
  requiredFailed: boolean;
  adapterErrors: string[];
  /** Adapters that took no Required check of the run: every one was n/a for them. */
  nothingChecked: string[];
  /** The baseline's gate, when the run had one and is complete: an incomplete run never passes a gate. */
  gate: boolean | undefined;
  headline: string;
  /** 0 passed, 1 not passed, 130 stopped by the user. */
  exitCode: 0 | 1 | 130;
}

/** The reason the run-finished event gives when the user stopped the run. */
export const INTERRUPTED = 'interrupted';

/** A check whose time budget ran out before its cases did concludes nothing: the run is incomplete. */
export const isCutShort = (r: CheckResult): boolean => r.status === 'unsupported' && r.cutShort === true;

/** Adapters that started and took no check of the run: every Required one (or, with none selected, every one) was n/a. */
function nothingCheckedFor(results: readonly CheckResult[], notStarted: readonly string[]): string[] {
  const byAdapter = new Map<string, CheckResult[]>();
  for (const r of results) {
    const list = byAdapter.get(r.adapter) ?? [];
    list.push(r);
    byAdapter.set(r.adapter, list);
  }
  const out: string[] = [];
  for (const [adapter, list] of byAdapter) {
    if (notStarted.includes(adapter)) continue;
    const required = list.filter((r) => r.level === 'Required');
    // a selection without Required checks (observations only) is judged by what it could take at all
    const judged = required.length > 0 ? required : list;
    if (judged.every((r) => r.status === 'unsupported' && !r.cutShort)) out.push(adapter);
  }
  return out;
}

/** The verdict of a run from its result events (what `orc run` exits by and every report leads with). */
export function runVerdict(events: readonly RunEvent[]): RunVerdict {
  const results: CheckResult[] = [];
  const adapterErrors: string[] = [];
  let finished: Extract<RunEvent, { type: 'run-finished' }> | undefined;
  let baseline: Extract<RunEvent, { type: 'baseline' }> | undefined;
  let shard = false;
  for (const e of events) {
    if (e.type === 'check-finished') results.push(e.result);
    else if (e.type === 'adapter-error') adapterErrors.push(e.adapter);
    else if (e.type === 'run-finished') finished = e;
    else if (e.type === 'baseline') baseline = e;
    else if (e.type === 'run-started') shard = e.run.shard !== undefined;
  }
  const cut = results.filter(isCutShort).length;
  const incompleteReason = !finished
    ? 'the run did not finish'
    : !finished.complete
      ? (finished.reason ?? 'the run did not finish')
      : cut
        ? `${cut} check${cut === 1 ? ' was' : 's were'} cut short by the time budget (--check-time) before their cases ran`
        : undefined;
  const complete = incompleteReason === undefined;
  const interrupted = finished?.reason === INTERRUPTED;
  const requiredFailed = results.some((r) => r.level === 'Required' && r.status === 'failed');
  // one shard may hold none of an adapter's checks it can take; the merge of the shards is judged whole
  const nothingChecked = shard ? [] : nothingCheckedFor(results, adapterErrors);
  const gate = baseline && complete ? baseline.ok : undefined;
  const holds = baseline ? gate === true : !requiredFailed;
  const passed = complete && adapterErrors.length === 0 && nothingChecked.length === 0 && holds;
  let headline: string;
  if (adapterErrors.length) headline = `An adapter did not start: ${[...new Set(adapterErrors)].join(', ')}.`;
  else if (!complete)
    headline = `${baseline ? 'Gate not passed' : 'Not passed'}: the run is incomplete (${incompleteReason})${requiredFailed ? '; Required checks failed in what ran' : ''}.`;
  else if (nothingChecked.length)
    headline = `Nothing was checked for ${nothingChecked.join(', ')}: every Required check was n/a (no operation it declares applies to the selected models).`;
  else if (baseline)
    headline = `Gate ${baseline.ok ? 'passed' : 'FAILED'}: ${counted(baseline.newFailures.length, 'new failure')}, ${baseline.known.length} known, ${baseline.unexpectedPasses.length} now passing, ${baseline.stale.length} gone.`;
  else headline = requiredFailed ? 'Required checks failed.' : 'Every Required check passed.';
  return {
    passed,
    complete,
    incompleteReason,
    interrupted,
    requiredFailed,
    adapterErrors,
    nothingChecked,
    gate,
    headline,
    exitCode: interrupted ? 130 : passed ? 0 : 1,
  };
}
