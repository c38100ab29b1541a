import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The watchdog's whole program. It reads process group ids from a pipe
 * whose other end only orc holds ("123" to watch, "-123" to forget), and
 * when the pipe ends, which the kernel does however orc ends, SIGKILL
 * included, it kills every group it still watches and exits. It is never
 * orphaned for longer than orc lives.
 */
const PROGRAM = `
const groups = new Set();
let rest = '';
const end = () => {
  for (const g of groups) { try { process.kill(-g, 'SIGKILL'); } catch {} }
  process.exit(0);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  const lines = (rest + d).split('\\n');
  rest = lines.pop();
  for (const l of lines) if (l.startsWith('-')) groups.delete(Number(l.slice(1))); else if (l) groups.add(Number(l));
});
process.stdin.on('end', end);
process.stdin.on('error', end);
process.on('SIGTERM', end);
`;

/** What the tests look for in a process's command line to find orc's watchdog. */
export const WATCHDOG_MARK = 'orc-harness-watchdog';

let dog: ChildProcess | undefined;

/**
 * One watchdog per orc, started with the first harness, in a session of its
 * own: a signal to orc's whole process group (a CI cancel, `timeout`,
 * `docker stop`) must not reach it before it has done its work. Neither it
 * nor its pipe keeps orc alive.
 */
function watchdog(): ChildProcess {
  if (dog) return dog;
  const d = spawn(process.execPath, ['-e', PROGRAM, WATCHDOG_MARK, String(process.pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  d.unref();
  (d.stdin as unknown as { unref(): void }).unref();
  d.stdin!.on('error', () => {});
  d.on('exit', () => {
    if (dog === d) dog = undefined;
  });
  dog = d;
  return d;
}

/** From now until `forget`, the group dies with orc, however orc dies. */
export function watchGroup(pgid: number): void {
  watchdog().stdin!.write(`${pgid}\n`);
}

export function forgetGroup(pgid: number): void {
  dog?.stdin!.write(`-${pgid}\n`);
}
