import * as fc from 'fast-check';
import { hasOperation, RESTART_KINDS, supports, type Adapter } from '../core/contract.js';
import type { Check, ObservationCheck, Observed, PropertyCheck, Verdict } from '../core/check.js';
import { encodeReplay, replayCommand } from './replay-token.js';
import { listedPath } from './case-at.js';
import { caseKey } from './case-key.js';
import type { CheckResult, Failure, Observation, ResultBase } from '../core/results.js';

export interface CheckRunOptions {
  seed: number;
  runs: number;
  /** Requests kept in flight with an adapter that answers asynchronously. */
  concurrency: number;
  /** How long one check may take, shrinking included (default CHECK_BUDGET_MS). */
  budgetMs?: number;
  /** Where a property's cases come from, when a run shares them among adapters (default: generated here). */
  cases?: <T>(check: PropertyCheck<T>, seed: number, runs: number) => T[];
}

/** A check that runs longer has met a harness that hangs on a class of inputs: what it found by then is reported. */
export const CHECK_BUDGET_MS = 120_000;
/**
 * Shrinking stops after this many timeouts: each costs a request timeout and
 * a restart of the harness. One smaller hang is enough to show; the message
 * of a shortened wait names the smallest input the harness was seen to hang on.
 */
const MAX_SHRINK_TIMEOUTS = 1;
/** Failures that depend on the harness's state as much as on the case: asked again, never remembered. */
const HARNESS_STATE_KINDS: ReadonlySet<string> = new Set(RESTART_KINDS);

type Failed = Extract<Verdict, { kind: string }>;
/** A result before its duration is known, for each status. */
type Unfinished = CheckResult extends infer R ? (R extends CheckResult ? Omit<R, 'durationMs'> : never) : never;

function failedOf(v: Verdict): Failed | undefined {
  return v.status === 'fail' ? v : undefined;
}

/**
 * An adapter's defect must not end the run: whatever it throws, or a promise
 * it rejects, becomes that case's failure.
 */
type Thrown = { status: 'fail'; kind: 'exception'; message: string };

