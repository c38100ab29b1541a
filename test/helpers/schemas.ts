import { createAjv } from '../../core/oracle.js';
import type { SchemaSource } from '../../arbitraries/index.js';
import type { SchemaObject } from '../../core/models.js';

/** A schema source holding test schemas, each given an $id so it can be compiled like a bundled one. */
export function sourceOf(schemas: Record<string, SchemaObject>): { source: SchemaSource; ids: Record<string, string> } {
  const byId = new Map<string, SchemaObject>();
  const ids: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const id = `https://test.example/${name}.json`;
    byId.set(id, { $id: id, ...schema });
    ids[name] = id;
  }
  const ajv = createAjv({ allErrors: true });
  for (const s of byId.values()) ajv.addSchema(s);
  return { source: { byId, ajv }, ids };
}
