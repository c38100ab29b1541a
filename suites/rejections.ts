import type { BrokenValue } from '../arbitraries/index.js';
import type { Adapter, ParseOutcome } from '../core/contract.js';
import type { Verdict } from '../core/check.js';
import type { Json } from '../core/json.js';
import { andThen, encodeText, expectRejected } from './verdicts.js';

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** Why a refusal proved nothing: the repaired payload was refused too. Phrased to follow "no case applied: ". */
export function repairRefused(repaired: string, o: Extract<ParseOutcome, { ok: false }>): string {
  return (
    'the implementation refused the repaired payloads too (each case with its broken place given back a valid value), ' +
    `so no case showed that it rejects for this rule; the first: ${clip(repaired, 160)} → ${o.error.kind}: ${clip(o.error.message, 160)}`
  );
}

/**
 * A rejection counts only for the rule the case breaks: where the case has a
 * repaired payload, that payload must be accepted by the same adapter, or
 * the refusal may have been for something else in it (an int64 SDK refuses
 * a fraction beside the null) and the case is vacuous. An accepted broken
 * payload fails without more ado, so the repair is asked only after a refusal.
 */
export function expectRejectedForItsRule(adapter: Adapter, model: string, bv: BrokenValue): Verdict | Promise<Verdict> {
  return expectBytesRejectedForItsRule(adapter, model, encodeText(JSON.stringify(bv.value)), bv.repaired);
}

/** The same rule for a payload given as bytes (malformed JSON, a wrapped event): `repaired` is the valid value it was made from. */
export function expectBytesRejectedForItsRule(adapter: Adapter, model: string, bytes: Uint8Array, repaired: Json | undefined): Verdict | Promise<Verdict> {
  return andThen(adapter.parse(model, bytes), (o) => {
    const verdict = expectRejected(o);
    if (verdict.status !== 'pass' || repaired === undefined) return verdict;
    const text = JSON.stringify(repaired);
    return andThen(adapter.parse(model, encodeText(text)), (r): Verdict => (r.ok ? verdict : { status: 'vacuous', reason: repairRefused(text, r) }));
  });
}
