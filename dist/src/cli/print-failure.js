import { visible } from '../../core/visible.js';
/** A replayed case that still fails, as both kinds of replay print it; the exit status CI reads. */
export function printFailure(v) {
    process.stdout.write(`verdict: FAILS (${v.kind}): ${visible(v.message, 2000)}\n`);
    if (v.answer !== undefined)
        process.stdout.write(`answer:  ${visible(v.answer, 4000)}\n`);
    if (v.stderr)
        process.stdout.write(`stderr:  ${visible(v.stderr, 4000)}\n`);
    return 1;
}
//# sourceMappingURL=print-failure.js.map