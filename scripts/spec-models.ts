/**
 * The project's canonical schemas of the Open Responses streaming events,
 * made from the spec's OpenAPI document: each event cut out with every schema
 * it reaches (scripts/cut-spec-events.ts), then its annotations and prose
 * dropped (descriptions, titles, defaults, examples, OpenAPI's discriminator,
 * `x-…`), its names and rules kept. A model is named by its component
 * (`ResponseOutputTextDeltaStreamingEvent`), its `$defs` by theirs.
 *
 *   tsx scripts/spec-models.ts [SPEC.json]
 *
 * writes schema/models/open-responses/; test/spec-models.test.ts holds the
 * committed files to the document wherever the document is beside the clone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cutSpecEvents, DEFAULT_SPEC } from './cut-spec-events.js';
import { LIST, MAP, ONE } from '../core/keyword-place.js';

type Obj = Record<string, unknown>;

export const SPEC_MODEL_DIR = resolve(import.meta.dirname, '..', 'schema', 'models', 'open-responses');

/** Keywords that say nothing of validity (JSON Schema's annotations, OpenAPI's and the spec's own). */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'example',
  'examples',
  'discriminator',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'externalDocs',
]);
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema with its annotations dropped at every depth; rules (`enum`, `const`, `required`, …) copied as written. */
export function withoutAnnotations(schema: unknown): unknown {
  if (!isObj(schema)) return schema;
  const out: Obj = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k) || k.startsWith('x-')) continue;
    if (MAP.has(k) && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, withoutAnnotations(s)]));
    else if (LIST.has(k) && Array.isArray(v)) out[k] = v.map(withoutAnnotations);
    else if (ONE.has(k)) out[k] = withoutAnnotations(v);
    else out[k] = v;
  }
  return out;
}

export interface SpecModel {
  /** The file's name in schema/models/open-responses/. */
  file: string;
  /** Its text, as committed. */
  text: string;
}

/** Every streaming event of the document as this project's model: the component's name its title. */
export function specModels(doc: Obj): SpecModel[] {
  return cutSpecEvents(doc).map((e) => {
    const { $schema, $id, ...rest } = withoutAnnotations(e.schema) as Obj;
    const schema = { $schema, $id, title: e.component, ...rest };
    return { file: `${e.component}.schema.json`, text: `${JSON.stringify(schema, null, 2)}\n` };
  });
}

function main(argv: string[]): number {
  if (argv.length > 1 || argv.some((a) => a.startsWith('-'))) {
    process.stderr.write('usage: tsx scripts/spec-models.ts [SPEC.json]\n');
    return 2;
  }
  const spec = resolve(argv[0] ?? DEFAULT_SPEC);
  if (!existsSync(spec)) {
    process.stderr.write(`spec-models: no spec document at ${spec}; give its path (CI puts ../shared beside the clone)\n`);
    return 2;
  }
  let models: SpecModel[];
  try {
    models = specModels(JSON.parse(readFileSync(spec, 'utf8')) as Obj);
  } catch (e) {
    process.stderr.write(`spec-models: ${spec}: ${(e as Error).message}\n`);
    return 2;
  }
  mkdirSync(SPEC_MODEL_DIR, { recursive: true });
  // a model the document no longer has must not outlive it
  for (const f of readdirSync(SPEC_MODEL_DIR)) if (f.endsWith('.schema.json')) rmSync(join(SPEC_MODEL_DIR, f));
  for (const m of models) writeFileSync(join(SPEC_MODEL_DIR, m.file), m.text);
  process.stdout.write(`${models.length} models written to ${SPEC_MODEL_DIR}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
