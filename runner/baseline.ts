import { UsageError } from '../core/errors.js';
import { readUserJson } from '../core/files.js';
import type { CheckResult, FailedResult } from '../core/results.js';

export const BASELINE_FORMAT = 'openresponses-conformance/baseline@1';

/** One known failure a baseline lists: adapter, model, check id, and why it is accepted for now. */
export interface BaselineEntry {
  adapter: string;
  model: string;
  check: string;
  /** Why this failure is known and accepted for now: a person's words, kept across updates. */
  reason: string;
  /** How it failed (rejected-valid, crash, …): failing another way is a new failure, as protobuf's lists compare the message. */
  kind?: string;
}

/** A known-failure list (`orc baseline update` writes one): a run gated on it fails only on what it does not list. */
export interface Baseline {
  format: typeof BASELINE_FORMAT;
  failures: BaselineEntry[];
}

const key = (e: { adapter: string; model: string; check?: string; id?: string }) => `${e.adapter}\u0000${e.model}\u0000${e.check ?? e.id}`;

/** Reads a baseline file, checked: a file that is not one is a one-line usage error. */
export function readBaseline(file: string): Baseline {
  const b: any = readUserJson(file, 'baseline', {
    unreadable: `create it with "orc baseline update --baseline ${file}"`,
    notJson: 'fix it or write it again with "orc baseline update"',
  });
  const ok =
    b?.format === BASELINE_FORMAT &&
    Array.isArray(b.failures) &&
    b.failures.every(
      (f: any) =>
        ['adapter', 'model', 'check', 'reason'].every((k) => typeof f?.[k] === 'string') &&
        f.reason.trim() !== '' &&
        (f.kind === undefined || typeof f.kind === 'string'),
    );
  if (!ok) throw new UsageError(`baseline ${file} is not a ${BASELINE_FORMAT} file whose every entry has adapter, model, check and a non-empty reason`);
  return b as Baseline;
}

/** Failures a baseline may list: Required and Recommended; Informational checks never fail. */
const gated = (r: CheckResult): r is FailedResult => r.status === 'failed' && r.level !== 'Informational';

export interface BaselineVerdict {
  known: BaselineEntry[];
  /** Failures the list does not name, and listed ones that now fail another way (`was` says how they failed before). */
  newFailures: (FailedResult & { was?: string })[];
  /** Listed, and now passing: take them off the list, so it only shrinks. */
  unexpectedPasses: BaselineEntry[];
  /** Listed, but no such adapter, model or check exists any more. */
  stale: BaselineEntry[];
  ok: boolean;
}

/**
 * The gate, as protobuf's failure lists work: a new failure fails it, and so
 * does a listed check that now passes or no longer exists. Entries for what
 * this run did not cover (another adapter, a filtered suite, another shard)
 * say nothing either way.
 */
export function judgeBaseline(baseline: Baseline, results: CheckResult[], exists: (e: BaselineEntry) => boolean): BaselineVerdict {
  const listed = new Map(baseline.failures.map((e) => [key(e), e]));
  const ran = new Map(results.map((r) => [key(r), r]));
  const newFailures: BaselineVerdict['newFailures'] = results.filter(gated).filter((r) => !listed.has(key(r)));
  const known: BaselineEntry[] = [],
    unexpectedPasses: BaselineEntry[] = [],
    stale: BaselineEntry[] = [];
  for (const e of baseline.failures) {
    const r = ran.get(key(e));
    if (!exists(e)) stale.push(e);
    else if (!r) continue;
    else if (gated(r) && e.kind !== undefined && r.failure.kind !== e.kind) newFailures.push({ ...r, was: e.kind });
    else if (gated(r)) known.push(e);
    else if (r.status === 'passed') unexpectedPasses.push(e);
  }
  return { known, newFailures, unexpectedPasses, stale, ok: newFailures.length === 0 && unexpectedPasses.length === 0 && stale.length === 0 };
}

/**
 * The baseline a run's failures call for: reasons already written are kept,
 * a new entry starts from its failure message, and entries the run did not
 * cover (a filtered or sharded run) stay as they were.
 */
export function updatedBaseline(previous: Baseline | undefined, results: CheckResult[]): Baseline {
  const reasons = new Map((previous?.failures ?? []).map((e) => [key(e), e.reason]));
  const covered = new Set(results.map(key));
  const untouched = (previous?.failures ?? []).filter((e) => !covered.has(key(e)));
  const failures = [
    ...untouched,
    ...results.filter(gated).map((r) => ({
      adapter: r.adapter,
      model: r.model,
      check: r.id,
      reason: reasons.get(key(r)) ?? `${r.failure.kind}: ${r.failure.message.replace(/\s+/g, ' ').slice(0, 160)}`,
      kind: r.failure.kind,
    })),
  ];
  failures.sort((a, b) => key(a).localeCompare(key(b)));
  return { format: BASELINE_FORMAT, failures };
}
