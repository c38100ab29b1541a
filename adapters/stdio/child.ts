import { spawn, type ChildProcess } from 'node:child_process';

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
}

/**
 * One harness process: lines out of stdout, stderr kept aside (never a
 * fault by itself), one event when it is gone.
 */
export class HarnessProcess {
  readonly stderr = new Tail(4096);
  private readonly proc: ChildProcess;
  private buffer = '';
  private gone = false;

  constructor(command: string[] | string, cwd: string | undefined, events: ChildEvents) {
    const [file, ...args] = typeof command === 'string' ? ['/bin/sh', '-c', command] : command;
    this.proc = spawn(file!, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stdout!.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl).replace(/\r$/, '');
        this.buffer = this.buffer.slice(nl + 1);
        if (line.trim() !== '' && !this.gone) events.line(line);
      }
    });
    this.proc.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    const done = (description: string) => {
      if (this.gone) return;
      this.gone = true;
      events.exit(description);
    };
    this.proc.on('error', (e) => done(`could not run: ${e.message}`));
    this.proc.on('exit', (code, signal) => done(signal ? `killed by ${signal}` : `exited with code ${code}`));
    this.proc.stdin!.on('error', () => {}); // a write to a dead harness surfaces as its exit
  }

  get alive(): boolean {
    return !this.gone;
  }

  write(line: string): void {
    if (!this.gone) this.proc.stdin!.write(line + '\n');
  }

  kill(): void {
    this.gone = true;
    this.proc.kill('SIGKILL');
  }

  /** Closes stdin, the protocol's way to say goodbye; kills what does not leave. */
  async close(graceMs = 2000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    this.proc.stdin!.end();
    const t = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(t);
  }
}
