import { replayAdapterSpec, startAdapter } from '../adapters/index.js';
import type { FuzzCase } from '../arbitraries/wire/mutations.js';
import { loadSchemaSet } from '../core/models.js';
import { caseOf, readEntry, type CorpusEntry } from './corpus.js';
import { runCase, type FuzzVerdict } from './judge.js';

/** A failure `orc fuzz` saved, run again: the same bytes, against its adapter or another. */
export interface SavedReplay {
  entry: CorpusEntry;
  case: FuzzCase;
  /** The adapter it ran against now, as that adapter names itself. */
  adapter: string;
  verdict: FuzzVerdict;
}

/**
 * Reads a saved failure and runs it: every field is checked, the model
 * against the schemas, before an adapter starts, so a bad file costs one line
 * and starts nothing.
 */
export async function replaySaved(path: string, adapterName?: string): Promise<SavedReplay> {
  const set = loadSchemaSet([]);
  const entry = readEntry(path, set);
  const c = caseOf(entry);
  const adapter = await startAdapter(replayAdapterSpec(entry.adapter, adapterName), { set });
  try {
    return { entry, case: c, adapter: adapter.info.name, verdict: await runCase(adapter, c) };
  } finally {
    await adapter.close?.();
  }
}
