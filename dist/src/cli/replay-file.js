import { replayAdapterSpec, startAdapter } from '../../adapters/index.js';
import { visible } from '../../core/visible.js';
import { caseOf, readEntry } from '../fuzz/corpus.js';
import { runCase } from '../fuzz/judge.js';
import { loadSchemaSet } from '../../core/models.js';
import { printFailure } from './print-failure.js';
/** Reruns a failure "orc fuzz" saved: the same bytes, against its adapter or another one. */
export async function replayFile(path, adapterName) {
    const entry = readEntry(path);
    const c = caseOf(entry);
    const set = loadSchemaSet([]);
    const adapter = await startAdapter(replayAdapterSpec(entry.adapter, adapterName), { set });
    const name = adapter.info.name;
    try {
        process.stdout.write(`${entry.mutation} · ${entry.model} · ${name} (${entry.category}, ${entry.expect}; saved as ${entry.kind})\n`);
        process.stdout.write(`case:    ${entry.detail}\n`);
        process.stdout.write(`payload: ${visible(Buffer.from(c.bytes).toString('utf8'), 400)} (${c.bytes.length} bytes)\n`);
        const v = await runCase(adapter, c);
        if (v.status === 'pass') {
            process.stdout.write(`verdict: passes now (${v.outcome})\n`);
            return 0;
        }
        return printFailure(v);
    }
    finally {
        await adapter.close?.();
    }
}
//# sourceMappingURL=replay-file.js.map