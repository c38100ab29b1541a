import { visible } from '../../core/visible.js';

/** A replayed case that still fails, as both kinds of replay print it; the exit status CI reads. */
export function printFailure(v: { kind: string; message: string; answer?: string; stderr?: string }): 1 {
  process.stdout.write(`verdict: FAILS (${visible(v.kind, 60)}): ${visible(v.message, 2000)}\n`);
  if (v.answer !== undefined) process.stdout.write(`answer:  ${visible(v.answer, 4000)}\n`);
  if (v.stderr) process.stdout.write(`stderr:  ${visible(v.stderr, 4000)}\n`);
  return 1;
}
