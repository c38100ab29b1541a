import * as fc from 'fast-check';
import type { Json } from '../core/json.js';
import { EVENT_PREFIX, type Stage } from '../core/stream-rules.js';

/** One event of a generated stream. */
export function imageEvent(stage: Stage, item: number, seq: number, partialIndex = 0): Record<string, Json> {
  const e: Record<string, Json> = { type: EVENT_PREFIX + stage, item_id: `ig_${item}`, output_index: item, sequence_number: seq };
  if (stage === 'partial_image') Object.assign(e, { partial_image_b64: 'iVBORw0KGgo=', partial_image_index: partialIndex });
  return e;
}

/**
 * Valid streams: 1–4 items, each in_progress → generating → partial_image* →
 * completed, interleaved at random, with sequence numbers rising by random steps.
 */
export function validImageStreams(): fc.Arbitrary<Record<string, Json>[]> {
  return fc
    .tuple(
      fc.array(fc.nat(3), { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 24, maxLength: 24 }),
      fc.nat(1000),
    )
    .map(([partials, order, steps, start]) => {
      const plans: Stage[][] = partials.map((n) => ['in_progress', 'generating', ...Array<Stage>(n).fill('partial_image'), 'completed']);
      const next = plans.map(() => 0);
      const out: Record<string, Json>[] = [];
      let seq = start;
      for (let k = 0; next.some((n, i) => n < plans[i]!.length); k++) {
        const open = plans.map((_, i) => i).filter((i) => next[i]! < plans[i]!.length);
        const item = open[order[k % order.length]! % open.length]!;
        const stage = plans[item]![next[item]!]!;
        out.push(imageEvent(stage, item, seq, next[item]! - 2));
        next[item]!++;
        seq += steps[k % steps.length]!;
      }
      return out;
    });
}
