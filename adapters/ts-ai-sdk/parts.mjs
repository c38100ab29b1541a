// What a program using Vercel's AI SDK sees of one Responses stream event: the stream part the provider's
// doStream makes of it, and which of the event's members that part carries. This table is the harness's only
// knowledge of the SDK; everything else the SDK does itself. A member not listed is one no part carries, so
// nothing about it can be compared (see README.md, "What is compared").

/** openai's reasoning part ids are `${item_id}:${summary_index}`: the index is the id's text after the item's. */
function summaryIndexOf(part) {
  const itemId = part.providerMetadata?.openai?.itemId;
  if (typeof itemId !== 'string' || typeof part.id !== 'string' || !part.id.startsWith(`${itemId}:`)) return undefined;
  // the SDK wrote the number into the id with a template literal: read it back as that text spells it
  return Number(part.id.slice(itemId.length + 1));
}

const textDelta = { part: 'text-delta', members: { item_id: (p) => p.id, delta: (p) => p.delta } };

/**
 * A program that asks for log probabilities (`providerOptions.openai.logprobs`) gets each delta's `logprobs`
 * in the finish part's metadata, one entry per delta that had them; zod keeps `token`, `logprob` and
 * `top_logprobs` of each and strips `bytes`, which no part carries (`cut`).
 */
const openaiTextDelta = {
  part: 'text-delta',
  members: { ...textDelta.members, logprobs: (p, parts) => parts.find((x) => x.type === 'finish')?.providerMetadata?.openai?.logprobs?.[0] },
  cut: { LogProb: ['bytes'], TopLogProb: ['bytes'] },
};

/**
 * Per provider: the event types whose one event, alone in a stream, becomes a part, the part's type, each
 * event member the parts carry, read back from them, and (`cut`) the members of the schema's `$defs` they drop. Events the provider reads but turns into no part of their
 * own (a function call's argument deltas, which only a call an earlier `output_item.added` opened gets, and the
 * `.done` events) are not here: one event alone says nothing of them.
 */
export const SURFACES = {
  // @ai-sdk/openai: OpenAIResponsesLanguageModel.doStream, after its zod chunk schema
  openai: {
    'response.output_text.delta': openaiTextDelta,
    // a refusal streams as text: the same part, told apart only by the finish reason at the stream's end
    'response.refusal.delta': textDelta,
    'response.reasoning_summary_text.delta': {
      part: 'reasoning-delta',
      members: { item_id: (p) => p.providerMetadata?.openai?.itemId, summary_index: summaryIndexOf, delta: (p) => p.delta },
    },
    'response.image_generation_call.partial_image': {
      part: 'tool-result',
      members: { item_id: (p) => p.toolCallId, partial_image_b64: (p) => p.result?.result },
    },
  },
  // @ai-sdk/open-responses: OpenResponsesLanguageModel.doStream, which reads every event with z.any()
  'open-responses': {
    'response.output_text.delta': textDelta,
    'response.reasoning_summary_text.delta': { part: 'reasoning-delta', members: { item_id: (p) => p.id, delta: (p) => p.delta } },
  },
};

/** The members a provider's part carries for an event type, `type` first; undefined when one event makes no part. */
export function surfacedMembers(provider, type) {
  const s = SURFACES[provider]?.[type];
  return s && ['type', ...Object.keys(s.members)];
}

/**
 * Whether a run's model can be compared through the parts: its event type makes a part, and every member its
 * schema names is one the part carries. A model naming more (the spec's `sequence_number`, say) is not declared,
 * so no verdict is ever about a member the SDK does not hand a program.
 */
export function comparable(provider, schema) {
  const members = surfacedMembers(provider, eventTypeOf(schema));
  return members !== undefined && Object.keys(schema.properties).every((k) => members.includes(k));
}

/** The one `type` a model's schema allows (`const`, or an enum of one), or undefined. */
export function eventTypeOf(schema) {
  const t = schema?.properties?.type;
  return t?.const ?? (t?.enum?.length === 1 ? t.enum[0] : undefined);
}

/**
 * The event as the parts carry it: `{type, ...members}` from the one part the table names, members the part
 * left undefined left out. Undefined when no part of that kind came.
 */
export function eventFromParts(provider, type, parts) {
  const s = SURFACES[provider][type];
  const part = parts.find((p) => p.type === s.part);
  if (!part) return undefined;
  const event = { type };
  for (const [member, read] of Object.entries(s.members)) {
    const v = read(part, parts);
    if (v !== undefined) event[member] = v;
  }
  return event;
}
