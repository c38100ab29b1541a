import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { loadSchemaSet, PROJECT_ROOT, SCHEMA_DIR } from '../core/models.js';

export const GENERATED_FILE = join(PROJECT_ROOT, 'core', 'generated', 'model-types.ts');

const BANNER = `/* eslint-disable */
/**
 * Generated from schema/ by \`npm run generate\` (json-schema-to-typescript).
 * Do not edit: change the schema and generate again; a test fails when this
 * file and the schemas disagree.
 */`;

/** The TypeScript types of every bundled model and of their union, as one file's text. */
export async function generateTypes(): Promise<string> {
  const set = loadSchemaSet();
  const parts: string[] = [BANNER];
  for (const model of set.models) {
    const ts = await compile(structuredClone(model.schema), model.name, {
      bannerComment: '',
      additionalProperties: false,
      cwd: join(SCHEMA_DIR, 'models'),
      format: true,
      declareExternallyReferenced: true,
    });
    parts.push(ts.trim());
  }
  // The union's members are other files; naming them by title keeps one declaration per model.
  const union = [...set.byId.values()].find((s) => s.title === 'ImageGenCallEvent')!;
  const members = (union.oneOf as { $ref: string }[]).map((r) => set.byId.get(new URL(r.$ref, union.$id).href)!.title as string);
  parts.push(`/**\n * ${union.description}\n */\nexport type ImageGenCallEvent = ${members.join(' | ')};`);
  return parts.join('\n\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(GENERATED_FILE, await generateTypes());
  process.stdout.write(`wrote ${GENERATED_FILE}\n`);
}
