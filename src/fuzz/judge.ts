import type { Adapter, ParseOutcome } from '../../adapters/contract.ts';
import type { FuzzCase } from '../../arbitraries/wire/mutations.ts';
import type { FailureKind } from '../../suites/check.ts';
import { andThen } from '../../suites/verdicts.ts';
import { difference, show } from '../equality.ts';
import { guarded } from '../runner/run-check.ts';

export type FuzzVerdict =
  | { pass: true; outcome: 'accepted' | 'rejected' }
  | { pass: false; kind: FailureKind; message: string; answer?: string; stderr?: string };

/**
 * What a conforming parser must do with one hostile payload. Whatever the
 * expectation, an exception, a crash, a hang or garbage from the harness is
 * a failure: the Recommended level's "never crash or hang on hostile input".
 */
export function judge(c: FuzzCase, outcome: ParseOutcome): FuzzVerdict {
  if (!outcome.ok) {
    const e = outcome.error;
    if (e.kind === 'parse_error') {
      return c.expect === 'accept' ? { pass: false, kind: 'rejected-valid', message: `rejected a payload JSON and the model allow: ${e.message}` } : { pass: true, outcome: 'rejected' };
    }
    if (e.kind === 'unsupported' || e.kind === 'serialize_error') return { pass: false, kind: 'exception', message: `${e.kind}: ${e.message}` };
    return { pass: false, kind: e.kind, message: e.message, ...(e.stderr ? { stderr: e.stderr } : {}) };
  }
  if (c.expect === 'reject') return { pass: false, kind: 'accepted-invalid', message: `accepted a payload a conforming parser rejects (${c.detail})`, answer: show(outcome.value) };
  if (c.expect === 'accept' && c.expected !== undefined) {
    const d = difference(c.expected, outcome.value);
    if (d) return { pass: false, kind: 'mismatch', message: d, answer: show(outcome.value).slice(0, 2000) };
  }
  return { pass: true, outcome: 'accepted' };
}

export function runCase(adapter: Adapter, c: FuzzCase): FuzzVerdict | Promise<FuzzVerdict> {
  return guarded((x: FuzzCase) => andThen(adapter.parse(x.model, x.bytes), (o) => judge(x, o)))(c);
}
