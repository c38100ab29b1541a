/**
 * Ctrl-C asks a long command to stop at its next safe point and say so; a
 * second Ctrl-C quits at once. `stopped` is what the command polls; `whenStopped`
 * lets it abandon a wait on a harness that may never answer.
 */
export function onInterrupt(notice) {
    let interrupted = false;
    let stop;
    const whenStopped = new Promise((r) => (stop = r));
    const handler = () => {
        if (interrupted)
            process.exit(130);
        interrupted = true;
        process.stderr.write(`\n${notice} (Ctrl-C again to quit at once)\n`);
        stop();
    };
    process.on('SIGINT', handler);
    return { stopped: () => interrupted, whenStopped, release: () => process.off('SIGINT', handler) };
}
//# sourceMappingURL=interrupt.js.map