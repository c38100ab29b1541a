import * as fc from 'fast-check';
import type { Json } from '../core/json.js';

/** One event of a stream before its sequence_number is given. */
export type Event = Record<string, Json>;

/**
 * A few letters, JSON's own escapes, and characters of 2, 3 and 4 UTF-8
 * bytes (the last a surrogate pair), so that every delta crosses what a
 * decoder or a joiner may get wrong; a delta never splits a character, as
 * no service sends half of one.
 */
const CHARS = ['a', 'b', 'o', ' ', '"', '\\', '\n', 'é', '€', '中', '😀'];
const chunk = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 5 });
const deltas = fc.array(chunk, { maxLength: 3 });

export type PartSpec = { type: 'output_text'; deltas: string[]; annotationAfter?: number } | { type: 'refusal'; deltas: string[] };

export type ItemSpec =
  | { kind: 'message'; parts: PartSpec[] }
  | { kind: 'function_call'; name: string; deltas: string[] }
  | { kind: 'reasoning'; content: string[][]; summary: string[][] };

/** Function names and the one argument each takes: the response's tools name them too. */
export const FUNCTIONS: Record<string, string> = { get_weather: 'city', send_email: 'subject', search: 'query' };

const part: fc.Arbitrary<PartSpec> = fc.oneof(
  fc
    .tuple(deltas, fc.option(fc.nat(), { nil: undefined }))
    .map(([d, after]): PartSpec => ({ type: 'output_text', deltas: d, ...(after !== undefined ? { annotationAfter: after % (d.length + 1) } : {}) })),
  deltas.map((d): PartSpec => ({ type: 'refusal', deltas: d })),
);

/** The arguments' JSON, cut at code points: a cut may fall inside a key, a string or between `"` and `:`, as real deltas do. */
const functionCall = fc
  .tuple(fc.constantFrom(...Object.keys(FUNCTIONS)), fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 }), fc.array(fc.nat(), { maxLength: 3 }))
  .map(([name, value, cuts]): ItemSpec => {
    const chars = [...JSON.stringify({ [FUNCTIONS[name]!]: value })];
    const at = [...new Set(cuts.map((c) => 1 + (c % (chars.length - 1))))].sort((a, b) => a - b);
    return { kind: 'function_call', name, deltas: [0, ...at].map((from, i) => chars.slice(from, at[i] ?? chars.length).join('')) };
  });

export const itemSpecs: fc.Arbitrary<ItemSpec> = fc.oneof(
  fc.array(part, { minLength: 1, maxLength: 2 }).map((parts): ItemSpec => ({ kind: 'message', parts })),
  functionCall,
  fc
    .tuple(fc.array(deltas, { maxLength: 1 }), fc.array(deltas, { maxLength: 2 }))
    .map(([content, summary]): ItemSpec => ({ kind: 'reasoning', content, summary })),
);

const PREFIX = { message: 'msg', function_call: 'fc', reasoning: 'rs' } as const;

/**
 * The events of one item, from its response.output_item.added to its
 * response.output_item.done, each part added → deltas → .done → part done,
 * in the shape of test/fixtures/streams/ (an empty part added, the whole
 * part done).
 */
export function itemEvents(spec: ItemSpec, outputIndex: number, tag: string): Event[] {
  const id = `${PREFIX[spec.kind]}_${tag}${outputIndex}`;
  const at = { item_id: id, output_index: outputIndex };
  const out: Event[] = [];
  const added = (item: Event) => out.push({ type: 'response.output_item.added', output_index: outputIndex, item });
  const done = (item: Event) => out.push({ type: 'response.output_item.done', output_index: outputIndex, item });
  if (spec.kind === 'function_call') {
    const call = { type: 'function_call', id, call_id: `call_${tag}${outputIndex}`, name: spec.name };
    const args = spec.deltas.join('');
    added({ ...call, arguments: '', status: 'in_progress' });
    for (const delta of spec.deltas) out.push({ type: 'response.function_call_arguments.delta', ...at, delta });
    out.push({ type: 'response.function_call_arguments.done', ...at, arguments: args });
    done({ ...call, arguments: args, status: 'completed' });
    return out;
  }
  if (spec.kind === 'message') {
    const message = { type: 'message', id, status: 'in_progress', role: 'assistant' };
    added({ ...message, content: [] });
    const content = spec.parts.map((p, k) =>
      p.type === 'refusal' ? refusalPart(out, p, { ...at, content_index: k }) : textPart(out, p, { ...at, content_index: k }),
    );
    done({ ...message, status: 'completed', content });
    return out;
  }
  added({ type: 'reasoning', id, summary: [], content: [] });
  const content = spec.content.map((d, k) => reasoningPart(out, d, { ...at, content_index: k }));
  const summary = spec.summary.map((d, k) => summaryPart(out, d, { ...at, summary_index: k }));
  done({ type: 'reasoning', id, summary, content });
  return out;
}

function textPart(out: Event[], p: PartSpec & { type: 'output_text' }, at: Event): Json {
  out.push({ type: 'response.content_part.added', ...at, part: { type: 'output_text', annotations: [], text: '' } });
  const annotations: Json[] = [];
  const annotate = (soFar: string) => {
    const annotation = { type: 'url_citation', url: 'https://example.com/source', start_index: 0, end_index: [...soFar].length, title: 'Source' };
    annotations.push(annotation);
    out.push({ type: 'response.output_text.annotation.added', ...at, annotation_index: 0, annotation });
  };
  p.deltas.forEach((delta, i) => {
    if (p.annotationAfter === i) annotate(p.deltas.slice(0, i).join(''));
    out.push({ type: 'response.output_text.delta', ...at, delta, logprobs: [] });
  });
  const text = p.deltas.join('');
  if (p.annotationAfter === p.deltas.length) annotate(text);
  out.push({ type: 'response.output_text.done', ...at, text, logprobs: [] });
  const whole = { type: 'output_text', annotations, text };
  out.push({ type: 'response.content_part.done', ...at, part: whole });
  return whole;
}

function refusalPart(out: Event[], p: PartSpec, at: Event): Json {
  out.push({ type: 'response.content_part.added', ...at, part: { type: 'refusal', refusal: '' } });
  for (const delta of p.deltas) out.push({ type: 'response.refusal.delta', ...at, delta });
  const refusal = p.deltas.join('');
  out.push({ type: 'response.refusal.done', ...at, refusal });
  out.push({ type: 'response.content_part.done', ...at, part: { type: 'refusal', refusal } });
  return { type: 'refusal', refusal };
}

function reasoningPart(out: Event[], deltas: string[], at: Event): Json {
  out.push({ type: 'response.content_part.added', ...at, part: { type: 'reasoning_text', text: '' } });
  for (const delta of deltas) out.push({ type: 'response.reasoning.delta', ...at, delta });
  const text = deltas.join('');
  out.push({ type: 'response.reasoning.done', ...at, text });
  out.push({ type: 'response.content_part.done', ...at, part: { type: 'reasoning_text', text } });
  return { type: 'reasoning_text', text };
}

function summaryPart(out: Event[], deltas: string[], at: Event): Json {
  out.push({ type: 'response.reasoning_summary_part.added', ...at, part: { type: 'summary_text', text: '' } });
  for (const delta of deltas) out.push({ type: 'response.reasoning_summary_text.delta', ...at, delta });
  const text = deltas.join('');
  out.push({ type: 'response.reasoning_summary_text.done', ...at, text });
  out.push({ type: 'response.reasoning_summary_part.done', ...at, part: { type: 'summary_text', text } });
  return { type: 'summary_text', text };
}
