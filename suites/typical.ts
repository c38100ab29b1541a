import * as fc from 'fast-check';
import { validValues } from '../arbitraries/index.js';
import type { Json } from '../core/json.js';
import type { SuiteContext } from '../core/check.js';

/**
 * One plain valid value of the model, the same on every run: the base that
 * observations change one thing of, so what they show is that one thing.
 */
export function typicalValue({ set, model }: SuiteContext): Record<string, Json> {
  const validate = set.ajv.getSchema(model.id)!;
  const plain: Record<string, Json> = {};
  // the required members only: an optional one's plain value (`"size": "ig_1"`) may be what an SDK refuses, and
  // every observation built on the value would then record that refusal instead of the one thing it changes
  const required = new Set<string>(model.schema.required ?? []);
  for (const [k, s] of Object.entries<any>(model.schema.properties ?? {})) {
    if (!required.has(k)) continue;
    const target =
      typeof s.$ref === 'string' && s.$ref.startsWith('#/')
        ? s.$ref
            .slice(2)
            .split('/')
            .reduce((o: any, p: string) => o?.[p], model.schema)
        : s;
    if (Array.isArray(target?.enum)) plain[k] = target.enum[0];
    else if (target?.type === 'string') plain[k] = 'ig_1';
    else if (target?.type === 'number' || target?.type === 'integer') plain[k] = 1;
  }
  if (validate(plain)) return plain;
  // plain values, required members only: a nested model's full-range value is kilobytes of edge cases that would hide the one thing
  return fc.sample(validValues(set, model.id, { tame: true }), { seed: 42, numRuns: 1 })[0] as Record<string, Json>;
}

/** Property names whose schema is a plain string or number (no enum), in schema order. */
export function fieldsOfType(ctx: SuiteContext, type: 'string' | 'number'): string[] {
  return Object.entries<any>(ctx.model.schema.properties ?? {})
    .filter(([, s]) => (type === 'number' ? s.type === 'number' || s.type === 'integer' : s.type === 'string' && !('enum' in s)))
    .map(([k]) => k);
}

/** The typical value as JSON text with one member's value replaced by raw JSON text (added last when the value has no such member). */
export function withRawMember(value: Record<string, Json>, field: string, raw: string): string {
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${k === field ? raw : JSON.stringify(v)}`);
  if (!(field in value)) members.push(`${JSON.stringify(field)}:${raw}`);
  return `{${members.join(',')}}`;
}
