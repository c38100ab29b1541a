#!/usr/bin/env node
// node surfaced-schemas.mjs openai|open-responses DIR --out OUT
// Writes, for each event schema in DIR whose type the provider turns into a part on its own, the same schema cut
// to the members that part carries (parts.mjs): the models `orc run --schema` checks these adapters on, so that
// every verdict is about a member a program using the SDK is handed. Nothing else of the schema changes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SURFACES, eventTypeOf, surfacedMembers } from './parts.mjs';

const [provider, dir, flag, out] = process.argv.slice(2);
const fail = (why) => {
  process.stderr.write(`surfaced-schemas: ${why}\n`);
  process.exit(2);
};
if (!SURFACES[provider] || !dir || flag !== '--out' || !out) fail(`usage: node surfaced-schemas.mjs ${Object.keys(SURFACES).join('|')} DIR --out OUT`);

let files;
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch (e) {
  fail(`cannot read ${dir}: ${e.message}`);
}
mkdirSync(out, { recursive: true });
const pkg = provider === 'openai' ? '@ai-sdk/openai' : '@ai-sdk/open-responses';
let written = 0;
for (const f of files) {
  let schema;
  try {
    schema = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  } catch (e) {
    fail(`${join(dir, f)} is not JSON: ${e.message}`);
  }
  const type = eventTypeOf(schema);
  const members = surfacedMembers(provider, type);
  if (!members) continue;
  const defs = { ...schema.$defs };
  for (const [name, drop] of Object.entries(SURFACES[provider][type].cut ?? {})) {
    if (!defs[name]) continue;
    const props = Object.fromEntries(Object.entries(defs[name].properties ?? {}).filter(([k]) => !drop.includes(k)));
    defs[name] = { ...defs[name], properties: props, required: (defs[name].required ?? []).filter((k) => !drop.includes(k)) };
  }
  const cut = {
    ...schema,
    $id: `urn:orc:ts-ai-sdk-${provider}:${schema.$id ?? f}`,
    title: `${schema.title ?? eventTypeOf(schema)} (what ${pkg}'s parts carry)`,
    properties: Object.fromEntries(Object.entries(schema.properties).filter(([k]) => members.includes(k))),
    required: (schema.required ?? []).filter((k) => members.includes(k)),
    ...(schema.$defs ? { $defs: defs } : {}),
  };
  writeFileSync(join(out, f), JSON.stringify(cut, null, 2) + '\n');
  written++;
}
process.stdout.write(`${written} schema(s) written to ${out}\n`);
