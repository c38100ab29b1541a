import { composeChecks } from '../core/check.js';
import type { Model, SchemaSet } from '../core/models.js';
import { SUITES } from '../suites/index.js';
import type { ListedCheck } from './check-listing.js';

/** Every check the suites make for the models, in plan order, as `orc list` shows them. */
export function composeListing(set: SchemaSet, models: readonly Model[]): ListedCheck[] {
  return models.flatMap((model) =>
    SUITES.flatMap((s) =>
      composeChecks(s, { set, model }).map((c) => ({ model: model.name, id: c.id, level: c.level, needs: c.needs, description: c.description })),
    ),
  );
}
