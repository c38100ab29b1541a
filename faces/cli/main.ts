import { UsageError } from '../../core/errors.js';
import { TOOL } from '../../core/tool.js';
import { closest } from './args.js';

interface Command {
  help: string;
  run(argv: string[]): Promise<number>;
}

/** Each command loads when it is called: `orc --version` and one command's help load nothing else (fast-check, ajv, suites). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => {
    const m = await import('./run-command.js');
    return { help: m.RUN_HELP, run: m.runCommand };
  },
  list: async () => {
    const m = await import('./list-command.js');
    return { help: m.LIST_HELP, run: m.listCommand };
  },
  replay: async () => {
    const m = await import('./replay-command.js');
    return { help: m.REPLAY_HELP, run: m.replayCommand };
  },
  baseline: async () => {
    const m = await import('./baseline-command.js');
    return { help: m.BASELINE_HELP, run: m.baselineCommand };
  },
  report: async () => {
    const m = await import('./report-command.js');
    return { help: m.REPORT_HELP, run: m.reportCommand };
  },
  fuzz: async () => {
    const m = await import('./fuzz-command.js');
    return { help: m.FUZZ_HELP, run: m.fuzzCommand };
  },
  'check-stream': async () => {
    const m = await import('./check-stream-command.js');
    return { help: m.CHECK_STREAM_HELP, run: m.checkStreamCommand };
  },
};

async function help(): Promise<string> {
  const helps = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).help));
  return `orc ${TOOL.version}: conformance of Open Responses image-generation events

${helps.join('\n\n')}

Exit codes: 0 every Required check passed (with --baseline: the gate passed) ·
1 a Required check failed (with --baseline: a new failure, a listed check that
now passes or no longer exists), an adapter did not start, nothing was checked
for an adapter, the run is incomplete (a shard missing, a check cut short), a
replayed case still fails, fuzzing found a failure, or a checked stream breaks
a rule · 2 bad usage · 3 internal error · 130 interrupted.`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write((await help()) + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version') {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const load = COMMANDS[command];
  try {
    if (!load) {
      const near = closest(command, Object.keys(COMMANDS));
      throw new UsageError(
        `unknown command "${command}"${near ? `; did you mean "orc ${near}"?` : ''} (the commands are ${Object.keys(COMMANDS).join(', ')}; see "orc help")`,
      );
    }
    const cmd = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${cmd.help}\n`);
      return 0;
    }
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`orc: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`orc: internal error: ${(e as Error)?.message ?? String(e)}; set ORC_DEBUG=1 for the stack, and please report it\n`);
    if (process.env.ORC_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return 3;
  }
}

// a reader that stops early (`orc check-stream … | head`) closes the pipe: that ends the output, not in an internal error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
