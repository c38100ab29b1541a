import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv, unknownKeywordOf, type Ajv } from './oracle.js';
import { placeOfKeyword } from './keyword-place.js';
import { UsageError } from './errors.js';
import { readUserJson } from './files.js';
import { checkSchemaLimits } from './schema-limits.js';

/** The package's own folder (where schema/ lives), whether this file runs as source or from dist/. */
export const PROJECT_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schema'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('openresponses-conformance: cannot find its own package folder (package.json beside schema/); reinstall the package');
    dir = up;
  }
  return dir;
})();
export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');

export type SchemaObject = Record<string, any>;

/** One event model: a JSON Schema with a title, the unit checks are planned for. */
export interface Model {
  /** The schema's title: the name people and adapters use (`OpenResponsesImageGenCallGenerating`). */
  name: string;
  id: string;
  schema: SchemaObject;
  /** Wire field name → SDK field name, from the `x-sdk-name` annotations. */
  sdkNames: Record<string, string>;
}

/** Every schema the engine knows, by `$id`, and the models among them. */
export interface SchemaSet {
  byId: Map<string, SchemaObject>;
  models: Model[];
  ajv: Ajv;
}

function readSchema(file: string): SchemaObject {
  const schema = readUserJson(file, 'schema', { unreadable: 'check the path', notJson: 'fix the file' });
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new UsageError(`schema ${file} must be a JSON object`);
  }
  return schema as SchemaObject;
}

function toModel(schema: SchemaObject, file: string): Model {
  if (typeof schema.title !== 'string' || schema.title === '') {
    throw new UsageError(`schema ${file} has no "title"; a model is named by its title`);
  }
  const sdkNames: Record<string, string> = {};
  for (const [prop, sub] of Object.entries<SchemaObject>(schema.properties ?? {})) {
    sdkNames[prop] = typeof sub?.['x-sdk-name'] === 'string' ? sub['x-sdk-name'] : prop;
  }
  return { name: schema.title, id: schema.$id, schema, sdkNames };
}

/** An extra model: a schema file's path, or the schema as a run recorded it (a merge of that run's shards). */
export type ModelSource = string | { file: string; schema: Record<string, unknown> };

/**
 * Loads the bundled schemas and any extra models. Each schema is
 * compiled by ajv here, so a broken schema is a usage error before a run starts.
 */

export function loadSchemaSet(extraModels: ModelSource[] = []): SchemaSet {
  const byId = new Map<string, SchemaObject>();
  const models: Model[] = [];
  const add = (source: ModelSource, isModel: boolean) => {
    const file = typeof source === 'string' ? source : source.file;
    const schema = typeof source === 'string' ? readSchema(file) : (structuredClone(source.schema) as SchemaObject);
    checkSchemaLimits(schema, typeof schema.title === 'string' && schema.title !== '' ? schema.title : file);
    if (typeof schema.$id !== 'string') schema.$id = `file://${resolve(file)}`;
    byId.set(schema.$id, schema);
    if (isModel) models.push(toModel(schema, file));
    return schema.$id;
  };
  // the seed's models at the top, the spec's in their folder (schema/models/open-responses/)
  const modelDir = join(SCHEMA_DIR, 'models');
  for (const f of readdirSync(modelDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.schema.json'))
    .sort())
    add(join(modelDir, f), true);
  add(join(SCHEMA_DIR, 'ImageGenCallEvent.schema.json'), false);
  const bundled = models.splice(0);
  const userIds = new Set<string>();
  for (const f of extraModels) userIds.add(add(f, true));
  // a schema given for an event type a bundled model describes, or under its $id, stands in for it: the user's model is the one checked
  const replaced = (m: Model) => models.some((extra) => extra.id === m.id || (eventTypeOf(m) !== undefined && eventTypeOf(extra) === eventTypeOf(m)));
  models.unshift(...bundled.filter((m) => !replaced(m)));

  const invalid = (id: string, e: unknown) => {
    const name = byId.get(id)?.title ?? id;
    // a stack overflow says nothing of the schema's validity: say what ran out
    if (e instanceof RangeError)
      return new UsageError(`schema ${name} is too deeply recursive for the validator to compile (ajv ran out of stack); simplify the schema file`);
    const keyword = unknownKeywordOf((e as Error).message);
    if (keyword !== undefined) {
      // the keyword may sit in another schema the failing one refers to: look there first, then in every other
      for (const [otherId, schema] of [[id, byId.get(id)] as const, ...byId]) {
        const at = placeOfKeyword(schema, keyword);
        if (at === undefined) continue;
        // one line whatever the names hold: control characters escaped, long names cut
        const shown = (s: string, max: number) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s).slice(1, -1);
        return new UsageError(
          `schema ${shown(String(schema?.title ?? otherId), 60)} has an unknown keyword "${shown(keyword, 60)}" at ${shown(at, 120)}: not JSON Schema 2020-12, nor an annotation (OpenAPI's or x-*); fix the schema file`,
        );
      }
    }
    return new UsageError(`schema ${name} is not a valid JSON Schema 2020-12 (${(e as Error).message.slice(0, 200)}); fix the schema file`);
  };
  const compile = (): Ajv => {
    const ajv = createAjv();
    for (const [id, schema] of byId) {
      try {
        // held to the meta-schema: a user's schema now; the bundled ones by test/models-valid.test.ts, not at every start (compiling the meta-schema is most of what loading costs)
        ajv.addSchema(schema, undefined, undefined, userIds.has(id));
      } catch (e) {
        throw invalid(id, e);
      }
    }
    // a user's schema compiled now, so a bad one is a usage error before anything runs; the bundled ones where first used
    for (const id of byId.keys()) {
      if (!userIds.has(id)) continue;
      try {
        ajv.getSchema(id);
      } catch (e) {
        throw invalid(id, e);
      }
    }
    return ajv;
  };
  // a user's schema is checked now, so a bad one is a usage error before anything runs; with the bundled ones only, ajv
  // loads when a validator is first asked for (orc list asks for none)
  let ajv = userIds.size > 0 ? compile() : undefined;
  return {
    byId,
    models,
    get ajv() {
      return (ajv ??= compile());
    },
  };
}

