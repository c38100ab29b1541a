import * as fc from 'fast-check';
import { validValues } from '../arbitraries/index.js';
import type { SchemaSet } from '../core/models.js';
import { handArbitrary } from './hand-arbitrary.js';
import { compare } from './measure.js';

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
  const hand = handArbitrary(model.schema['x-event-type']);
  const validate = set.ajv.getSchema(model.id)!;
  const { a, b, ratio, roundRatios } = await compare(
    values,
    () => fc.sample(compiled, { numRuns: values, seed: 1 }),
    () => fc.sample(hand, { numRuns: values, seed: 1 }),
  );
  const profile = (arb: fc.Arbitrary<unknown>) => {
    const sample = fc.sample(arb, { numRuns: values, seed: 2 }) as any[];
    return {
      validShare: sample.filter((v) => validate(v)).length / sample.length,
      edges: Object.fromEntries(EDGES.map(([name, test]) => [name, sample.filter(test).length])),
    };
  };
  const compiledProfile = profile(compiled);
  const valid = compiledProfile.validShare;
  const handProfile = profile(hand);
  return {
    name: 'compiled arbitrary vs an edge-tuned hand-written fast-check one (seed model), 100% valid',
    values,
    compiled: { valuesPerSecond: Math.round(a.perSecond), ...compiledProfile },
    handWritten: { valuesPerSecond: Math.round(b.perSecond), ...handProfile },
    lines: [
      `compiled:     ${Math.round(a.perSecond).toLocaleString('en')} values/s, ${(valid * 100).toFixed(1)}% valid`,
      `hand-written: ${Math.round(b.perSecond).toLocaleString('en')} values/s`,
      `edge values in ${values.toLocaleString('en')} (compiled / hand-written): ${EDGES.map(([k]) => `${k} ${compiledProfile.edges[k]}/${handProfile.edges[k]}`).join(', ')}`,
    ],
    ratio,
    roundRatios,
    target: 1.0,
    met: ratio >= 1.0 && valid === 1,
  };
}
