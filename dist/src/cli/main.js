import { UsageError } from '../../core/errors.js';
import { BASELINE_HELP, baselineCommand } from './baseline-command.js';
import { FUZZ_HELP, fuzzCommand } from './fuzz-command.js';
import { CHECK_STREAM_HELP, checkStreamCommand } from './check-stream-command.js';
import { LIST_HELP, listCommand } from './list-command.js';
import { REPORT_HELP, reportCommand } from './report-command.js';
import { REPLAY_HELP, replayCommand } from './replay-command.js';
import { RUN_HELP, runCommand } from './run-command.js';
import { TOOL } from '../../core/tool.js';
import { closest } from './args.js';
const HELP = `orc ${TOOL.version}: conformance of Open Responses image-generation events

${RUN_HELP}

${LIST_HELP}

${REPLAY_HELP}

${BASELINE_HELP}

${REPORT_HELP}

${FUZZ_HELP}

${CHECK_STREAM_HELP}

Exit codes: 0 every Required check passed (with --baseline: the gate passed) ·
1 a Required check failed (with --baseline: a new failure, a listed check that
now passes or no longer exists), an adapter did not start, a replayed case
still fails, fuzzing found a failure, or a checked stream breaks a rule · 2 bad usage · 3 internal error · 130 interrupted.`;
const COMMAND_HELP = { run: RUN_HELP, list: LIST_HELP, replay: REPLAY_HELP, baseline: BASELINE_HELP, report: REPORT_HELP, fuzz: FUZZ_HELP, 'check-stream': CHECK_STREAM_HELP };
const COMMANDS = { run: runCommand, list: listCommand, replay: replayCommand, baseline: baselineCommand, report: reportCommand, fuzz: fuzzCommand, 'check-stream': checkStreamCommand };
export async function main(argv) {
    const [command, ...rest] = argv;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
        process.stdout.write(HELP + '\n');
        return command ? 0 : 2;
    }
    if (command === '--version') {
        process.stdout.write(`${TOOL.version}\n`);
        return 0;
    }
    const fn = COMMANDS[command];
    try {
        if (!fn) {
            const near = closest(command, Object.keys(COMMANDS));
            throw new UsageError(`unknown command "${command}"${near ? `; did you mean "orc ${near}"?` : ''} (the commands are ${Object.keys(COMMANDS).join(', ')}; see "orc help")`);
        }
        if (rest.includes('--help') || rest.includes('-h')) {
            process.stdout.write(`${COMMAND_HELP[command]}\n`);
            return 0;
        }
        return await fn(rest);
    }
    catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`orc: ${e.message}\n`);
            return 2;
        }
        process.stderr.write(`orc: internal error: ${e?.message ?? String(e)}; set ORC_DEBUG=1 for the stack, and please report it\n`);
        if (process.env.ORC_DEBUG)
            process.stderr.write(`${e?.stack ?? ''}\n`);
        return 3;
    }
}
process.exitCode = await main(process.argv.slice(2));
//# sourceMappingURL=main.js.map