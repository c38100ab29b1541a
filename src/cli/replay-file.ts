import { replayAdapterSpec, startAdapter } from '../../adapters/index.js';
import { visible } from '../../core/visible.js';
import { caseOf, readEntry } from '../fuzz/corpus.js';
import { runCase } from '../fuzz/judge.js';
import { loadSchemaSet } from '../../core/models.js';
import { printFailure } from './print-failure.js';

/** Reruns a failure "orc fuzz" saved: the same bytes, against its adapter or another one. */
export async function replayFile(path: string, adapterName?: string): Promise<number> {
  // every field is checked, the model against the schemas, before an adapter starts
  const set = loadSchemaSet([]);
  const entry = readEntry(path, set);
  const c = caseOf(entry);
  const adapter = await startAdapter(replayAdapterSpec(entry.adapter, adapterName), { set });
  const name = adapter.info.name;
  try {
    // the file's words are someone else's: cut and escaped
    process.stdout.write(
      `${visible(entry.mutation, 200)} · ${entry.model} · ${visible(name, 200)} (${entry.category}, ${entry.expect}; saved as ${visible(entry.kind, 60)})\n`,
    );
    process.stdout.write(`case:    ${visible(entry.detail, 400)}\n`);
    process.stdout.write(`payload: ${visible(Buffer.from(c.bytes).toString('utf8'), 400)} (${c.bytes.length} bytes)\n`);
    const v = await runCase(adapter, c);
    if (v.status === 'pass') {
      process.stdout.write(`verdict: passes now (${v.outcome})\n`);
      return 0;
    }
    return printFailure(v);
  } finally {
    await adapter.close?.();
  }
}