/** The model of an event's `type`, if any: a recorded stream holds events of other types too. */
export function modelOfEventType(set: SchemaSet, type: unknown): Model | undefined {
  if (typeof type !== 'string') return undefined;
  let byType = modelsByType.get(set.models);
  if (!byType) {
    byType = new Map();
    // the first model of a type, as a search in the set's order finds it
    for (const m of set.models) {
      const t = eventTypeOf(m);
      if (t !== undefined && !byType.has(t)) byType.set(t, m);
    }
    modelsByType.set(set.models, byType);
  }
  return byType.get(type);
}

/** Keyed by the models list, not the set: a set held to fewer families is a new object with a new list. */
const modelsByType = new WeakMap<readonly Model[], Map<string, Model>>();

/**
 * The event type a model describes: its `x-event-type`, or else the one
 * value its `type` property allows (a `const`, or an `enum` of one, itself
 * or through a `$ref` inside the schema), as a schema written without this
 * project's annotations says it.
 */
export function eventTypeOf(m: Model): string | undefined {
  if (typeof m.schema['x-event-type'] === 'string') return m.schema['x-event-type'];
  let type: unknown = m.schema.properties?.type;
  for (let hops = 0; hops < 8 && typeof (type as SchemaObject | undefined)?.$ref === 'string' && (type as SchemaObject).$ref.startsWith('#/'); hops++) {
    type = ((type as SchemaObject).$ref as string)
      .slice(2)
      .split('/')
      .reduce<unknown>((o, k) => (o as SchemaObject | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], m.schema);
  }
  const t = type as SchemaObject | undefined;
  if (typeof t?.const === 'string') return t.const;
  return Array.isArray(t?.enum) && t.enum.length === 1 && typeof t.enum[0] === 'string' ? t.enum[0] : undefined;
}

/** A model by its title, its event type, or the event type's last part (`generating`, `partial_image`). */
export function findModel(set: SchemaSet, name: string): Model {
  const wanted = name.toLowerCase();
  const full = set.models.find((m) => m.name.toLowerCase() === wanted || (eventTypeOf(m) ?? '').toLowerCase() === wanted);
  if (full) return full;
  // a short name (`generating`) must name one model: `done` ends a dozen event types
  const short = set.models.filter((m) => {
    const event = eventTypeOf(m) ?? '';
    return event.slice(event.lastIndexOf('.') + 1).toLowerCase() === wanted;
  });
  if (short.length > 1)
    throw new UsageError(`model "${name}" is ambiguous: it ends ${short.map((m) => eventTypeOf(m)).join(', ')}; give the event type or the title`);
  const m = short[0];
  if (!m) {
    // one line whatever the run holds: the models whose names share the most with the one given, then where the rest are
    const near = set.models.filter((m) => m.name.toLowerCase().includes(wanted) || (eventTypeOf(m) ?? '').includes(wanted)).slice(0, 3);
    throw new UsageError(
      `unknown model "${name}"${near.length ? `; did you mean ${near.map((m) => m.name).join(', ')}?` : ''}; run "orc list" for the ${set.models.length} models (a title, an event type, or its last part where one model has it)`,
    );
  }
  return m;
}
