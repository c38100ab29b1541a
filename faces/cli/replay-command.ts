import { existsSync } from 'node:fs';
import { visible } from '../../core/visible.js';
import type { Shown } from '../../core/check.js';
import { UsageError } from '../../core/errors.js';
import { loadSchemaSet } from '../../core/models.js';
import { replayToken } from '../../runner/replay.js';
import { parse } from './args.js';
import { printFailure } from './print-failure.js';
import { replayFile } from './replay-file.js';

export const REPLAY_HELP = `orc replay TOKEN [--adapter NAME] [--schema FILE]
                           rerun exactly the case a failure reported
orc replay FILE [--adapter NAME]
                           rerun a failure "orc fuzz" saved (against its adapter, or another)
                           A token or file never starts a program: a harness of your own
                           is named in the call, --adapter 'NAME=cmd:<command line>'`;

function printShown(s: Shown): void {
  if (s.payload) {
    process.stdout.write(`payload: ${visible(s.payload.text, 4000)}\n`);
    process.stdout.write(`bytes:   ${s.payload.base64}\n`);
  }
  if (s.value !== undefined) process.stdout.write(`value:   ${visible(JSON.stringify(s.value), 4000)}\n`);
  if (s.note) process.stdout.write(`note:    ${visible(s.note, 2000)}\n`);
}

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('replay', argv, { schema: { type: 'string', multiple: true }, adapter: { type: 'string' } }, 1);
  if (!positionals[0]) throw new UsageError('orc replay needs the token a report printed (orc replay orc1.…) or a file orc fuzz saved');
  // a token is one word; anything that looks like a path is a corpus file
  if (/[/\\]|\.json$/i.test(positionals[0]) || existsSync(positionals[0])) return replayFile(positionals[0], values.adapter);
  const { target, check, adapter, shown, verdict: v } = await replayToken(positionals[0], { adapter: values.adapter, set: loadSchemaSet(values.schema ?? []) });
  process.stdout.write(`${check.id} · ${check.model} · ${visible(adapter, 200)} (seed ${target.seed}, path ${visible(target.path, 200)})\n`);
  printShown(shown);
  switch (v.status) {
    case 'fail':
      return printFailure(v);
    case 'unsupported':
      process.stdout.write(`verdict: unsupported: ${visible(v.message, 2000)}\n`);
      return 0;
    case 'vacuous':
      process.stdout.write(`verdict: says nothing now (${visible(v.reason ?? 'its precondition does not hold', 2000)})\n`);
      return 0;
    default:
      process.stdout.write('verdict: passes now\n');
      return 0;
  }
}
