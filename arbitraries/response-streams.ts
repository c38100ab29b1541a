import * as fc from 'fast-check';
import { isPlainObject, type Json } from '../core/json.js';
import { eventTypeOf, type SchemaSet } from '../core/models.js';
import { encodeSse, PLAIN } from './sse/framing.js';
import { FUNCTIONS, itemEvents, itemSpecs, type Event, type ItemSpec } from './response-items.js';

/** Every event type a generated stream may hold: the set must model each. */
export const RESPONSE_STREAM_TYPES = [
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.output_item.added',
  'response.content_part.added',
  'response.output_text.delta',
  'response.output_text.annotation.added',
  'response.output_text.done',
  'response.refusal.delta',
  'response.refusal.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.reasoning.delta',
  'response.reasoning.done',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_text.delta',
  'response.reasoning_summary_text.done',
  'response.reasoning_summary_part.done',
  'response.content_part.done',
  'response.output_item.done',
  'error',
  'response.completed',
  'response.failed',
  'response.incomplete',
] as const;

type End = 'completed' | 'failed' | 'incomplete';

interface Plan {
  tag: string;
  createdAt: number;
  model: string;
  inputTokens: number;
  queued: boolean;
  inProgress: boolean;
  items: ItemSpec[];
  /** Which open item goes next, taken in turn: all zeros streams the items one after another. */
  order: number[];
  end: End;
  /** How many events before its end a failed or incomplete response stops (after its first item is added): the items not done are left out of its output. */
  cut: number | undefined;
  /** The steps between sequence numbers, taken in turn. */
  steps: number[];
}

/**
 * Whole valid Open Responses streams, the events in order as JSON values:
 * response.created (then perhaps response.queued and response.in_progress),
 * 1–4 output items of every kind interleaved, and one terminal event
 * (response.failed after an error event), whose response lists the items
 * done. Each event is valid by its model in `set`, and the stream keeps every
 * rule of core/response-stream-rules.ts once the caller ends it with the SSE
 * terminator: `encodeSse(events, PLAIN) + 'data: [DONE]\n\n'`
 * (arbitraries/sse/framing.ts), as [DONE] is no JSON event. Shrinks towards
 * one item, shorter text, items one after another and response.completed.
 */
export function validResponseStreams(set: SchemaSet): fc.Arbitrary<Event[]> {
  const members = responseMembers(set);
  const plan: fc.Arbitrary<Plan> = fc.record({
    tag: fc.nat(0xffffff).map((n) => n.toString(16).padStart(6, '0')),
    createdAt: fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }),
    model: fc.constantFrom('gpt-4o-2024-08-06', 'o3-mini', 'open-model-7b'),
    inputTokens: fc.integer({ min: 1, max: 400 }),
    queued: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    inProgress: fc.boolean(),
    // not minLength 1: fast-check then never drops the last item while an earlier one must stay
    items: fc.array(itemSpecs, { maxLength: 4 }).filter((items) => items.length > 0),
    order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    end: fc.constantFrom<End>('completed', 'failed', 'incomplete'),
    cut: fc.option(fc.nat(), { nil: undefined }),
    steps: fc.oneof(
      { weight: 3, arbitrary: fc.constant<number[]>([1]) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }) },
    ),
  });
  return plan.map((p) => {
    // too big: the last items are left out, not redrawn, so the stream is still the draw's and shrinks with it
    let events = numbered(stream(p, members), p.steps);
    for (let n = p.items.length - 1; n >= 1 && encodedSize(events) > MAX_BYTES; n--)
      events = numbered(stream({ ...p, items: p.items.slice(0, n) }, members), p.steps);
    return events;
  });
}

/** About the most a stream takes as encodeSse writes it: one item may go past it, never far. */
const MAX_BYTES = 6 * 1024;

function encodedSize(events: Event[]): number {
  return new TextEncoder().encode(encodeSse(events, PLAIN)).length;
}

function stream(p: Plan, members: readonly string[]): Event[] {
  let items = interleaved(p);
  // counted from the end, so that a small draw stops late and leaves most items whole
  if (p.end !== 'completed' && p.cut !== undefined) items = items.slice(0, items.length - 1 - (p.cut % (items.length - 1)));
  const response = responseOf(p, members);
  const out: Event[] = [{ type: 'response.created', response: response(p.queued ? 'queued' : 'in_progress', []) }];
  if (p.queued) out.push({ type: 'response.queued', response: response('queued', []) });
  if (p.inProgress) out.push({ type: 'response.in_progress', response: response('in_progress', []) });
  out.push(...items);
  const output = items
    .filter((e) => e.type === 'response.output_item.done')
    .sort((a, b) => (a.output_index as number) - (b.output_index as number))
    .map((e) => e.item!);
  if (p.end === 'failed')
    out.push({
      type: 'error',
      error: { type: 'server_error', code: 'server_error', message: 'The server had an error while processing the request.', param: null },
    });
  out.push({ type: `response.${p.end}`, response: response(p.end, output, usage(p, items)) });
  return out;
}

