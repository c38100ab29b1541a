import type { Adapter, ParseOutcome, SerializeOutcome } from '../core/contract.js';
import type { FuzzCase } from '../arbitraries/wire/mutations.js';
import { acceptedAs, refusal } from '../suites/behaviours.js';
import type { FailureKind } from '../core/check.js';
import { andThen, misbehaved, reserialize, type OutputValidator } from '../suites/verdicts.js';
import { difference, show } from '../core/equality.js';
import { guarded } from '../runner/run-check.js';

/** What happened, and whether a conforming parser may do it; `behaviour` names the class of what happened. */
export type FuzzVerdict =
  | { status: 'pass'; outcome: 'accepted' | 'rejected'; behaviour: string }
  | { status: 'fail'; kind: FailureKind; message: string; answer?: string; stderr?: string; behaviour?: string };

/** What a parse made of a case, in a behaviour label: `rejected`, `crash`, `→ U+FFFD`, `→ Infinity`, `kept`. */
export function fuzzBehaviour(c: FuzzCase, outcome: ParseOutcome): string {
  if (!outcome.ok) return refusal(outcome.error);
  if (c.expected !== undefined && !difference(c.expected, outcome.value)) return 'as expected';
  return c.field === undefined ? 'accepted' : acceptedAs(outcome, c.field, c.literal);
}

/**
 * What a conforming parser must do with one hostile payload. Whatever the
 * expectation, an exception, a crash, a hang or garbage from the harness is
 * a failure: the Recommended level's "never crash or hang on hostile input".
 */
export function judge(c: FuzzCase, outcome: ParseOutcome): FuzzVerdict {
  const behaviour = fuzzBehaviour(c, outcome);
  if (!outcome.ok) {
    const e = outcome.error;
    if (e.kind === 'parse_error') {
      return c.expect === 'accept'
        ? { status: 'fail', kind: 'rejected-valid', message: `rejected a payload JSON and the model allow: ${e.message}`, behaviour }
        : { status: 'pass', outcome: 'rejected', behaviour };
    }
    if (e.kind === 'unsupported' || e.kind === 'serialize_error' || e.kind === 'unrepresentable')
      return { status: 'fail', kind: 'exception', message: `${e.kind}: ${e.message}`, behaviour };
    return { status: 'fail', kind: e.kind, message: e.message, ...(e.stderr ? { stderr: e.stderr } : {}), behaviour };
  }
  if (c.expect === 'reject')
    return {
      status: 'fail',
      kind: 'accepted-invalid',
      message: `accepted a payload a conforming parser rejects (${c.detail})`,
      answer: show(outcome.value),
      behaviour,
    };
  if (c.expect === 'accept' && c.expected !== undefined) {
    const d = difference(c.expected, outcome.value);
    if (d) return { status: 'fail', kind: 'mismatch', message: d, answer: show(outcome.value).slice(0, 2000), behaviour };
  }
  return { status: 'pass', outcome: 'accepted', behaviour };
}

/** A payload the parser took, written again: the output must be JSON the schema accepts, or a documented refusal. */
function judgeWritten(parsed: FuzzVerdict, o: SerializeOutcome, valid: OutputValidator): FuzzVerdict {
  if (!o.ok) {
    const m = misbehaved(o.error);
    return m?.status === 'fail' ? { ...m, message: `writing the parsed value again: ${m.message}`, behaviour: parsed.behaviour } : parsed;
  }
  const v = valid(o.bytes);
  return v.status !== 'fail' ? parsed : { ...v, message: `written again: ${v.message}`, behaviour: parsed.behaviour };
}

export interface RunCaseOptions {
  /** Given when the adapter serializes this case's model: what it writes after accepting an implementation-defined payload is checked too. */
  validOutput?: OutputValidator;
}

export function runCase(adapter: Adapter, c: FuzzCase, o: RunCaseOptions = {}): FuzzVerdict | Promise<FuzzVerdict> {
  return guarded((x: FuzzCase) =>
    andThen(adapter.parse(x.model, x.bytes), (parsed) => {
      const v = judge(x, parsed);
      // what a serializer does with values the property checks never hold: the implementation-defined ones
      if (v.status === 'fail' || v.outcome !== 'accepted' || x.expect !== 'implementation-defined' || !o.validOutput) return v;
      return andThen(reserialize(adapter, x.model, x.bytes), (w) => judgeWritten(v, w, o.validOutput!));
    }),
  )(c);
}
