import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaSet } from '../../core/models.js';

/** The environment variable that names the run's schema file to every stdio harness. */
export const SCHEMAS_ENV = 'ORC_SCHEMAS';

/** What the file holds (schema/protocol/schemas.schema.json): every schema by `$id`, and the models in the run's order. */
export interface SchemasFile {
  schemas: Record<string, unknown>;
  models: { name: string; id: string }[];
}

export function schemasFileContent(set: SchemaSet): SchemasFile {
  return {
    schemas: Object.fromEntries(set.byId),
    models: set.models.map((m) => ({ name: m.name, id: m.id })),
  };
}

const written = new WeakMap<SchemaSet, string>();
const folders: string[] = [];
let hooked = false;

/**
 * The path of a file holding the run's schemas, written once per schema set:
 * a harness that models every schema (a second reference, a generic codec)
 * learns them from it, not from a copy that may drift. The folder goes when
 * orc exits; one killed outright leaves it in the temp folder.
 */
export function schemasFile(set: SchemaSet): string {
  const known = written.get(set);
  if (known !== undefined) return known;
  const dir = mkdtempSync(join(tmpdir(), 'orc-schemas-'));
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const d of folders) {
        try {
          rmSync(d, { recursive: true, force: true });
        } catch {
          // best effort: a temp folder left behind harms nothing
        }
      }
    });
  }
  folders.push(dir);
  const file = join(dir, 'schemas.json');
  writeFileSync(file, JSON.stringify(schemasFileContent(set)));
  written.set(set, file);
  return file;
}
