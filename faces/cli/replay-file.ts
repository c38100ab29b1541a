import { visible } from '../../core/visible.js';
import { replaySaved } from '../../fuzz/replay-saved.js';
import { printFailure } from './print-failure.js';

/** Prints a saved failure run again; the file's words are someone else's, so every one is cut and escaped. */
export async function replayFile(path: string, adapterName?: string): Promise<number> {
  const { entry, case: c, adapter, verdict: v } = await replaySaved(path, adapterName);
  process.stdout.write(
    `${visible(entry.mutation, 200)} · ${entry.model} · ${visible(adapter, 200)} (${entry.category}, ${entry.expect}; saved as ${visible(entry.kind, 60)})\n`,
  );
  process.stdout.write(`case:    ${visible(entry.detail, 400)}\n`);
  process.stdout.write(`payload: ${visible(Buffer.from(c.bytes).toString('utf8'), 400)} (${c.bytes.length} bytes)\n`);
  if (v.status === 'pass') {
    process.stdout.write(`verdict: passes now (${v.outcome})\n`);
    return 0;
  }
  return printFailure(v);
}
