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
