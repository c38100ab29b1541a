import * as fc from 'fast-check';
import { validValues } from '../arbitraries/index.js';
import type { SchemaSet } from '../core/models.js';
import { compare } from './measure.js';

/** What someone would write by hand for the seed model with fast-check alone. */
export function handWritten(eventType: string): fc.Arbitrary<Record<string, unknown>> {
  const num = fc.double({ noNaN: true, noDefaultInfinity: true });
  return fc.record({ type: fc.constant(eventType), item_id: fc.string(), output_index: num, sequence_number: num });
}

const EDGES: [string, (v: any) => boolean][] = [
  ['-0', (v) => Object.is(v.output_index, -0) || Object.is(v.sequence_number, -0)],
  ['5e-324', (v) => [v.output_index, v.sequence_number].some((x) => Math.abs(x) === 5e-324)],
  ['±max double', (v) => [v.output_index, v.sequence_number].some((x) => Math.abs(x) === Number.MAX_VALUE)],
  ['2^53 - 1', (v) => [v.output_index, v.sequence_number].includes(2 ** 53 - 1)],
  ['2^53', (v) => [v.output_index, v.sequence_number].includes(2 ** 53)],
  ['2^63', (v) => [v.output_index, v.sequence_number].includes(2 ** 63)],
  ['fraction', (v) => [v.output_index, v.sequence_number].some((x) => !Number.isInteger(x))],
  ['empty string', (v) => v.item_id === ''],
  ['NUL / controls', (v) => /[\u0000-\u001f]/.test(v.item_id)],
  ['non-BMP', (v) => /[\ud800-\udbff][\udc00-\udfff]/.test(v.item_id)],
  ['U+2028/2029', (v) => /[\u2028\u2029]/.test(v.item_id)],
  ['combining / RTL', (v) => /[\u0300-\u036f\u0590-\u06ff]/.test(v.item_id)],
  ['long string (≥10k)', (v) => v.item_id.length >= 10_000],
];

export async function benchArbitrary(set: SchemaSet, values = 20_000) {
  const model = set.models.find((m) => m.name === 'OpenResponsesImageGenCallGenerating')!;
  const compiled = validValues(set, model.id);
  const hand = handWritten(model.schema['x-event-type']);
  const validate = set.ajv.getSchema(model.id)!;
  const { a, b, ratio } = await compare(values, () => fc.sample(compiled, { numRuns: values, seed: 1 }), () => fc.sample(hand, { numRuns: values, seed: 1 }));
  const profile = (arb: fc.Arbitrary<unknown>) => {
    const sample = fc.sample(arb, { numRuns: values, seed: 2 }) as any[];
    return {
      validShare: sample.filter((v) => validate(v)).length / sample.length,
      edges: Object.fromEntries(EDGES.map(([name, test]) => [name, sample.filter(test).length])),
    };
  };
  return {
    name: 'compiled arbitrary vs hand-written fast-check (seed model)',
    values,
    compiled: { valuesPerSecond: Math.round(a.perSecond), ...profile(compiled) },
    handWritten: { valuesPerSecond: Math.round(b.perSecond), ...profile(hand) },
    ratio,
    target: 0.8,
    met: ratio >= 0.8,
  };
}
