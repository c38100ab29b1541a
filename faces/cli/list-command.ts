import { BUNDLED } from '../../adapters/index.js';
import { SUITES } from '../../suites/index.js';
import { findModel, loadSchemaSet } from '../../core/models.js';
import { composeChecks } from '../../core/check.js';
import { parse } from './args.js';
import { jsonDocument } from '../../core/json.js';

export const LIST_HELP = `orc list [--model M] [--schema FILE] [--json]
                           models, suites, checks and adapters`;

export async function listCommand(argv: string[]): Promise<number> {
  const { values } = parse('list', argv, { model: { type: 'string' }, schema: { type: 'string', multiple: true }, json: { type: 'boolean' } });
  const set = loadSchemaSet(values.schema ?? []);
  const models = values.model ? values.model.split(',').map((m) => findModel(set, m.trim())) : set.models;
  const listing = {
    models: models.map((m) => ({ name: m.name, eventType: m.schema['x-event-type'] ?? null, fields: m.sdkNames })),
    suites: SUITES.map((s) => ({ name: s.name, description: s.description })),
    checks: models.flatMap((model) =>
      SUITES.flatMap((s) =>
        composeChecks(s, { set, model }).map((c) => ({ model: model.name, id: c.id, level: c.level, needs: c.needs, description: c.description })),
      ),
    ),
    adapters: BUNDLED.map((a) => ({ name: a.name, summary: a.summary, available: !a.missing?.() })),
  };
  if (values.json) {
    process.stdout.write(jsonDocument(listing));
    return 0;
  }
  const out: string[] = ['Models:'];
  for (const m of listing.models)
    out.push(
      `  ${m.name}  (${m.eventType ?? 'no event type'})  fields: ${Object.entries(m.fields)
        .map(([w, s]) => `${w}=${s}`)
        .join(', ')}`,
    );
  out.push('', 'Suites:');
  for (const s of listing.suites) out.push(`  ${s.name.padEnd(22)} ${s.description}`);
  out.push('', 'Adapters:');
  for (const a of listing.adapters) out.push(`  ${a.name.padEnd(22)} ${a.summary}${a.available ? '' : ' (available from a clone of the repository)'}`);
  let model = '';
  out.push('', 'Checks:');
  for (const c of listing.checks) {
    if (c.model !== model) out.push(`  ${(model = c.model)}`);
    out.push(`    ${c.id.padEnd(64)} ${c.description}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
