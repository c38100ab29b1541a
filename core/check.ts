import type * as fc from 'fast-check';
import type { Adapter, ErrorKind, Operation } from './contract.js';
import type { Json } from './json.js';
import type { Model, SchemaSet } from './models.js';

/** How much a check's failure weighs, as protobuf's conformance suite has it: Required gates CI, Recommended warns, Informational records. */
export type Level = 'Required' | 'Recommended' | 'Informational';
/** The levels, weightiest first. */
export const LEVELS: readonly Level[] = ['Required', 'Recommended', 'Informational'];

/** Why a case failed: the answer was wrong, or the implementation misbehaved (ErrorKind). */
export type FailureKind =
  | 'mismatch'
  | 'accepted-invalid'
  | 'rejected-valid'
  | 'invalid-output'
  | Exclude<ErrorKind, 'parse_error' | 'serialize_error' | 'unsupported' | 'unrepresentable'>;

/** A case as people see it: the bytes sent (as text and base64) or the value given. */
export interface Shown {
  payload?: { text: string; base64: string };
  value?: Json;
  note?: string;
}

/**
 * What one case showed, tagged by `status` alone:
 * - `pass`: the implementation did what the model asks;
 * - `vacuous`: the case's precondition did not hold, so it says nothing
 *   either way; `reason` says which precondition, in words that fit after "no
 *   case applied: " when every case of a check is vacuous;
 * - `unsupported`: the implementation lacks the operation;
 * - `fail`: it did something else, of the given kind.
 */
export type Verdict =
  | { status: 'pass' }
  | { status: 'vacuous'; reason?: string }
  | { status: 'unsupported'; message: string }
  | { status: 'fail'; kind: FailureKind; message: string; answer?: string; stderr?: string };

/** A failing verdict. */
export type FailedVerdict = Extract<Verdict, { status: 'fail' }>;

interface CheckBase {
  /** `Level.Suite.Name`, composed by `checkId` when the check is planned: public API, named by users' baselines. */
  id: string;
  level: Level;
  suite: string;
  model: string;
  description: string;
  needs: Operation[];
  /**
   * Operations the adapter must have at all, for whichever models: a check of
   * what a union does with an event it does not model cannot ask that the
   * union model the check's own model.
   */
  needsOp?: Operation[];
}

export interface PropertyCheck<T = any> extends CheckBase {
  mode: 'property';
  /**
   * Checks one rule at one place of its model (a member missing, null, of the
   * wrong type): a model's such checks share a budget of cases, so a model of
   * three hundred places costs what one of forty does (runner/plan.ts).
   */
  placed?: boolean;
  /** The part of a run's `runs` this check draws, set by the planner for a placed check of a model with many. */
  share?: number;
  arbitrary: fc.Arbitrary<T>;
  /** A check over a short, fixed list runs every case on it, in order, instead of drawing from the arbitrary. */
  cases?: () => T[];
  show(t: T): Shown;
  evaluate(adapter: Adapter, t: T): Verdict | Promise<Verdict>;
}

/** What an implementation did with an implementation-defined case: the class of it, and the detail. */
export interface Observed {
  behaviour: string;
  detail: string;
}

export interface ObservationCase {
  label: string;
  shown: Shown;
  observe(adapter: Adapter): Observed | Promise<Observed>;
}

/** An implementation-defined behaviour: recorded case by case, never a failure. */
export interface ObservationCheck extends CheckBase {
  mode: 'observe';
  cases: ObservationCase[];
}

/** A planned check: a property over generated cases, or a list of implementation-defined cases to observe. */
export type Check = PropertyCheck | ObservationCheck;

/** The parts of a check's id the planner supplies: a suite names its checks, never their level's or suite's part of the id. */
type Composed = 'id' | 'suite' | 'model';
type Draft<C> = C extends Check ? Omit<C, Composed> & { /** The id's last part: `AcceptsValid`, `RejectsMissingField.item_id`. */ name: string } : never;

/** A check as a suite writes it: its name, level and body; the planner adds its id, suite and model. */
export type CheckDraft<T = any> = Draft<PropertyCheck<T>> | Draft<ObservationCheck>;

/** A check's stable id, built from its parts so that the suite it sits in and the suite its id names are one. */
export function checkId(level: Level, suiteSegment: string, name: string): string {
  return `${level}.${suiteSegment}.${name}`;
}

export interface SuiteContext {
  set: SchemaSet;
  model: Model;
}

export interface Suite {
  name: string;
  description: string;
  /**
   * Checks one part of an implementation that no model changes (its event
   * stream decoder): planned for one model of a run, so that one bug is one
   * failure, not one per model.
   */
  once?: boolean;
  /**
   * Checks whole streams of a family: planned for each model of the run whose
   * event type is one of these (the event a family's stream starts from),
   * once for each such family.
   */
  hosts?: readonly string[];
  /** The suite's part of its checks' ids when it is not its name (`ImplDefined`, kept so that existing ids stay). */
  idSegment?: string;
  checks(ctx: SuiteContext): CheckDraft[];
}

/** A suite's drafts made checks for one model: the one place an id is made. */
export function composeChecks(suite: Suite, ctx: SuiteContext): Check[] {
  return suite
    .checks(ctx)
    .map(
      ({ name, ...draft }) => ({ ...draft, id: checkId(draft.level, suite.idSegment ?? suite.name, name), suite: suite.name, model: ctx.model.name }) as Check,
    );
}
