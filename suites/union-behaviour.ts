import type { Adapter, UnionOutcome } from '../core/contract.js';
import type { CheckDraft, Observed } from '../core/check.js';
import { brief } from '../core/equality.js';
import { refusal } from './behaviours.js';
import { encodeText, shownPayload } from './verdicts.js';

/** What a union's answer says a program gets: refused, handed on untyped, or typed as one of the SDK's classes. */
export function unionBehaviour(out: UnionOutcome): Observed {
  if (!out.ok) return { behaviour: refusal(out.error, 'refused'), detail: `${out.error.kind}: ${out.error.message}` };
  const untyped = /^(dict|map|object|unknown event|none|nil|null|jsonvalue|value)$/i.test(out.as);
  // the class's name is the label (comparable across SDKs); what a harness says of it besides is detail
  const name = /^[^\s(]+/.exec(out.as)?.[0] ?? out.as;
  return {
    behaviour: untyped ? 'handed on untyped' : `typed as ${name}`,
    detail: `${untyped ? `handed on as ${out.as}` : `typed as ${out.as}`}: ${brief(out.value)}`,
  };
}

/** One event's data, written as JSON, through the adapter's union. */
export async function throughUnion(adapter: Adapter, event: unknown): Promise<UnionOutcome> {
  return adapter.union!(encodeText(JSON.stringify(event)));
}

/**
 * For a model with an event type: whether the SDK's union models it, and if
 * not, what it does with a valid event of it (the issue's "n/a for Parse,
 * observed for what the union does").
 */
export function unmodelledCheck(type: string | undefined, example: Record<string, unknown>): CheckDraft[] {
  if (type === undefined) return [];
  return [
    {
      name: 'Unmodelled',
      level: 'Informational',
      mode: 'observe',
      needs: [],
      needsOp: ['union'],
      description: "whether the SDK's stream-event union models this event type and, where it does not, what it does with a valid event of it",
      cases: [
        {
          label: `a valid ${type} event`,
          shown: shownPayload(JSON.stringify(example)),
          observe: async (adapter: Adapter): Promise<Observed> => {
            const out = await throughUnion(adapter, example);
            if (!adapter.info.unionTypes!.includes(type)) return unionBehaviour(out);
            return { behaviour: 'modelled', detail: `the union models ${type}: ${unionBehaviour(out).detail}` };
          },
        },
      ],
    },
  ];
}
