/**
 * Ctrl-C asks a long command to stop at its next safe point and say so; a
 * second Ctrl-C quits at once. `stopped` is what the command polls.
 */
export function onInterrupt(notice: string): { stopped: () => boolean; release: () => void } {
  let interrupted = false;
  const handler = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write(`\n${notice} (Ctrl-C again to quit at once)\n`);
  };
  process.on('SIGINT', handler);
  return { stopped: () => interrupted, release: () => process.off('SIGINT', handler) };
}
