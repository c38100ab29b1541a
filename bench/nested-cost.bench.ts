import { existsSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { breakers, validValues } from '../arbitraries/index.js';
import { loadSchemaSet, type SchemaSet } from '../core/models.js';
import { createAjv } from '../core/oracle.js';
import { cutSpecEvents, DEFAULT_SPEC } from '../scripts/cut-spec-events.js';

/** The nested events issue 21 names, and the one issue 26 found slowest to plan. */
const EVENTS = ['response.output_text.delta', 'response.content_part.added', 'response.completed', 'response.output_item.added'];
const FLAT = 'OpenResponsesImageGenCallGenerating';
const ROUNDS = 5;
/** What compiling a model's valid values and listing its breakers may cost, against ajv compiling the model's validator once. */
const TARGET = 2;

interface Cost {
  ajvMs: number;
  compileMs: number;
  breakersMs: number;
  count: number;
  drawMs: number;
  buildMs: number;
  medianBytes: number;
}

const ms = (t: number) => performance.now() - t;

/** One round on a fresh schema set: nothing is cached from the round before. */
function costOf(schema: Record<string, unknown> | undefined): Cost {
  let t = performance.now();
  const ajv = createAjv();
  if (schema) ajv.compile(schema);
  else ajv.compile(loadSchemaSet().models.find((m) => m.name === FLAT)!.schema);
  const ajvMs = ms(t);
  const set: SchemaSet = schema ? loadSchemaSet([{ file: 'event.schema.json', schema }]) : loadSchemaSet();
  const model = schema ? set.models.find((m) => m.id === schema.$id)! : set.models.find((m) => m.name === FLAT)!;
  t = performance.now();
  const valid = validValues(set, model.id);
  const compileMs = ms(t);
  t = performance.now();
  const list = breakers(set, model.id);
  const breakersMs = ms(t);
  t = performance.now();
  const values = fc.sample(valid, { numRuns: 100, seed: 1 });
  const drawMs = ms(t);
  t = performance.now();
  for (const b of list) fc.sample(b.arbitrary, { numRuns: 1, seed: 1 });
  const buildMs = ms(t);
  const sizes = values.map((v) => JSON.stringify(v).length).sort((a, b) => a - b);
  return { ajvMs, compileMs, breakersMs, count: list.length, drawMs, buildMs, medianBytes: sizes[50]! };
}

const spread = (xs: number[], digits = 0) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `${median.toFixed(digits)} (${sorted[0]!.toFixed(digits)}–${sorted[sorted.length - 1]!.toFixed(digits)})`;
};

/**
 * Compiling, listing the breakers of, and drawing the nested events of the
 * spec beside the flat seed model, in interleaved rounds on fresh schema
 * sets. The baseline is ajv compiling each model's validator in the same
 * round: a schema's own size is what both pay for. The figure is the worst
 * event's (compile + breaker list) over its ajv compile.
 */
export async function benchNestedCost() {
  const name = 'nested events: compile + breaker list over ajv compiling the same schema (the flat seed model beside them)';
  if (!existsSync(DEFAULT_SPEC)) {
    return {
      name,
      lines: [`skipped: the spec document is not at ${DEFAULT_SPEC}`],
      ratio: 0,
      roundRatios: [],
      target: TARGET,
      atMost: true,
      met: true,
      skipped: true,
    };
  }
  const cut = cutSpecEvents(JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')));
  const subjects: [string, Record<string, unknown> | undefined][] = [
    [`${FLAT} (flat)`, undefined],
    ...EVENTS.map((e): [string, Record<string, unknown>] => [e, cut.find((c) => c.type === e)!.schema]),
  ];
  const rounds = new Map<string, Cost[]>(subjects.map(([label]) => [label, []]));
  costOf(undefined); // warm-up: JIT, the string pools
  for (let r = 0; r < ROUNDS; r++) for (const [label, schema] of subjects) rounds.get(label)!.push(costOf(schema));
  const flat = rounds.get(subjects[0]![0])!;
  const flatPlan = Math.max(1e-3, median(flat.map((c) => c.compileMs + c.breakersMs)));
  const lines: string[] = [];
  const ratios: number[] = [];
  const perRound: number[][] = [];
  const figures: Record<string, unknown> = {};
  for (const [label] of subjects) {
    const cs = rounds.get(label)!;
    const plan = cs.map((c) => (c.compileMs + c.breakersMs) / c.ajvMs);
    if (label !== subjects[0]![0]) {
      ratios.push(median(plan));
      perRound.push(plan);
    }
    figures[label] = cs;
    lines.push(
      `${label}: ajv ${spread(cs.map((c) => c.ajvMs))} ms · compile ${spread(cs.map((c) => c.compileMs))} ms · ${cs[0]!.count} breakers listed ${spread(cs.map((c) => c.breakersMs))} ms, each built and drawn once ${spread(cs.map((c) => c.buildMs))} ms · 100 values ${spread(cs.map((c) => c.drawMs))} ms, median ${(cs[0]!.medianBytes / 1024).toFixed(1)} KB · (compile + list) / ajv ${spread(plan, 2)}× · / the flat model's ${(median(cs.map((c) => c.compileMs + c.breakersMs)) / flatPlan).toFixed(1)}×`,
    );
  }
  const ratio = Math.max(...ratios);
  // the worst event's rounds
  const roundRatios = perRound[ratios.indexOf(ratio)]!;
  return { name, rounds: figures, lines, ratio, roundRatios, target: TARGET, atMost: true, met: ratio <= TARGET };
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}
