import type { SchemaSet } from '../../core/models.js';
import { type Baseline, type BaselineEntry } from '../runner/baseline.js';
import type { RunEvent } from '../../core/results.js';
/** Whether a baseline entry names an adapter, model and check that still exist (filters aside). */
export declare function entryExists(set: SchemaSet, ran?: ReadonlySet<string>): (e: BaselineEntry) => boolean;
/** The baseline's verdict on a run's results, as the event every reporter reads. */
export declare function judged(file: string, baseline: Baseline, events: RunEvent[], set: SchemaSet): RunEvent;
