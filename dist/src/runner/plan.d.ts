import type { Model, SchemaSet } from '../../core/models.js';
import type { Check, Level } from '../../core/check.js';
/** Which checks to plan: the schema set, its models, and `orc run`'s `--suite` and `--level` filters. */
export interface PlanOptions {
    set: SchemaSet;
    models: Model[];
    suite?: string;
    level?: string;
}
export declare function parseLevels(spec: string | undefined): Level[];
/** The checks a run does, model by model, suite by suite; a suite glob matches suite names or check ids. */
export declare function planChecks(o: PlanOptions): Check[];
