import type { AdapterInfo, Restart } from './contract.js';
import type { FailureKind, Level, Shown } from './check.js';

/** A check result's status: `unsupported` when the adapter lacks an operation, `observed` for an implementation-defined behaviour. */
export type Status = 'passed' | 'failed' | 'unsupported' | 'observed';

/** Why a check failed: the kind, the shrunk counterexample, what the implementation answered, and how to replay it. */
export interface Failure {
  kind: FailureKind;
  message: string;
  counterexample: Shown;
  /** The implementation's answer: its parsed value or output as JSON text, numbers as it wrote them. */
  answer?: string;
  stderr?: string;
  /** fast-check's counterexample path under the check's seed. */
  path: string;
  shrinks: number;
  /** The failure did not happen again when replayed: reported as first seen, unshrunk. */
  flaky?: boolean;
  replay: string;
  replayCommand: string;
}

/** One implementation-defined case, and what the implementation did with it. */
export interface Observation {
  /** The case: what was sent. */
  label: string;
  shown: Shown;
  /** A short, stable name for the class of what happened: equal labels are the same behaviour. */
  behaviour: string;
  /** What happened, in detail. */
  outcome: string;
}

/** What every check result says, whatever its status. */
export interface ResultBase {
  adapter: string;
  model: string;
  id: string;
  level: Level;
  suite: string;
  description: string;
  casesRun: number;
  /** Cases whose precondition did not hold: run, but telling nothing. */
  casesVacuous?: number;
  durationMs: number;
  seed: number;
}

/**
 * One check against one adapter and model, tagged by `status` alone: a
 * failure carries its `failure`, an unsupported check its `reason`, an
 * observation its `observations`, and nothing else carries any of them
 * (reading one off an unnarrowed result gives `undefined`, typed so).
 */
export type CheckResult =
  | (ResultBase & { status: 'passed'; failure?: never; reason?: never; observations?: never })
  | (ResultBase & { status: 'failed'; failure: Failure; reason?: never; observations?: never })
  | (ResultBase & {
      status: 'unsupported';
      reason: string;
      /** The check's time budget ran out before its cases did: it concludes nothing. */ cutShort?: boolean;
      failure?: never;
      observations?: never;
    })
  | (ResultBase & { status: 'observed'; observations: Observation[]; failure?: never; reason?: never });

/** A check result that failed: its `failure` is always there. */
export type FailedResult = Extract<CheckResult, { status: 'failed' }>;

/** Narrows a result to a failure. */
export const isFailed = (r: CheckResult): r is FailedResult => r.status === 'failed';

/** What a run was: the tool, the command, its seed, cases per property, models and number of checks. */
export interface RunInfo {
  tool: { name: string; version: string };
  command: string;
  seed: number;
  runs: number;
  startedAt: string;
  models: string[];
  checks: number;
  shard?: string;
  /** What the run selected, so that a merge can tell shards of one run from shards of several, and plan its checks again. */
  selection?: RunSelection;
}

/** The options that decide a run's checks: equal in every shard of one run. */
export interface RunSelection {
  adapters: string[];
  suite?: string;
  level?: string;
  /** The models added by `--schema`, each as its file said it then: a merge plans with them, wherever it runs. */
  schemas: { file: string; schema: Record<string, unknown> }[];
}

/** One event of a run, in order: what every report is written from (a report writer is a function of these). */
export type RunEvent =
  | { type: 'run-started'; run: RunInfo }
  | { type: 'adapter-started'; adapter: AdapterInfo }
  | { type: 'adapter-error'; adapter: string; message: string }
  | { type: 'adapter-restarts'; adapter: string; restarts: Restart[] }
  | { type: 'check-finished'; result: CheckResult }
  | { type: 'run-finished'; finishedAt: string; complete: boolean; reason?: string }
  | {
      type: 'baseline';
      file: string;
      known: { adapter: string; model: string; check: string; reason: string }[];
      newFailures: { adapter: string; model: string; check: string; was?: string; now?: string }[];
      unexpectedPasses: { adapter: string; model: string; check: string }[];
      stale: { adapter: string; model: string; check: string }[];
      ok: boolean;
    };
