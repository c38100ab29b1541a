import { parse as parseLossless } from 'lossless-json';
import type { Adapter, DecodedEvent } from '../core/contract.js';
import { difference, textDifference } from '../core/equality.js';
import { asDoubles, type Answer } from '../core/json.js';

export const renderEvents = (events: readonly DecodedEvent[]) => JSON.stringify(events.map((e) => ({ event: e.event, data: e.data })));

/** JSON text read with every number kept as written, or undefined when the text is not JSON. */
function jsonOf(text: string): Answer | undefined {
  try {
    return parseLossless(text) as Answer;
  } catch {
    return undefined;
  }
}

/**
 * Where a decoded event's data differs from what the reference decoded: the
 * text, or, from a decoder that hands data on as JSON it wrote again, the
 * JSON value (no program using that SDK can see the text).
 */
export function dataDifference(adapter: Adapter, got: string, expected: string): string | undefined {
  if (got === expected) return undefined;
  if (adapter.info.sseData === 'json') {
    const want = jsonOf(expected);
    const have = jsonOf(got);
    if (want !== undefined && have !== undefined) {
      const d = difference(asDoubles(want), have);
      return d === undefined ? undefined : `data ${d}`;
    }
  }
  return textDifference(expected, got, 'data');
}
