import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level } from '../core/check.js';
import type { Operation } from '../core/contract.js';
import { SCHEMA_DIR } from '../core/models.js';

/** A check as `orc list` shows it: what it is, not how it runs. */
export interface ListedCheck {
  model: string;
  id: string;
  level: Level;
  needs: Operation[];
  description: string;
}

/**
 * The bundled models' checks, written by `npm run generate`
 * (scripts/generate-check-listing.ts) and held to what the suites compose by
 * a test: composing them builds every model's generators, seconds of CPU that
 * printing their names does not need.
 */
export const CHECK_LISTING_FILE = join(SCHEMA_DIR, 'bundled-checks.json');

/** The listing's text: a check a line, so a change to one check is a one-line diff. */
export function listingText(checks: readonly ListedCheck[]): string {
  return `[\n${checks.map((c) => JSON.stringify([c.model, c.id, c.level, c.needs, c.description])).join(',\n')}\n]\n`;
}

/** The bundled checks of the models named, in the order they are named. */
export function bundledChecks(models: readonly string[]): ListedCheck[] {
  const rows = JSON.parse(readFileSync(CHECK_LISTING_FILE, 'utf8')) as [string, string, Level, Operation[], string][];
  const byModel = new Map<string, ListedCheck[]>();
  for (const [model, id, level, needs, description] of rows) {
    const list = byModel.get(model) ?? [];
    list.push({ model, id, level, needs, description });
    byModel.set(model, list);
  }
  return models.flatMap((m) => byModel.get(m) ?? []);
}

/**
 * How many bundled checks each model has, read from the listing's lines
 * without building a check: `orc list` prints only the counts, and the
 * listing is a megabyte.
 */
export function bundledCheckCounts(): Map<string, number> {
  const text = readFileSync(CHECK_LISTING_FILE, 'utf8');
  // by the name as the listing spells it (JSON), read once a model
  const spelt = new Map<string, number>();
  // a row's line is `[` and the model's name as JSON, then `,` and the rest (listingText)
  for (let at = text.indexOf('\n["'); at !== -1; at = text.indexOf('\n["', at + 1)) {
    let end = at + 3;
    while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    const name = text.slice(at + 2, end + 1);
    spelt.set(name, (spelt.get(name) ?? 0) + 1);
  }
  return new Map([...spelt].map(([name, n]) => [JSON.parse(name) as string, n]));
}
