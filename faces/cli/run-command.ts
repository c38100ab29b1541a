import { counted } from '../../core/visible.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { BUNDLED, resolveAdapterSpecs } from '../../adapters/index.js';
import { jsonReport } from '../../reports/json.js';
import { terminalReport } from '../../reports/terminal.js';
import { collect } from '../../reports/collect.js';
import { findModel, loadSchemaSet } from '../../core/models.js';
import { planChecks } from '../../runner/plan.js';
import type { RunEvent } from '../../core/results.js';
import { run } from '../../runner/runner.js';
import { CHECK_BUDGET_MS } from '../../runner/run-check.js';
import { COLOR_OPTIONS, intOption, outDir, parse, useColor } from './args.js';
import { progressLine } from './progress.js';
import { startReports, writeProgressReport, writeReports } from './write-reports.js';
import { TOOL } from '../../core/tool.js';
import { readBaseline } from '../../runner/baseline.js';
import { MAX_RUNS, randomSeed } from '../../runner/replay-token.js';
import { judged } from '../../runner/gate.js';
import { UsageError } from '../../core/errors.js';
import { onInterrupt } from './interrupt.js';
import { claimOutDir } from '../../core/files.js';
import { jsonDocument } from '../../core/json.js';

/** The progress report's writes take at most one part in this many of a run's time. */
const PROGRESS_SHARE_INVERSE = 20;

function parseShard(spec: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(m?.[1]),
    count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/4, not "${spec}"`);
  return { index, count };
}

export const RUN_HELP = `orc run [options]        run the suites against implementations
  --adapter NAME|all       adapter(s) to verify, comma-separated, or the option again (default: reference);
                           cmd:<command line> runs any program that speaks the stdio protocol
  --model M                model(s) by name or event type, comma-separated (default: all)
  --suite GLOB             suites or check ids, e.g. Parse, 'Required.Parse.Rejects*'
  --level L                Required, Recommended, Informational (comma-separated)
  --runs N                 cases per property (default: 100, at most 100000)
  --seed S                 seed of the run (default: random; printed, and in every replay token)
  --schema FILE            add a model from a JSON Schema file (repeatable)
  --out DIR                where reports go (default: ./reports/out, under the current folder)
  --timeout MS             per-request limit for out-of-process adapters (default: 10000)
  --check-time MS          time one check may take, shrinking included (default: 120000); a
                           harness that hangs on a class of inputs fails it as a timeout
  --jobs N                 adapters run at once (default: the number of cores); the reports
                           are the same whatever N is
  --check-protocol         validate every harness message against schema/protocol/
  --baseline FILE          gate on a known-failure list: fail on a new failure, a listed
                           check that now passes, or a listed check that no longer exists
  --shard I/N              run the I-th of N equal parts (merge the reports with "orc report merge")
  --json                   print the JSON report on stdout instead of the table
  --verbose                the matrix of every check, not of every suite
  --max-failures N         failure groups (adapter × check) printed in full (default: 5)
  --color, --no-color      colour the terminal output (default: when stdout is a terminal;
                           NO_COLOR and FORCE_COLOR are honoured)
  --quiet                  no progress line`;

export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parse('run', argv, {
    adapter: { type: 'string', multiple: true },
    model: { type: 'string' },
    suite: { type: 'string' },
    level: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    schema: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    timeout: { type: 'string' },
    'check-protocol': { type: 'boolean' },
    baseline: { type: 'string' },
    shard: { type: 'string' },
    verbose: { type: 'boolean' },
    'max-failures': { type: 'string' },
    jobs: { type: 'string' },
    'check-time': { type: 'string' },
    ...COLOR_OPTIONS,
  });
  const jobs = intOption('jobs', values.jobs, availableParallelism());
  const checkBudgetMs = intOption('check-time', values['check-time'], CHECK_BUDGET_MS);
  const maxFailures = intOption('max-failures', values['max-failures'], 5, 0);
  const baseline = values.baseline ? readBaseline(values.baseline) : undefined;
  const set = loadSchemaSet(values.schema ?? []);
  const models = values.model ? values.model.split(',').map((m) => findModel(set, m.trim())) : set.models;
  const adapters = resolveAdapterSpecs(values.adapter ?? ['reference']);
  const cloneOnly = values.adapter?.includes('all') ? BUNDLED.filter((a) => a.missing?.()) : [];
  if (cloneOnly.length)
    process.stderr.write(
      `orc: ${cloneOnly.length} bundled adapters run from a clone of the repository only (see "orc list"); running ${adapters.map((a) => a.name).join(', ')}\n`,
    );
  const runs = intOption('runs', values.runs, 100);
  // a replay token asks for no more than this, so that one cannot ask for hours of generating
  if (runs > MAX_RUNS) throw new UsageError(`--runs takes a whole number from 1 to ${MAX_RUNS}, not "${values.runs}"`);
  const seed = intOption('seed', values.seed, randomSeed(), -(2 ** 31));
  const timeoutMs = intOption('timeout', values.timeout, 10_000);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const checks = planChecks({ set, models, suite: values.suite, level: values.level });
  const out = outDir(values.out);

  const release = claimOutDir(out);
  try {
    startReports(out);
  } catch (e) {
    release();
    throw e;
  }
  const events: RunEvent[] = [];
  // every format is written at the start, so that none still shows the previous run; then the JSON alone, less
  // and less often (a full render of every format costs as much as the checks), and every format again at the end
  let lastWrite = Date.now();
  let interval = 2000;
  const record = (e: RunEvent) => {
    events.push(e);
    if (e.type === 'run-started') writeReports(out, events);
    else if (e.type === 'check-finished' && Date.now() - lastWrite > interval) {
      const started = Date.now();
      writeProgressReport(out, events);
      lastWrite = Date.now();
      // a write grows with the report (seconds at the main job's 200 MB, every harness waiting meanwhile): kept to a twentieth of the run
      interval = Math.max(Math.min(interval * 1.5, 30_000), PROGRESS_SHARE_INVERSE * (lastWrite - started));
    }
  };
  const interrupt = onInterrupt('orc: stopping after the current check; reports will be marked incomplete');
  process.stderr.write(
    `orc ${TOOL.version}: ${counted(checks.length, 'check')} × ${counted(adapters.length, 'adapter')}, ${counted(runs, 'case')} per property, seed ${seed}\n`,
  );
  try {
    await run({
      set,
      adapters,
      checks,
      runs,
      seed,
      jobs,
      checkBudgetMs,
      ...(shard ? { shard } : {}),
      adapterEnv: { checkProtocol: values['check-protocol'] ?? false, timeoutMs },
      info: {
        tool: TOOL,
        command: ['orc', 'run', ...argv].join(' '),
        models: models.map((m) => m.name),
        selection: {
          adapters: adapters.map((a) => a.name),
          ...(values.suite ? { suite: values.suite } : {}),
          ...(values.level ? { level: values.level } : {}),
          schemas: (values.schema ?? []).map((file) => ({ file, schema: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> })),
        },
      },
      emit: record,
      progress: progressLine(process.stderr, !values.quiet),
      stopped: interrupt.stopped,
      whenStopped: interrupt.whenStopped,
    });
    if (baseline) events.push(judged(values.baseline!, baseline, events, set));
  } finally {
    interrupt.release();
    try {
      process.stderr.write(`${writeReports(out, events)}\n`);
    } finally {
      release();
    }
  }
  if (values.json) process.stdout.write(jsonDocument(jsonReport(events)));
  else process.stdout.write(terminalReport(events, { color: useColor(values), verbose: values.verbose ?? false, maxFailures }));
  return collect(events).verdict.exitCode;
}
