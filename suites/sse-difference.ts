import { counted } from '../core/visible.js';
import type { DecodedEvent } from '../core/contract.js';
import { brief, textDifference } from '../core/equality.js';
import type { SseEvent } from '../core/sse-decoder.js';

/** Where one event's data differs from the reference's, as `data[57]: …` or `data /output_index: …`; undefined when it does not. */
export type DataDifference = (got: string, expected: string) => string | undefined;

/** A terminal line is 120 columns and the failure's kind comes first (`  mismatch: `): what is said after the difference fits in the rest. */
const WIDTH = 108;

/**
 * Where a decoder's events first differ from the reference decoder's, named
 * as people count them (event 1 is the first), field and character:
 * `event 2 data[57]: expected …"0}", got …"0}\r"`, `event 3 of 3: missing
 * (decoded 2)`, `2 events more than expected (1)`. Only what an event carries is compared
 * and shown; the reference's bookkeeping (the line an event began on) is said
 * in words, after the difference, where the line has room for it.
 */
/**
 * The type an event is dispatched as (WHATWG): no event field, or an empty
 * one, is the type "message", so a decoder that names the default type says
 * the same as one that leaves it out.
 */
export const dispatchedType = (event: string | null) => event || 'message';

export function eventsDifference(expected: readonly SseEvent[], got: readonly DecodedEvent[], data: DataDifference): string | undefined {
  const counts = got.length === expected.length ? undefined : `; decoded ${counted(got.length, 'event')}, the reference ${expected.length}`;
  for (let k = 0; k < Math.min(expected.length, got.length); k++) {
    const want = expected[k]!;
    const have = got[k]!;
    const began = want.line ? ` (the event that began on line ${want.line})` : undefined;
    if (dispatchedType(have.event) !== dispatchedType(want.event)) return fitted(`event ${k + 1} ${eventField(want.event, have.event || null)}`, counts, began);
    const d = data(have.data, want.data);
    if (d) return fitted(`event ${k + 1} ${d}`, counts, began);
  }
  if (got.length < expected.length) {
    const first = expected[got.length]!;
    const began = first.line ? `; it began on line ${first.line}` : undefined;
    return fitted(`event ${got.length + 1} of ${expected.length}: missing (decoded ${got.length})`, began, ...described(first));
  }
  if (got.length > expected.length) {
    return fitted(
      `${counted(got.length - expected.length, 'event')} more than expected (${expected.length})`,
      `; event ${expected.length + 1}`,
      ...described(got[expected.length]!),
    );
  }
  return undefined;
}

/** A remark after the difference: its text, or its text for the columns left (undefined when it has none that fit). */
type Remark = string | ((room: number) => string | undefined) | undefined;

/** The difference, then each remark that still fits the line, in order. */
function fitted(where: string, ...remarks: Remark[]): string {
  let out = where;
  for (const r of remarks) {
    const text = typeof r === 'function' ? r(WIDTH - out.length) : r;
    if (text && out.length + text.length <= WIDTH) out += text;
  }
  return out;
}

function eventField(want: string | null, have: string | null): string {
  if (want !== null && have !== null) return textDifference(want, have, 'event field')!;
  return `event field: expected ${want === null ? 'none' : brief(want, 60)}, got ${have === null ? 'none' : brief(have, 60)}`;
}

/** A value shown in the columns left after its label, when at least a few of its characters fit. */
const shown = (label: string, v: string) => (room: number) => (room - label.length >= 12 ? `${label}${brief(v, room - label.length)}` : undefined);

/** An event in two remarks, its data first: the event field is left out where the line has no room for it. */
const described = (e: DecodedEvent): Remark[] => [shown(': data ', e.data), e.event ? shown(', event field ', e.event) : undefined];
