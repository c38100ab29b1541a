import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The NDJSON client a skilled user writes in an afternoon: readline on
 * stdout, JSON.parse each reply, replies matched to requests by id, as many
 * in flight as orc keeps. No lossless numbers, no fault recovery, no
 * timeouts: the ceiling orc's client is measured against.
 */
export class MinimalClient {
  private readonly proc: ChildProcess;
  private readonly pending = new Map<number, (reply: any) => void>();
  /** Callers waiting for a free slot, taken from `next` on: no Array.shift, which copies a large array on every call. */
  private readonly waiting: (() => void)[] = [];
  private next = 0;
  private nextId = 1;
  private readonly hello: Promise<unknown>;

  constructor(
    command: string[],
    private readonly maxInFlight = 64,
  ) {
    this.proc = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
    let greeted: (h: unknown) => void;
    this.hello = new Promise((r) => (greeted = r));
    let first = true;
    createInterface({ input: this.proc.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line);
      if (first) {
        first = false;
        return greeted(msg);
      }
      const resolve = this.pending.get(msg.id)!;
      this.pending.delete(msg.id);
      resolve(msg);
      if (this.next < this.waiting.length) this.waiting[this.next++]!();
    });
  }

  ready(): Promise<unknown> {
    return this.hello;
  }

  async parse(model: string, payload: Uint8Array): Promise<any> {
    while (this.pending.size >= this.maxInFlight) await new Promise<void>((r) => this.waiting.push(r));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.proc.stdin!.write(JSON.stringify({ id, op: 'parse', model, payload: Buffer.from(payload).toString('base64') }) + '\n');
    });
  }

  close(): void {
    this.proc.stdin!.end();
  }
}