/** The items' events, interleaved by `order`; an item's output_index is its place among the items as they are added. */
function interleaved(p: Plan): Event[] {
  const counts = p.items.map((spec) => itemEvents(spec, 0, p.tag).length);
  const next = counts.map(() => 0);
  const picks: number[] = [];
  for (let k = 0; next.some((n, i) => n < counts[i]!); k++) {
    const open = counts.map((_, i) => i).filter((i) => next[i]! < counts[i]!);
    const item = open[p.order[k % p.order.length]! % open.length]!;
    picks.push(item);
    next[item]!++;
  }
  const added = [...new Set(picks)];
  const events = p.items.map((spec, i) => itemEvents(spec, added.indexOf(i), p.tag));
  next.fill(0);
  return picks.map((i) => events[i]![next[i]!++]!);
}

function numbered(events: Event[], steps: number[]): Event[] {
  let seq = 0;
  return events.map(({ type, ...rest }, k) => {
    const e = { type: type!, sequence_number: seq, ...rest };
    seq += steps[k % steps.length]!;
    return e;
  });
}

function usage(p: Plan, items: Event[]): Json {
  const count = (kinds: string[]) => items.filter((e) => kinds.includes(e.type as string)).length;
  const output = count(['response.output_text.delta', 'response.refusal.delta', 'response.function_call_arguments.delta']);
  const reasoning = count(['response.reasoning.delta', 'response.reasoning_summary_text.delta']);
  return {
    input_tokens: p.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output + reasoning,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: p.inputTokens + output + reasoning,
  };
}

/** The response object each lifecycle event carries: the members the set's ResponseResource requires. */
function responseOf(p: Plan, members: readonly string[]) {
  const names = [...new Set(p.items.flatMap((i) => (i.kind === 'function_call' ? [i.name] : [])))];
  const reasons = p.items.some((i) => i.kind === 'reasoning');
  return (status: string, output: Json[], used: Json = null): Event => {
    const values = responseValues(p, names, reasons, status, output, used);
    return Object.fromEntries(members.map((m) => [m, values[m]!]));
  };
}

/** Every member a response may be given, valued as test/fixtures/streams/ value them. */
function responseValues(p: Pick<Plan, 'tag' | 'createdAt' | 'model'>, names: string[], reasons: boolean, status: string, output: Json[], used: Json): Event {
  return {
    id: `resp_${p.tag}`,
    object: 'response',
    created_at: p.createdAt,
    completed_at: status === 'completed' ? p.createdAt + 2 : null,
    status,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    model: p.model,
    previous_response_id: null,
    instructions: null,
    output,
    error: status === 'failed' ? { code: 'server_error', message: 'The server had an error while processing the request.' } : null,
    tools: names.map((name) => ({
      type: 'function',
      name,
      description: null,
      parameters: { type: 'object', properties: { [FUNCTIONS[name]!]: { type: 'string' } } },
      strict: null,
    })),
    tool_choice: 'auto',
    truncation: 'disabled',
    parallel_tool_calls: true,
    text: { format: { type: 'text' } },
    top_p: 1,
    presence_penalty: 0,
    frequency_penalty: 0,
    top_logprobs: 0,
    temperature: 1,
    reasoning: reasons ? { effort: 'medium', summary: 'auto' } : { effort: null, summary: null },
    usage: status === 'failed' ? null : used,
    max_output_tokens: status === 'incomplete' ? 64 : null,
    max_tool_calls: null,
    store: true,
    background: false,
    service_tier: 'default',
    metadata: {},
    safety_identifier: null,
    prompt_cache_key: null,
  };
}

/** The members the set's response.created says a response has; each must be one this generator can value. */
function responseMembers(set: SchemaSet): string[] {
  const types = new Set(set.models.map(eventTypeOf));
  const missing = RESPONSE_STREAM_TYPES.filter((t) => !types.has(t));
  if (missing.length) throw new Error(`validResponseStreams needs a model of every Open Responses streaming event; the set has none of ${missing.join(', ')}`);
  const created = set.models.find((m) => eventTypeOf(m) === 'response.created')!.schema;
  const members = requiredOf(created, created.properties?.response, 0);
  const known = new Set(Object.keys(responseValues({ tag: '', createdAt: 0, model: '' }, [], false, 'in_progress', [], null)));
  const unknown = members.filter((m) => !known.has(m));
  if (unknown.length) throw new Error(`validResponseStreams cannot value the response members ${unknown.join(', ')} that response.created's model requires`);
  return members;
}

/** The members a schema requires, through its local $refs and allOf. */
function requiredOf(root: Record<string, Json>, node: Json | undefined, depth: number): string[] {
  if (!isPlainObject(node) || depth > 8) return [];
  const own = Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [];
  const ref = typeof node.$ref === 'string' && node.$ref.startsWith('#/') ? requiredOf(root, pointed(root, node.$ref), depth + 1) : [];
  const all = Array.isArray(node.allOf) ? node.allOf.flatMap((s) => requiredOf(root, s as Json, depth + 1)) : [];
  return [...new Set([...own, ...ref, ...all])];
}

function pointed(root: Json, ref: string): Json | undefined {
  return ref
    .slice(2)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<Json | undefined>((o, k) => (isPlainObject(o) ? (o[k] as Json | undefined) : undefined), root);
}
