/**
 * What stops a run from outside (Ctrl-C, and SIGTERM and SIGHUP as sent by a
 * CI cancel, `timeout`, `docker stop` or a closed terminal) is handled alike:
 * the long command stops at its next safe point and says so, and a second
 * signal quits at once. `stopped` is what the command polls; `whenStopped`
 * lets it abandon a wait on a harness that may never answer. Harnesses never
 * outlive orc whatever ends it (adapters/stdio/watchdog.ts).
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function onInterrupt(notice: string): { stopped: () => boolean; whenStopped: Promise<void>; release: () => void } {
  let interrupted = false;
  let stop!: () => void;
  const whenStopped = new Promise<void>((r) => (stop = r));
  const handler = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    const how = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    try {
      process.stderr.write(`\n${signal === 'SIGINT' ? '' : `${signal}: `}${notice} (${how} again to quit at once)\n`);
    } catch {
      // a closed terminal (SIGHUP) cannot be told: the run stops all the same
    }
    stop();
  };
  for (const s of SIGNALS) process.on(s, handler);
  return {
    stopped: () => interrupted,
    whenStopped,
    release: () => {
      for (const s of SIGNALS) process.off(s, handler);
    },
  };
}
