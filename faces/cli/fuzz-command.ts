import { join, resolve } from 'node:path';
import { resolveAdapterSpecs } from '../../adapters/index.js';
import { behaviourTable, fuzzSummary } from '../../reports/fuzz.js';
import { UsageError } from '../../core/errors.js';
import { fuzz, type FuzzResult } from '../../fuzz/fuzzer.js';
import { findModel, loadSchemaSet } from '../../core/models.js';
import { randomSeed } from '../../runner/replay-token.js';
import { intOption, outDir, parse } from './args.js';
import { claimOutDir, safeFileName, writeAtomic } from '../../core/files.js';
import { onInterrupt } from './interrupt.js';
import { mkdirSync } from 'node:fs';
import { jsonDocument } from '../../core/json.js';

export const FUZZ_HELP = `orc fuzz [options]       hostile wire-level payloads against parsers, for a time budget
  --adapter NAME|all       adapter(s), comma-separated (default: reference); cmd:<command line> too
  --time T                 budget per adapter: 60s, 5m, 1h, 500ms (default: 60s)
  --model M                model(s) to aim at (default: all)
  --seed S                 seed (default: random; printed)
  --corpus DIR             where each distinct failure is saved (default: <out>/fuzz-corpus/<adapter>/)
  --out DIR                where fuzz-report.json and fuzz-summary.md go (default: ./reports/out)
  --timeout MS             per-request limit for out-of-process adapters: longer is a hang (default: 10000)
  --quiet                  no progress line
                           "orc replay FILE" reruns a saved failure; Ctrl-C stops and keeps the corpus`;

/** A week: a budget past it is a typo, and past about 24 days a timer would not even fire. */
const MAX_BUDGET_MS = 7 * 24 * 3600 * 1000;

export function parseDuration(spec: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(spec.trim());
  if (!m) throw new UsageError(`--time takes a duration like 60s, 5m or 500ms, not "${spec}"`);
  const n = Number(m[1]);
  const ms = Math.round(m[2] === 'ms' ? n : m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : n * 1000);
  if (!(ms >= 1) || ms > MAX_BUDGET_MS) throw new UsageError(`--time takes a duration from 1ms to 168h, not "${spec}"`);
  return ms;
}

export async function fuzzCommand(argv: string[]): Promise<number> {
  const { values } = parse('fuzz', argv, {
    adapter: { type: 'string', multiple: true },
    time: { type: 'string' },
    model: { type: 'string' },
    seed: { type: 'string' },
    corpus: { type: 'string' },
    out: { type: 'string' },
    timeout: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const timeMs = parseDuration(values.time ?? '60s');
  const set = loadSchemaSet([]);
  const models = values.model ? values.model.split(',').map((m) => findModel(set, m.trim())) : set.models;
  const factories = resolveAdapterSpecs(values.adapter ?? ['reference']);
  const seed = intOption('seed', values.seed, randomSeed(), -(2 ** 31));
  const timeoutMs = intOption('timeout', values.timeout, 10_000);
  const out = outDir(values.out);
  const corpusRoot = resolve(values.corpus ?? join(out, 'fuzz-corpus'));

  const release = claimOutDir(out);
  try {
    mkdirSync(corpusRoot, { recursive: true });
  } catch (e) {
    release();
    throw new UsageError(`cannot make the corpus folder ${corpusRoot}: ${(e as NodeJS.ErrnoException).code}; give --corpus a folder you can write to`);
  }
  const interrupt = onInterrupt('orc fuzz: stopping after the cases in flight; the corpus is kept');
  const results: FuzzResult[] = [];
  let failedToStart = false;
  const tty = process.stderr.isTTY === true;
  try {
    for (const f of factories) {
      if (interrupt.stopped()) break;
      process.stderr.write(`orc fuzz ${f.name}: ${(timeMs / 1000).toFixed(0)}s, seed ${seed}, corpus ${join(corpusRoot, safeFileName(f.name))}\n`);
      let adapter;
      try {
        adapter = await f.create({ set, timeoutMs });
      } catch (e) {
        process.stderr.write(`orc fuzz: adapter ${f.name} did not start: ${(e as Error).message}\n`);
        failedToStart = true;
        continue;
      }
      let lastLine = 0;
      try {
        results.push(
          await fuzz({
            set,
            models,
            adapter,
            seed,
            timeMs,
            corpusDir: join(corpusRoot, safeFileName(f.name)),
            stopped: interrupt.stopped,
            progress: (r, elapsed) => {
              if (values.quiet || Date.now() - lastLine < (tty ? 250 : 5000)) return;
              lastLine = Date.now();
              const failures = r.failures.reduce((n, x) => n + x.count, 0);
              const line = `  ${r.cases} cases · ${failures} failures (${r.failures.length} distinct) · ${Math.round((r.cases / Math.max(elapsed, 1)) * 1000)} cases/s · ${Math.max(0, (timeMs - elapsed) / 1000).toFixed(0)}s left`;
              process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
            },
          }),
        );
        if (tty && !values.quiet) process.stderr.write('\n');
      } finally {
        await adapter.close?.();
      }
    }
  } finally {
    interrupt.release();
    try {
      writeAtomic(join(out, 'fuzz-report.json'), jsonDocument({ tool: 'orc fuzz', seed, timeMs, complete: !interrupt.stopped(), results }));
      writeAtomic(join(out, 'fuzz-summary.md'), `# orc fuzz\n\n${fuzzSummary(results, true)}\n${behaviourTable(results)}`);
    } finally {
      release();
    }
  }
  process.stdout.write(fuzzSummary(results));
  process.stderr.write(`reports: ${join(out, 'fuzz-report.json')}, ${join(out, 'fuzz-summary.md')}\n`);
  if (interrupt.stopped()) return 130;
  return failedToStart || results.some((r) => r.failures.length > 0) ? 1 : 0;
}
