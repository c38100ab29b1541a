import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaSet, SCHEMA_DIR } from '../core/models.js';
import { createAjv } from '../core/oracle.js';

// loading trusts the package's own schemas (compiling the meta-schema at every start cost most of a second): this is where they are held to it
describe("the package's own schemas", () => {
  const files = readdirSync(SCHEMA_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.schema.json'));

  it('are every one valid JSON Schema 2020-12 by the meta-schema', () => {
    expect(files.length).toBeGreaterThan(30);
    const ajv = createAjv();
    const invalid = files.filter((f) => !ajv.validateSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8'))));
    expect(invalid).toEqual([]);
  });

  it("every bundled model compiles, with its references, in the set's own validator", () => {
    const set = loadSchemaSet();
    for (const id of set.byId.keys()) expect(typeof set.ajv.getSchema(id), id).toBe('function');
  });

  it("a user's schema is still held to the meta-schema when it loads", () => {
    expect(() =>
      loadSchemaSet([{ file: 'mine.schema.json', schema: { $id: 'urn:mine', title: 'Mine', type: 'object', properties: { a: { type: 'strng' } } } }]),
    ).toThrow(/Mine is not a valid JSON Schema 2020-12/);
  });
});
