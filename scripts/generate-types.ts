import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { loadSchemaSet, PROJECT_ROOT, SCHEMA_DIR, type Model } from '../core/models.js';

/** The `$id`s of the spec's models begin so (scripts/cut-spec-events.ts). */
const SPEC_ID = 'urn:openresponses:';

export const GENERATED_FILE = join(PROJECT_ROOT, 'core', 'generated', 'model-types.ts');
/** The spec's events and their shared types, a file of their own: the public API exports them as one namespace, so `Error` or `Message` never shadows a user's own. */
export const SPEC_TYPES_FILE = join(PROJECT_ROOT, 'core', 'generated', 'spec-types.ts');

const BANNER = `/* eslint-disable */
/**
 * Generated from schema/ by \`npm run generate\` (json-schema-to-typescript).
 * Do not edit: change the schema and generate again; a test fails when this
 * file and the schemas disagree.
 */`;

/** The TypeScript types of the seed's models and of their union, and of the spec's events, as the two files' texts. */
export async function generateTypes(): Promise<{ seed: string; spec: string }> {
  const set = loadSchemaSet();
  const parts: string[] = [BANNER];
  const spec = set.models.filter((m) => m.id.startsWith(SPEC_ID));
  for (const model of set.models.filter((m) => !spec.includes(m))) {
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
  return { seed: parts.join('\n\n') + '\n', spec: `${BANNER}\n\n${await specTypes(spec)}\n` };
}

/** The spec's models share their `$defs` (a response object in six events): compiled as one union, each shared type is declared once. */
async function specTypes(models: Model[]): Promise<string> {
  const defs: Record<string, unknown> = {};
  for (const m of models) {
    const { $defs, $schema, $id, ...root } = m.schema;
    for (const [name, def] of Object.entries<unknown>($defs ?? {})) {
      if (name in defs && JSON.stringify(defs[name]) !== JSON.stringify(def))
        throw new Error(`$defs/${name} differs between the spec's models; the union would name two types one way`);
      defs[name] = def;
    }
    defs[m.name] = root;
  }
  const union = { title: 'OpenResponsesStreamingEvent', anyOf: models.map((m) => ({ $ref: `#/$defs/${m.name}` })), $defs: defs };
  const ts = await compile(union as never, 'OpenResponsesStreamingEvent', {
    bannerComment: '',
    additionalProperties: false,
    format: true,
    declareExternallyReferenced: true,
  });
  return `/**\n * Every streaming event of the Open Responses specification (schema/models/open-responses/).\n */\n${ts.trim()}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { seed, spec } = await generateTypes();
  writeFileSync(GENERATED_FILE, seed);
  writeFileSync(SPEC_TYPES_FILE, spec);
  process.stdout.write(`wrote ${GENERATED_FILE} and ${SPEC_TYPES_FILE}\n`);
}
