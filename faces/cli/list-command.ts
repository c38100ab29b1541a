import { BUNDLED } from '../../adapters/index.js';
import { eventTypeOf, findModel, loadSchemaSet } from '../../core/models.js';
import { FAMILIES, modelFamily } from '../../core/families.js';
import { SUITE_DESCRIPTIONS } from '../../suites/catalog.js';
import { bundledCheckCounts, bundledChecks, type ListedCheck } from '../../runner/check-listing.js';
import { parse } from './args.js';
import { jsonDocument } from '../../core/json.js';

export const LIST_HELP = `orc list [--model M] [--checks] [--schema FILE] [--json]
                           models by family, suites and adapters; each model's checks are
                           counted, and listed with --checks, or for the models --model names
                           (--json holds everything)`;

export async function listCommand(argv: string[]): Promise<number> {
  const { values } = parse('list', argv, {
    model: { type: 'string' },
    checks: { type: 'boolean' },
    schema: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const set = loadSchemaSet(values.schema ?? []);
  const chosen = values.model ? values.model.split(',').map((m) => findModel(set, m.trim())) : set.models;
  const models = chosen.map((model) => ({ family: modelFamily(model.name), model })).sort((a, b) => FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family));
  // the bundled models' checks are listed as generated; a schema of the user's (the set's last models) is composed, with the suites' generators
  const given = new Set(set.models.slice(set.models.length - (values.schema?.length ?? 0)));
  const composed: ListedCheck[] =
    given.size > 0
      ? (await import('../../runner/compose-listing.js')).composeListing(
          set,
          models.map((m) => m.model).filter((m) => given.has(m)),
        )
      : [];
  const bundledNames = models.map((m) => m.model.name).filter((name) => ![...given].some((g) => g.name === name));
  // the checks themselves only where they are printed: a megabyte of listing, to count
  const listed = values.json || values.checks || values.model;
  const all = [...(listed ? bundledChecks(bundledNames) : []), ...composed];
  const byModel = new Map<string, ListedCheck[]>();
  for (const c of all) {
    const mine = byModel.get(c.model);
    if (mine) mine.push(c);
    else byModel.set(c.model, [c]);
  }
  const checks = models.map(({ model }) => byModel.get(model.name) ?? []);
  const counts = listed ? undefined : bundledCheckCounts();
  const listing = {
    models: models.map(({ family, model }, i) => ({
      name: model.name,
      family,
      eventType: eventTypeOf(model) ?? null,
      fields: model.sdkNames,
      checks: checks[i]!.length + (counts && bundledNames.includes(model.name) ? (counts.get(model.name) ?? 0) : 0),
    })),
    suites: Object.entries(SUITE_DESCRIPTIONS).map(([name, description]) => ({ name, description })),
    checks: checks.flat(),
    adapters: BUNDLED.map((a) => ({ name: a.name, summary: a.summary, available: !a.missing?.() })),
  };
  if (values.json) {
    process.stdout.write(jsonDocument(listing));
    return 0;
  }
  const out: string[] = [`Models (${listing.models.length}), by family:`];
  for (const family of FAMILIES.filter((f) => models.some((m) => m.family === f))) {
    const mine = listing.models.filter((m) => m.family === family);
    // columns padded within a family, so a long name elsewhere does not push every line right
    const nameWidth = Math.max(...mine.map((m) => m.name.length));
    const typeWidth = Math.max(...mine.map((m) => (m.eventType ?? 'no event type').length));
    out.push(`  ${family}`);
    for (const m of mine)
      out.push(
        `    ${m.name.padEnd(nameWidth)}  ${(m.eventType ?? 'no event type').padEnd(typeWidth)}  ${String(m.checks).padStart(4)} checks  fields: ${fieldList(m.fields)}`,
      );
  }
  out.push('', 'Suites:');
  for (const s of listing.suites) out.push(`  ${s.name.padEnd(22)} ${s.description}`);
  out.push('', 'Adapters:');
  const adapterWidth = Math.max(22, ...listing.adapters.map((a) => a.name.length));
  for (const a of listing.adapters)
    out.push(`  ${a.name.padEnd(adapterWidth)} ${a.summary}${a.available ? '' : ' (available from a clone of the repository)'}`);
  out.push('');
  if (values.checks || values.model) {
    let model = '';
    out.push('Checks:');
    for (const c of listing.checks) {
      if (c.model !== model) out.push(`  ${(model = c.model)}`);
      out.push(`    ${c.id.padEnd(64)} ${c.description}`);
    }
  } else {
    // thousands of lines for the bundled models: counted above, listed on request
    out.push(
      `Checks: ${listing.models.reduce((n, m) => n + m.checks, 0)} over ${listing.models.length} models, counted on each model's line; "orc list --model M" lists a model's, "orc list --checks" every one.`,
    );
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

/** `type, item_id`: the SDK's name beside a field's only where it differs (`item_id=ItemID`). */
function fieldList(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([wire, sdk]) => (wire === sdk ? wire : `${wire}=${sdk}`))
    .join(', ');
}
