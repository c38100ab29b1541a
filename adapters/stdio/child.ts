import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { plainArgv } from './command-line.js';
import { forgetGroup, watchGroup } from './watchdog.js';

/** The last bytes of a stream, kept to attach to a failure. */
class Tail {
  private text = '';
  constructor(private readonly max: number) {}
  push(s: string) {
    this.text = (this.text + s).slice(-this.max);
  }
  get value() {
    return this.text;
  }
}

export interface ChildEvents {
  line(line: string): void;
  exit(description: string): void;
  /** A line grew past the limit before its newline came: a fault of its own kind, never a hang. */
  oversized(limit: number): void;
}

const SHORT_LINE = 64 * 1024;

/** Replies carry 10 MB payloads as base64, and more; a line past this is a harness out of control. */
export const MAX_LINE_CHARS = 256 * 1024 * 1024;

/**
 * Process groups still alive: killed when orc exits; when orc is killed
 * before it can (SIGKILL, a signal it does not handle), the watchdog kills them.
 */
const live = new Set<number>();
let hooked = false;
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone already
  }
  if (live.delete(pid)) forgetGroup(pid);
}
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pid of [...live]) killGroup(pid);
  });
}

/**
 * One harness process: lines out of stdout, stderr kept aside (never a
 * fault by itself), one event when it is gone. It runs in a process group
 * of its own, so that a shell's children and a harness's own children go
 * with it; once it is gone its pipes are closed from this side, so that a
 * grandchild holding them cannot keep orc waiting.
 */
/**
 * Whether a process of the group other than the shell orc started (or a
 * fork of it: a shell that execs a command takes that command's line) holds
 * `target` (what /proc shows the pipe's write end as).
 */
function pipeHolders(group: number, target: string, shellLine: string): boolean {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== group) continue;
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8') === shellLine) continue;
      if (
        readdirSync(`/proc/${d}/fd`).some((fd) => {
          try {
            return readlinkSync(`/proc/${d}/fd/${fd}`) === target;
          } catch {
            return false;
          }
        })
      )
        return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

export class HarnessProcess {
  readonly stderr = new Tail(4096);
  private readonly proc: ChildProcess;
  /** Text after the last newline, kept as chunks: each byte is scanned once. */
  private pending: string[] = [];
  private pendingLength = 0;
  private gone = false;

  constructor(
    command: string[] | string,
    cwd: string | undefined,
    events: ChildEvents,
    maxLineChars = MAX_LINE_CHARS,
    env: Readonly<Record<string, string>> = {},
  ) {
    const shell = typeof command === 'string' && !plainArgv(command);
    const [file, ...args] = typeof command === 'string' ? (plainArgv(command) ?? ['/bin/sh', '-c', command]) : command;
    hookExit();
    this.proc = spawn(file!, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    if (this.proc.pid !== undefined) {
      live.add(this.proc.pid);
      watchGroup(this.proc.pid);
    }
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stdout!.on('data', (chunk: string) => {
      let from = 0;
      let nl: number;
      while ((nl = chunk.indexOf('\n', from)) >= 0) {
        let line = this.pendingLength === 0 ? chunk.slice(from, nl) : this.pending.join('') + chunk.slice(from, nl);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        this.pending = [];
        this.pendingLength = 0;
        from = nl + 1;
        // a test for a non-space stops at the first character of a real reply; trim() would copy it
        if (/\S/.test(line) && !this.gone) events.line(line);
      }
      if (from < chunk.length) {
        this.pending.push(chunk.slice(from));
        this.pendingLength += chunk.length - from;
        if (this.pendingLength > maxLineChars && !this.gone) {
          this.pending = [];
          this.pendingLength = 0;
          events.oversized(maxLineChars);
        }
      }
    });
    this.proc.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    const done = (description: string) => {
      if (this.gone) return;
      this.gone = true;
      this.release();
      events.exit(description);
    };
    // a harness that closes its stdout and runs on can never answer again: give it a moment to exit, then end it
    this.proc.stdout!.on('end', () => {
      setTimeout(() => done('closed its standard output but kept running'), 500).unref();
    });
    this.proc.on('error', (e) => done(`could not run: ${e.message}`));
    this.proc.on('exit', (code, signal) => done(signal ? `killed by ${signal}` : `exited with code ${code}`));
    this.proc.stdin!.on('error', () => {}); // a write to a dead harness surfaces as its exit
    if (shell) this.watchShell(`${[file, ...args].join('\0')}\0`, () => done('closed its standard output but kept running'));
  }

  /**
   * A shell that does not exec its command holds the harness's stdout too,
   * so its closing is never an end of file here: the group is looked at
   * instead (Linux's /proc), and once no process but the shell and its own
   * forks holds the pipe, twice a second apart, the harness has closed it.
   */
  private watchShell(shellLine: string, closed: () => void): void {
    const pid = this.proc.pid;
    // the shell's standard output as it was started: libuv's stdio is a socket pair, whose ends are told apart
    let target: string;
    try {
      if (pid === undefined || readFileSync(`/proc/${pid}/cmdline`, 'utf8') !== shellLine) return;
      target = readlinkSync(`/proc/${pid}/fd/1`);
    } catch {
      return;
    }
    let misses = 0;
    const timer = setInterval(() => {
      if (this.gone) return clearInterval(timer);
      const held = pipeHolders(pid, target, shellLine);
      misses = held ? 0 : misses + 1;
      if (misses >= 2) {
        clearInterval(timer);
        closed();
      }
    }, 1000);
    timer.unref();
  }

  get alive(): boolean {
    return !this.gone;
  }

  /**
   * One write to the pipe for many lines, each given in pieces that are
   * converted on their own: joined into one string they would be copied
   * again, and one piece with a character past Latin-1 would make the whole
   * batch two bytes a character.
   */
  write(lines: string[][]): void {
    if (this.gone) return;
    const stdin = this.proc.stdin!;
    stdin.cork();
    // short lines go joined, as one write: each write has a cost of its own
    let short: string[] = [];
    for (const parts of lines) {
      if (parts.reduce((n, p) => n + p.length, 0) < SHORT_LINE) {
        short.push(parts.join(''), '\n');
        continue;
      }
      if (short.length > 0) stdin.write(short.join(''));
      short = [];
      for (const part of parts) stdin.write(part);
      stdin.write('\n');
    }
    if (short.length > 0) stdin.write(short.join(''));
    stdin.uncork();
  }

  /** The whole group, then the pipes: nothing of the harness is waited on again. */
  private release(): void {
    if (this.proc.pid !== undefined) killGroup(this.proc.pid);
    for (const s of [this.proc.stdin, this.proc.stdout, this.proc.stderr]) s?.destroy();
  }

  kill(): void {
    this.gone = true;
    this.release();
  }

  /** Closes stdin, the protocol's way to say goodbye; kills what does not leave. */
  async close(graceMs = 2000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
      this.release();
      return;
    }
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.stdin!.end();
    const t = setTimeout(() => this.release(), graceMs);
    await exited;
    clearTimeout(t);
    this.release();
  }
}