export function guarded<T, V = Verdict>(evaluate: (t: T) => V | Promise<V>): (t: T) => V | Thrown | Promise<V | Thrown> {
  const asVerdict = (e: unknown): Thrown => ({
    status: 'fail',
    kind: 'exception',
    message: `the adapter threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
  });
  return (t) => {
    try {
      const r = evaluate(t);
      return r instanceof Promise ? r.catch(asVerdict) : r;
    } catch (e) {
      return asVerdict(e);
    }
  };
}

/**
 * A case's evaluation that does not send what the adapter knows it hangs on
 * (Adapter.spared): kept when it says nothing, the only thing an unsent
 * request can truly say; any other verdict is asked again with every request
 * sent, so that a pass, or a timeout, is always one really seen — unless
 * `unasked` gives a reason not to ask (the check has its verdict, or has
 * already failed on a hang of that class): then the case says nothing, unsent.
 */
export function caseEvaluator<T>(
  check: PropertyCheck<T>,
  adapter: Adapter,
  unasked: () => string | undefined = () => undefined,
): (t: T) => Verdict | Promise<Verdict> {
  const sent = guarded((t: T) => check.evaluate(adapter, t));
  if (!adapter.spared) return sent;
  // cases asked again go one at a time (the adapter sends a request of a hang class alone anyway): once one hangs, the check has its failure, and the rest are not sent
  let turn: Promise<unknown> = Promise.resolve();
  let hung: string | undefined;
  const askAgain = (t: T): Promise<Verdict> => {
    const asked = turn.then(async (): Promise<Verdict> => {
      const not = unasked() ?? hung;
      if (not) return { status: 'vacuous', reason: not };
      const v = await sent(t);
      if (v.status === 'fail' && v.kind === 'timeout') hung ??= 'not sent: the check already failed on a request of a class this harness hangs on';
      return v;
    });
    turn = asked;
    return asked;
  };
  return (t) => {
    const view = adapter.spared!();
    const kept = (v: Verdict | Thrown): Verdict | Promise<Verdict> => {
      const why = view.unsent();
      if (!why) return v;
      if (v.status === 'vacuous') return { status: 'vacuous', reason: v.reason ?? why };
      const not = unasked() ?? hung;
      return not ? { status: 'vacuous', reason: not } : askAgain(t);
    };
    const v = guarded((u: T) => check.evaluate(view.adapter, u))(t);
    return v instanceof Promise ? v.then(kept) : kept(v);
  };
}

/** The cases of a property, exactly as fast-check generates them for this seed. */
export function casesOf<T>(arb: fc.Arbitrary<T>, seed: number, runs: number): T[] {
  const out: T[] = [];
  fc.check(
    fc.property(arb, (t) => {
      out.push(t);
      return true;
    }),
    { seed, numRuns: runs },
  );
  return out;
}

/** A property's cases: its fixed list, or what its arbitrary draws for this seed. */
export function checkCases<T>(check: PropertyCheck<T>, seed: number, runs: number): T[] {
  return check.cases?.() ?? casesOf(check.arbitrary, seed, runsFor(check, runs));
}

/** Fewest cases a check that shares its model's budget still runs. */
const FEWEST_SHARED_RUNS = 5;

/** The cases a check draws of a run's `runs`: all of them, or its share of its model's budget (`share`). */
export function runsFor(check: PropertyCheck, runs: number): number {
  return check.share === undefined ? runs : Math.min(runs, Math.max(FEWEST_SHARED_RUNS, Math.ceil(runs * check.share)));
}

interface Scan {
  ran: number;
  vacuous: number;
  /** Why the first vacuous case said nothing, where its verdict says. */
  vacuousReason?: string;
  firstFailure?: { index: number; verdict: Verdict };
}

/**
 * Evaluates cases in order; an in-process adapter answers inline, an
 * out-of-process one is kept `concurrency` requests busy. Stops issuing at
 * the first failure and reports the lowest failing index.
 */
async function scan<T>(
  cases: T[],
  evaluate: (t: T) => Verdict | Promise<Verdict>,
  concurrency: number,
  deadline = Infinity,
  withdraw?: () => void,
): Promise<Scan> {
  let next = 0;
  const vacuousAt = new Map<number, string | undefined>();
  let first: { index: number; verdict: Verdict } | undefined;
  const pending = new Set<number>();
  let withdrawn = false;
  const record = (index: number, v: Verdict) => {
    pending.delete(index);
    if (v.status === 'vacuous') vacuousAt.set(index, v.reason);
    if ((v.status === 'fail' || v.status === 'unsupported') && (!first || index < first.index)) first = { index, verdict: v };
    // once no case below the first failure is unanswered, the verdict is settled: what later cases still owe is not waited for
    if (first && !withdrawn && withdraw && [...pending].every((i) => i > first!.index)) {
      withdrawn = true;
      withdraw();
    }
  };
  const inFlight = new Set<Promise<void>>();
  while (next < cases.length && !first && performance.now() < deadline) {
    const index = next++;
    const r = evaluate(cases[index]!);
    if (!(r instanceof Promise)) {
      record(index, r);
      continue;
    }
    pending.add(index);
    const p = r.then((v) => record(index, v)).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // counted up to the first failure only: what else was in flight then depends on timing, and a report must not
  const ran = first ? first.index + 1 : next;
  const counted = [...vacuousAt.keys()].filter((i) => i < ran);
  const reason = counted.length ? vacuousAt.get(Math.min(...counted)) : undefined;
  return { ran, vacuous: counted.length, ...(reason ? { vacuousReason: reason } : {}), ...(first ? { firstFailure: first } : {}) };
}

/**
 * Shrinks from the failing case, keeping only failures of the same kind so
 * the counterexample explains the first one; undefined when the case did not
 * fail again, 'out of time' when the check's budget ran out first.
 */
async function shrink<T>(check: PropertyCheck<T>, adapter: Adapter, o: CheckRunOptions, index: number, first: Failed, deadline: number) {
  let last: { t: T; verdict: Failed } | undefined;
  let timeouts = 0;
  let replayed = false;
  let unsent = false;
  // a candidate the adapter knows it hangs on is not sent: it would only cost a wait and a restart to show the class again
  const evaluate = caseEvaluator(check, adapter, () => {
    unsent = true;
    return 'not sent: in a class of requests this harness hung on';
  });
  // fast-check meets the same candidate again and again (about half of a shrink's candidates, measured on py-openai): an answer that depends only on the case is asked once
  const answered = new Map<string, Failed | undefined>();
  const prop = fc.asyncProperty(check.arbitrary, async (t) => {
    // past the cap a hang is not waited for again: every candidate left passes unasked, and shrinking ends with the smallest case found
    if (timeouts >= MAX_SHRINK_TIMEOUTS) return true;
    const original = !replayed;
    replayed = true;
    const key = caseKey(t);
    const known = key === undefined ? undefined : answered.get(key);
    if (key !== undefined && answered.has(key)) {
      if (!known) return true;
      last = { t, verdict: known };
      return false;
    }
    unsent = false;
    const f = failedOf(await evaluate(t));
    // the failing case itself, now in a hang class: its failure was really seen while scanning, and is what it shows
    if (unsent && original) {
      last = { t, verdict: first };
      return false;
    }
    if (f?.kind === 'timeout') timeouts++;
    const same = f && f.kind === first.kind ? f : undefined;
    if (key !== undefined && !unsent && !(f && HARNESS_STATE_KINDS.has(f.kind))) answered.set(key, same);
    if (same) {
      last = { t, verdict: same };
      return false;
    }
    return true;
  });
  const details = await fc.check(prop, {
    seed: o.seed,
    numRuns: runsFor(check, o.runs),
    path: String(index),
    interruptAfterTimeLimit: Math.max(1, deadline - performance.now()),
  });
  if (!details.failed || !last || !details.counterexamplePath) return details.interrupted ? 'out of time' : undefined;
  return { t: last.t, verdict: last.verdict, path: details.counterexamplePath, shrinks: details.numShrinks };
}

async function runProperty(check: PropertyCheck, adapter: Adapter, o: CheckRunOptions, base: Omit<ResultBase, 'casesRun' | 'durationMs'>): Promise<Unfinished> {
  const budget = o.budgetMs ?? CHECK_BUDGET_MS;
  const deadline = performance.now() + budget;
  // past the budget, what the adapter still owes is given up, so that a hang cannot stretch a run without end
  const timer = setTimeout(() => adapter.abandon?.(`the check's time budget (${budget} ms) ran out first`), budget);
  try {
    return await propertyVerdict(check, adapter, o, base, deadline);
  } finally {
    clearTimeout(timer);
  }
}

async function propertyVerdict(
  check: PropertyCheck,
  adapter: Adapter,
  o: CheckRunOptions,
  base: Omit<ResultBase, 'casesRun' | 'durationMs'>,
  deadline: number,
): Promise<Unfinished> {
  const cases = (o.cases ?? checkCases)(check, o.seed, o.runs);
  let settled = false;
  const s = await scan(
    cases,
    caseEvaluator(check, adapter, () => (settled ? 'not sent: the check had its verdict' : undefined)),
    o.concurrency,
    deadline,
    adapter.withdraw &&
      (() => {
        settled = true;
        adapter.withdraw!('not sent: the check had its verdict');
      }),
  );
  const counts = { casesRun: s.ran, ...(s.vacuous ? { casesVacuous: s.vacuous } : {}) };
  // cases the budget left unrun are not passes: the check concludes nothing, and the run is incomplete
  if (!s.firstFailure && s.ran < cases.length) {
    return {
      ...base,
      status: 'unsupported',
      ...counts,
      cutShort: true,
      reason: `cut short: the check's time budget (--check-time) ran out after ${s.ran} of ${cases.length} cases, with no failure among them`,
    };
  }
  if (!s.firstFailure && s.vacuous === s.ran) {
    const why = s.vacuousReason ?? 'the implementation rejected every value in its canonical spelling (see Required.Parse.AcceptsValid)';
    return { ...base, status: 'unsupported', ...counts, reason: `no case applied: ${why}` };
  }
  if (!s.firstFailure) return { ...base, status: 'passed', ...counts };
  const v = s.firstFailure.verdict;
  if (v.status === 'unsupported') return { ...base, status: 'unsupported', ...counts, reason: v.message };
  const first = v as Failed;
  // a listed case is as small as it comes: it is reported as it is, by its place in the list
  const attempt = check.cases
    ? 'listed'
    : performance.now() >= deadline
      ? 'out of time'
      : await shrink(check, adapter, o, s.firstFailure.index, first, deadline);
  const shrunk = typeof attempt === 'object' ? attempt : undefined;
  const t = shrunk?.t ?? cases[s.firstFailure.index];
  const verdict = shrunk?.verdict ?? first;
  const path = shrunk?.path ?? (check.cases ? listedPath(s.firstFailure.index) : String(s.firstFailure.index));
  const replay = encodeReplay({ adapter: adapter.info.name, model: check.model, check: check.id, seed: o.seed, path, runs: o.runs });
  const failure: Failure = {
    kind: verdict.kind,
    message: verdict.message,
    counterexample: check.show(t),
    ...(verdict.answer !== undefined ? { answer: verdict.answer } : {}),
    ...(verdict.stderr ? { stderr: verdict.stderr } : {}),
    path,
    shrinks: shrunk?.shrinks ?? 0,
    // "did not fail again" is said only of a replay that ran to its end
    ...(attempt === undefined ? { flaky: true } : {}),
    replay,
    replayCommand: replayCommand(replay),
  };
  return { ...base, status: 'failed', ...counts, failure };
}

async function runObservation(check: ObservationCheck, adapter: Adapter, base: Omit<ResultBase, 'casesRun' | 'durationMs'>): Promise<Unfinished> {
  const observations: Observation[] = [];
  for (const c of check.cases) {
    let seen: Observed;
    try {
      seen = await c.observe(adapter);
    } catch (e) {
      seen = { behaviour: 'adapter threw', detail: `the adapter threw: ${(e as Error).message}` };
    }
    observations.push({ label: c.label, shown: c.shown, behaviour: seen.behaviour, outcome: seen.detail });
  }
  return { ...base, status: 'observed', casesRun: check.cases.length, observations };
}

export async function runCheck(check: Check, adapter: Adapter, o: CheckRunOptions): Promise<CheckResult> {
  const started = performance.now();
  const base = {
    adapter: adapter.info.name,
    model: check.model,
    id: check.id,
    level: check.level,
    suite: check.suite,
    description: check.description,
    seed: o.seed,
  };
  const missing = check.needs.filter((op) => !supports(adapter.info, op, check.model));
  const lacking = (check.needsOp ?? []).filter((op) => !hasOperation(adapter.info, op));
  let result: Unfinished;
  if (lacking.length > 0) {
    result = { ...base, status: 'unsupported', casesRun: 0, reason: `${adapter.info.name} has no ${lacking.join(' or ')}` };
  } else if (missing.length > 0) {
    result = { ...base, status: 'unsupported', casesRun: 0, reason: `${adapter.info.name} has no ${missing.join(' or ')} for ${check.model}` };
  } else {
    result = check.mode === 'property' ? await runProperty(check, adapter, o, base) : await runObservation(check, adapter, base);
  }
  return { ...result, durationMs: Math.round(performance.now() - started) };
}
