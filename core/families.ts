/**
 * The families models are grouped by, in the order a response's stream
 * meets them: `orc list`, the terminal, Markdown and HTML reports and
 * `orc check-stream` all say the same word for a model. A model's family is
 * read from its name or its event type, so
 * `ResponseOutputTextDeltaStreamingEvent`, `OpenResponsesOutputTextDelta` and
 * `response.output_text.delta` all fall into "text", and a model no rule
 * knows into "other".
 */
export const FAMILIES = [
  'lifecycle',
  'output item',
  'content part',
  'text',
  'refusal',
  'reasoning',
  'function call',
  'error',
  'image generation',
  'other',
] as const;

export type Family = (typeof FAMILIES)[number];

// first match wins: image generation has its own `in_progress` and `completed`, a reasoning summary its own `part`
const RULES: readonly [RegExp, Family][] = [
  [/imagegen/, 'image generation'],
  [/reasoning/, 'reasoning'],
  [/functioncall/, 'function call'],
  [/refusal/, 'refusal'],
  [/outputtext/, 'text'],
  [/contentpart/, 'content part'],
  [/outputitem/, 'output item'],
  [/error/, 'error'],
  [/created|queued|inprogress|completed|failed|incomplete/, 'lifecycle'],
];

export function modelFamily(nameOrType: string): Family {
  const key = nameOrType.toLowerCase().replace(/[^a-z0-9]/g, '');
  return RULES.find(([re]) => re.test(key))?.[1] ?? 'other';
}

/** Models grouped by family, families in stream order, each family's models in the order given. */
export function byFamily(models: readonly string[]): [Family, string[]][] {
  const groups = new Map<Family, string[]>();
  for (const m of models) groups.set(modelFamily(m), [...(groups.get(modelFamily(m)) ?? []), m]);
  return FAMILIES.filter((f) => groups.has(f)).map((f) => [f, groups.get(f)!]);
}
