import { jsonText, lineSafe, type Answer } from '../../core/json.js';
import type {
  Adapter,
  AdapterError,
  AdapterInfo,
  Operation,
  ParseOutcome,
  Restart,
  RestartKind,
  SerializeOutcome,
  SseOutcome,
  UnionOutcome,
} from '../../core/contract.js';
import { HarnessProcess, MAX_LINE_CHARS } from './child.js';
import { Queue } from './queue.js';
import { declaredModels, PROTOCOL_VERSION, ProtocolError, readHello, readReply, type Hello, type Reply } from './protocol.js';

export interface StdioOptions {
  /** The adapter's name in reports. */
  name: string;
  /** argv, or one shell command line. */
  command: string[] | string;
  cwd?: string;
  /** Per request; a harness that takes longer is taken to hang. */
  timeoutMs?: number;
  helloTimeoutMs?: number;
  /** Restarts allowed over the adapter's life; then every request fails at once. */
  maxRestarts?: number;
  maxInFlight?: number;
  /** Validate every message against schema/protocol/ (always on in the project's tests). */
  checkProtocol?: boolean;
  /** The longest reply line taken; a longer one is a fault of kind `oversized`. */
  maxLineChars?: number;
  /** The run's models, by title: a hello that declares an operation for another does not start. */
  models?: readonly string[];
  /** Model title → its event type (the wire `type`): a hello may declare either, and each request says both. */
  eventTypes?: Readonly<Record<string, string>>;
  /** Set in the harness's environment beside orc's own (`ORC_SCHEMAS`, the run's schema file). */
  env?: Readonly<Record<string, string>>;
}

interface Job {
  op: Operation;
  model: string;
  body: { payload: string } | { value: Answer } | { chunks: string[] };
  /** Sent alone after a fault, so that a new fault can only be its own. */
  isolated: boolean;
  /** The input's size in bytes, once asked: what a hang class is measured by. */
  size?: number;
  /** It went unanswered for the whole timeout as the oldest of several requests in flight: sent alone next, it is waited for a shortened time. */
  waitedOut?: boolean;
  /** Withdrawn while in flight (see withdraw()): a fault of another request does not send it again. */
  withdrawn?: string;
  resolve(outcome: Outcome): void;
}

type Outcome = ParseOutcome | SerializeOutcome | SseOutcome | UnionOutcome;

interface InFlight {
  job: Job;
  /** performance.now() past which the harness is taken to hang on this request. */
  deadline: number;
  /** The request line's length. */
  chars: number;
  sentAt: number;
  /** Nothing else was in flight: its time is the harness's alone. */
  alone: boolean;
  /** The first request this harness process was sent. */
  first: boolean;
  /** Its wait was shortened: its size is in a class the harness already hung on (see hangsFrom). */
  shortened?: string;
}

/**
 * Requests stop being added while this many characters are in flight: 64
 * requests of boundary-length payloads would hold tens of megabytes in pipes
 * and replies for no gain, since a harness works through them one at a time.
 */
const MAX_IN_FLIGHT_CHARS = 8 * 1024 * 1024;

/**
 * One request as the protocol writes it (schema/protocol/request.schema.json),
 * in pieces: a payload of megabytes goes to the pipe as it is, never copied
 * into a line first. A value travels as the check means it: `-0` as `-0`, an
 * exact integer as its digits. No piece holds a raw U+2028 or U+2029 (base64
 * has none; the rest goes through lineSafe), so a harness that reads lines
 * the way JavaScript ends them still gets whole requests.
 */
export function requestParts(id: number, job: Pick<Job, 'op' | 'model' | 'body'>, event?: string): string[] {
  // the model's wire `type` beside its name: a harness that declared event types dispatches on it
  // a union request names no model: the union reads the event's type itself
  const model = job.op === 'union' ? '' : `"model":${lineSafe(JSON.stringify(job.model))},`;
  const head = `{"id":${id},"op":"${job.op}",${model}${event === undefined ? '' : `"event":${lineSafe(JSON.stringify(event))},`}`;
  const b = job.body;
  // base64 needs no escaping: the common requests are written without walking a value
  if ('payload' in b) return [`${head}"payload":"`, b.payload, '"}'];
  if ('value' in b) return [`${head}"value":`, lineSafe(jsonText(b.value)), '}'];
  return [`${head}"chunks":[${b.chunks.map((c) => `"${c}"`).join(',')}]}`];
}

/** A shortened wait is never shorter than this: a scheduler's pause must not pass for a hang. */
const SHORTEST_WAIT_MS = 250;

/** A request's input size in bytes; a value to serialize is measured as JSON text, only once a class asks. */
function sizeOf(job: Job): number {
  if (job.size === undefined) job.size = 'value' in job.body ? Buffer.byteLength(jsonText(job.body.value)) : 0;
  return job.size;
}

/** Below this size a request's time says nothing of the harness's pace per byte. */
const PACE_FROM_BYTES = 64 * 1024;

/** A harness that cannot even say hello this many times in a row is not coming back. */
const MAX_SPAWN_FAILURES = 3;

type Fault = { kind: RestartKind; message: string };

/**
 * An out-of-process implementation behind the same contract as an
 * in-process one. Many requests are kept in flight and matched by id. On a
 * fault the harness is killed and restarted, and the requests that were in
 * flight are sent again one at a time: the one that faults alone is the one
 * recorded; the others get their real answers. Nothing answered is lost.
 */
export class StdioAdapter implements Adapter {
  info!: AdapterInfo;
  private child: HarnessProcess | undefined;
  private starting: Promise<void> | undefined;
  /** Harnesses started but not yet past their hello: close() must reach them too. */
  private readonly spawning = new Set<HarnessProcess>();
  /**
   * Once a harness has had to be replaced, the next one is started while
   * the current one works: a hang then costs its wait and no start-up.
   */
  private standby: { child: HarnessProcess; hello: Promise<Hello> } | undefined;
  private readonly waiting = new Queue<Job>();
  private readonly isolation: Job[] = [];
  /** In the order sent, so the first entry is always the next deadline. */
  private readonly inFlight = new Map<number, InFlight>();
  private inFlightChars = 0;
  /** One timer for all requests in flight, armed at the earliest deadline: a timer per request costs more than the request. */
  private deadlineTimer: NodeJS.Timeout | undefined;
  /** When the timer fires: a request sent since with an earlier deadline (a shortened wait) arms it again. */
  private deadlineDue = 0;
  private nextId = 1;
  private restartCount = 0;
  private readonly causes = new Map<string, Restart>();
  private spawnFailures = 0;
  private dead: string | undefined;
  /**
   * Per operation, the smallest input (bytes) the harness has left unanswered
   * for a whole timeout with nothing else unanswered: from then on a request at least that
   * large is sent alone and waited for a shorter time. An answer to one drops
   * the class: size was not what made the harness hang.
   */
  private readonly hangsFrom = new Map<Operation, number>();
  /**
   * Per operation, the largest input answered. Once the harness has hung on
   * a class, a request larger than any it answered is taken to be in it too:
   * between the two sizes it has shown nothing but hangs, and otherwise each
   * smaller hang found would be waited out in full again.
   */
  private readonly largestAnswered = new Map<Operation, number>();
  /** The longest a request sent alone took to be answered: a shortened wait never comes near it. */
  private slowestAlone = 0;
  /**
   * The most milliseconds per byte a request sent alone took, counted as
   * 64 KB at least (below that, a request's time is the harness's overhead,
   * not its pace): a larger request is waited for longer.
   */
  private slowestPerByte = 0;
  private readonly waits = { full: 0, shortened: 0 };
  private unsentCount = 0;
  /** Harness processes that have been sent a request. */
  private readonly sentToChild = new WeakSet<HarnessProcess>();
  private readonly o: Required<Omit<StdioOptions, 'cwd' | 'models' | 'env' | 'eventTypes'>> & Pick<StdioOptions, 'cwd' | 'models' | 'env' | 'eventTypes'>;

  private constructor(options: StdioOptions) {
    this.o = { timeoutMs: 10_000, helloTimeoutMs: 60_000, maxRestarts: 200, maxInFlight: 64, checkProtocol: false, maxLineChars: MAX_LINE_CHARS, ...options };
  }

  static async start(options: StdioOptions): Promise<StdioAdapter> {
    const a = new StdioAdapter(options);
    const first = a.launch();
    const hello = await first.hello;
    a.child = first.child;
    a.info = {
      name: options.name,
      language: hello.implementation.language,
      implementation: hello.implementation.name,
      version: hello.implementation.version,
      operations: declaredModels(hello.operations, options.eventTypes),
      ...(hello.sseData ? { sseData: hello.sseData } : {}),
      ...(hello.operations.union ? { unionTypes: hello.operations.union } : {}),
    };
    return a;
  }

  /** Starts a harness; `hello` settles once it has said hello (it is not this.child until the caller makes it so). */
  private launch(): { child: HarnessProcess; hello: Promise<Hello> } {
    let child!: HarnessProcess;
    const hello = new Promise<Hello>((resolve, reject) => {
      let hello: Hello | undefined;
      const fail = (message: string) => {
        clearTimeout(timer);
        this.spawning.delete(child);
        child.kill();
        reject(new ProtocolError(`${message}${child.stderr.value ? `; stderr: ${child.stderr.value.trim().slice(-400)}` : ''}`));
      };
      child = new HarnessProcess(
        this.o.command,
        this.o.cwd,
        {
          line: (line) => {
            if (hello) return this.onLine(child, line);
            try {
              hello = readHello(line, this.o.models);
            } catch (e) {
              return fail((e as Error).message);
            }
            clearTimeout(timer);
            this.spawning.delete(child);
            resolve(hello);
          },
          exit: (description) => {
            if (!hello) return fail(`the harness ${description} before saying hello`);
            if (this.standby?.child === child) this.standby = undefined;
            this.onFault(child, { kind: 'crash', message: `the harness ${description}` });
          },
          oversized: (limit) => {
            const message = `the harness wrote a line of more than ${limit} characters without a newline`;
            return hello ? this.onFault(child, { kind: 'oversized', message }) : fail(message);
          },
        },
        this.o.maxLineChars,
        this.o.env,
      );
      this.spawning.add(child);
      const timer = setTimeout(() => fail(`no hello within ${this.o.helloTimeoutMs} ms`), this.o.helloTimeoutMs);
    });
    return { child, hello };
  }

  private onLine(child: HarnessProcess, line: string): void {
    if (child !== this.child) return;
    let reply: Reply;
    try {
      reply = readReply(line, this.o.checkProtocol);
    } catch (e) {
      return this.onFault(child, { kind: 'protocol', message: `the harness wrote garbage: ${(e as Error).message}` });
    }
    const f = this.inFlight.get(reply.id);
    if (!f) return this.onFault(child, { kind: 'protocol', message: `the harness answered id ${reply.id}, which is not in flight` });
    this.inFlight.delete(reply.id);
    this.inFlightChars -= f.chars;
    // the first answer of a fresh harness carries its warm-up, which is not how long it takes to answer
    if (f.alone && !f.first) {
      const took = performance.now() - f.sentAt;
      this.slowestAlone = Math.max(this.slowestAlone, took);
      this.slowestPerByte = Math.max(this.slowestPerByte, took / Math.max(PACE_FROM_BYTES, sizeOf(f.job)));
    }
    const from = this.hangsFrom.get(f.job.op);
    if (from !== undefined && sizeOf(f.job) >= from) this.hangsFrom.delete(f.job.op);
    // a value to serialize is measured only where a class may need it: walking every value costs
    if (f.job.size !== undefined || from !== undefined) this.largestAnswered.set(f.job.op, Math.max(this.largestAnswered.get(f.job.op) ?? 0, sizeOf(f.job)));
    f.job.resolve(this.outcome(f.job, reply));
    this.schedulePump();
  }

  private pumpScheduled = false;

  /**
   * pump() once after the replies of one chunk are read and the checks they
   * wake have asked again: one write carries many requests.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private armDeadline(): void {
    const first = this.inFlight.values().next();
    if (first.done) {
      // nothing owed: no timer may keep orc alive
      clearTimeout(this.deadlineTimer);
      this.deadlineTimer = undefined;
      return;
    }
    if (this.deadlineTimer && this.deadlineDue <= first.value.deadline + 1) return;
    clearTimeout(this.deadlineTimer);
    this.deadlineDue = first.value.deadline + 1;
    this.deadlineTimer = setTimeout(
      () => {
        this.deadlineTimer = undefined;
        const oldest = this.inFlight.values().next();
        if (!oldest.done && oldest.value.deadline <= performance.now() && this.child) {
          const f = oldest.value;
          // nothing else left unanswered (sent alone, or everything sent with it answered): the hang is this request's own
          const alone = this.inFlight.size === 1;
          if (f.shortened) this.waits.shortened++;
          else {
            this.waits.full++;
            if (!alone) f.job.waitedOut = true;
          }
          // its size marks a class (a request waited out in full before, then alone again, too)
          if (alone && (!f.shortened || f.job.waitedOut)) this.hangsFrom.set(f.job.op, Math.min(this.hangsFrom.get(f.job.op) ?? Infinity, sizeOf(f.job)));
          return this.onFault(this.child, { kind: 'timeout', message: f.shortened ?? `no answer within ${this.o.timeoutMs} ms` });
        }
        this.armDeadline();
      },
      Math.max(0, first.value.deadline - performance.now()) + 1,
    );
  }

  private outcome(job: Job, reply: Reply): Outcome {
    if (!reply.ok) return reply;
    if (job.op === 'sse') {
      return 'events' in reply ? { ok: true, events: reply.events } : { ok: false, error: { kind: 'protocol', message: 'an sse reply must carry "events"' } };
    }
    if (job.op === 'parse') {
      return 'value' in reply ? { ok: true, value: reply.value } : { ok: false, error: { kind: 'protocol', message: 'a parse reply must carry "value"' } };
    }
    if (job.op === 'union') {
      return 'value' in reply && typeof reply.as === 'string'
        ? { ok: true, value: reply.value, as: reply.as }
        : { ok: false, error: { kind: 'protocol', message: 'a union reply must carry "value" and "as"' } };
    }
    return 'bytes' in reply ? { ok: true, bytes: reply.bytes } : { ok: false, error: { kind: 'protocol', message: `a ${job.op} reply must carry "bytes"` } };
  }

  private onFault(child: HarnessProcess, fault: Fault): void {
    if (child !== this.child) return;
    const stderr = child.stderr.value.trim();
    child.kill();
    this.child = undefined;
    const jobs = [...this.inFlight.entries()].sort(([a], [b]) => a - b).map(([, f]) => f.job);
    this.inFlight.clear();
    this.inFlightChars = 0;
    const error: AdapterError = { kind: fault.kind, message: fault.message, ...(stderr ? { stderr: stderr.slice(-2000) } : {}) };
    const [first] = jobs;
    const own = first && (jobs.length === 1 || first.isolated);
    if (own) first.resolve({ ok: false, error });
    for (const job of own ? jobs.slice(1) : jobs) {
      if (job.withdrawn) job.resolve({ ok: false, error: { kind: 'timeout', message: job.withdrawn } });
    }
    this.isolation.unshift(...(own ? jobs.slice(1) : jobs).filter((j) => !j.withdrawn));
    this.restarted(fault);
    if (this.restartCount > this.o.maxRestarts) this.dead = `the harness failed ${this.restartCount} times; no more restarts (last: ${fault.message})`;
    this.pump();
  }

  /** Kept by cause, so that a report can say why and how often; a harness that varies its words is capped. */
  private restarted(fault: Fault): void {
    this.restartCount++;
    const message = fault.message.slice(0, 300);
    const key = `${fault.kind}\u0000${message}`;
    const known = this.causes.get(key);
    if (known) known.count++;
    else if (this.causes.size < 20) this.causes.set(key, { kind: fault.kind, message, count: 1 });
    else {
      const other = `${fault.kind}\u0000(other messages)`;
      const o = this.causes.get(other) ?? { kind: fault.kind, message: '(other messages)', count: 0 };
      o.count++;
      this.causes.set(other, o);
    }
  }

  restarts(): Restart[] {
    return [...this.causes.values()].map((r) => ({ ...r }));
  }

  /** How many requests went unanswered for the whole timeout, and for a shortened one. */
  timeouts(): { full: number; shortened: number } {
    return { ...this.waits };
  }

  /** How many requests a spared() view answered unsent. */
  unsent(): number {
    return this.unsentCount;
  }

  private inHangClass(job: Job): boolean {
    const from = this.hangsFrom.get(job.op);
    if (from === undefined) return false;
    const answered = this.largestAnswered.get(job.op);
    return sizeOf(job) >= from || (answered !== undefined && sizeOf(job) > answered);
  }

  /** The hang class of an operation, in words that follow "in the class of". */
  private classWords(op: Operation): string {
    const answered = this.largestAnswered.get(op);
    const larger = answered !== undefined && answered < this.hangsFrom.get(op)! - 1 ? `, or larger than any it answered (${answered} bytes)` : '';
    return `${op} requests of ${this.hangsFrom.get(op)} bytes or more${larger}`;
  }

  /**
   * The wait for a request in a hang class: a twentieth of the timeout, and
   * never under ten times the slowest answer the harness gave alone, nor
   * under ten times what that pace gives for its size, so a harness that is
   * only slow is still waited for.
   */
  private shortenedWait(job: Job): number {
    return Math.min(this.o.timeoutMs, Math.max(SHORTEST_WAIT_MS, this.o.timeoutMs / 20, 10 * this.slowestAlone, 10 * this.slowestPerByte * sizeOf(job)));
  }

  /** Registers the request and returns its line in pieces; feed() writes a batch of them at once. */
  private send(job: Job): string[] {
    const id = this.nextId++;
    const parts = requestParts(id, job, job.op === 'union' ? undefined : this.o.eventTypes?.[job.model]);
    const chars = parts.reduce((n, p) => n + p.length, 0);
    const now = performance.now();
    const alone = this.inFlight.size === 0;
    let wait = this.o.timeoutMs;
    let shortened: string | undefined;
    if (this.inHangClass(job) && this.shortenedWait(job) < wait) {
      wait = Math.round(this.shortenedWait(job));
      const from = this.hangsFrom.get(job.op)!;
      const answered = this.largestAnswered.get(job.op) ?? 0;
      shortened =
        sizeOf(job) >= from
          ? `no answer within ${wait} ms, a shortened wait: a ${job.op} request of ${from} bytes went unanswered for the whole ${this.o.timeoutMs} ms before`
          : `no answer within ${wait} ms, a shortened wait: larger than any ${job.op} request this harness answered (${answered} bytes), and one of ${from} bytes went unanswered for the whole ${this.o.timeoutMs} ms before`;
    } else if (job.waitedOut && alone && this.shortenedWait(job) < wait) {
      // the harness has had the whole timeout for this very request already, with nothing before it left unanswered
      wait = Math.round(this.shortenedWait(job));
      shortened = `no answer within ${wait} ms, a shortened wait: this request went unanswered for the whole ${this.o.timeoutMs} ms before, sent with others`;
    }
    const first = !this.sentToChild.has(this.child!);
    this.sentToChild.add(this.child!);
    this.inFlight.set(id, { job, deadline: now + wait, chars, sentAt: now, alone, first, ...(shortened ? { shortened } : {}) });
    this.inFlightChars += chars;
    return parts;
  }

  private pump(): void {
    this.feed();
    this.armDeadline();
  }

  /** Sends what may go now; starts the harness again when there is work and no harness. */
  private feed(): void {
    if (this.dead) {
      this.standby?.child.kill();
      this.standby = undefined;
      for (const job of [...this.isolation.splice(0), ...this.waiting.drain()]) job.resolve({ ok: false, error: { kind: 'crash', message: this.dead } });
      return;
    }
    if (!this.child) {
      if (!this.starting && (this.isolation.length || this.waiting.length)) {
        const next = this.standby ?? this.launch();
        this.standby = undefined;
        this.starting = next.hello.then(
          () => {
            this.starting = undefined;
            this.spawnFailures = 0;
            if (this.dead) return next.child.kill();
            this.child = next.child;
            // a harness replaced once will be again (a hang class, a crash on a kind of input): its successor starts now
            const standby = this.launch();
            standby.hello.catch(() => {
              if (this.standby === standby) this.standby = undefined;
            });
            this.standby = standby;
            this.pump();
          },
          (e: Error) => {
            this.starting = undefined;
            this.restarted({ kind: 'crash', message: `could not restart: ${e.message}` });
            if (++this.spawnFailures >= MAX_SPAWN_FAILURES || this.restartCount > this.o.maxRestarts)
              this.dead = `the harness could not be restarted: ${e.message}`;
            this.pump();
          },
        );
      }
      return;
    }
    if (this.isolation.length > 0) {
      if (this.inFlight.size === 0) this.child.write([this.send({ ...this.isolation.shift()!, isolated: true })]);
    } else {
      const lines: string[][] = [];
      // a request in a hang class goes alone, in its turn: a hang then costs one shortened wait, and blames that request
      const alone = () => this.hangsFrom.size > 0 && [...this.inFlight.values()].some((f) => this.inHangClass(f.job));
      while (
        this.waiting.length > 0 &&
        this.inFlight.size < this.o.maxInFlight &&
        (this.inFlight.size === 0 || this.inFlightChars < MAX_IN_FLIGHT_CHARS) &&
        !alone()
      ) {
        if (this.inFlight.size > 0 && this.hangsFrom.size > 0 && this.inHangClass(this.waiting.peek()!)) break;
        lines.push(this.send(this.waiting.shift()!));
      }
      if (lines.length > 0) this.child.write(lines);
    }
  }

  /** `spare`, when given, is told instead of sending a request in a hang class: see spared(). */
  private request(op: Operation, model: string, body: Job['body'], size?: number, spare?: (why: string) => void): Promise<Outcome> {
    return new Promise((resolve) => {
      const job: Job = { op, model, body, isolated: false, ...(size !== undefined ? { size } : {}), resolve };
      if (spare && this.inHangClass(job)) {
        const why = `not sent: in the class of ${this.classWords(op)}, which this harness hung on`;
        spare(why);
        this.unsentCount++;
        return resolve({ ok: false, error: { kind: 'timeout', message: why } });
      }
      this.waiting.push(job);
      this.schedulePump();
    });
  }

  parse(model: string, payload: Uint8Array, spare?: (why: string) => void): Promise<ParseOutcome> {
    return this.request('parse', model, { payload: Buffer.from(payload).toString('base64') }, payload.byteLength, spare) as Promise<ParseOutcome>;
  }

  serialize(model: string, value: Answer, spare?: (why: string) => void): Promise<SerializeOutcome> {
    return this.request('serialize', model, { value }, undefined, spare) as Promise<SerializeOutcome>;
  }

  reserialize(model: string, payload: Uint8Array, spare?: (why: string) => void): Promise<SerializeOutcome> {
    return this.request('reserialize', model, { payload: Buffer.from(payload).toString('base64') }, payload.byteLength, spare) as Promise<SerializeOutcome>;
  }

  /** One event through the SDK's union: the request names no model, since the union reads the type itself. */
  union(payload: Uint8Array, spare?: (why: string) => void): Promise<UnionOutcome> {
    return this.request('union', '*', { payload: Buffer.from(payload).toString('base64') }, payload.byteLength, spare) as Promise<UnionOutcome>;
  }

  /** The harness names no model for a stream: its events are whatever the stream holds. */
  sse(chunks: Uint8Array[], spare?: (why: string) => void): Promise<SseOutcome> {
    return this.request(
      'sse',
      'text/event-stream',
      { chunks: chunks.map((c) => Buffer.from(c).toString('base64')) },
      chunks.reduce((n, c) => n + c.byteLength, 0),
      spare,
    ) as Promise<SseOutcome>;
  }

  /**
   * For one case: requests in a hang class are not sent (each would cost a
   * wait and a restart to learn again what the class says), and unsent()
   * tells the runner so, which keeps the case only if it says nothing.
   */
  spared(): { adapter: Adapter; unsent(): string | undefined } {
    let first: string | undefined;
    const spare = (why: string) => void (first ??= why);
    const adapter: Adapter = {
      info: this.info,
      parse: (model, payload) => this.parse(model, payload, spare),
      serialize: (model, value) => this.serialize(model, value, spare),
      reserialize: (model, payload) => this.reserialize(model, payload, spare),
      sse: (chunks) => this.sse(chunks, spare),
      union: (payload) => this.union(payload, spare),
    };
    return { adapter, unsent: () => first };
  }

  /**
   * Answers whatever is waiting or in flight as a timeout, and ends the
   * harness (the next request starts it again): a harness that hangs on a
   * class of inputs costs a check its budget, not a timeout per request.
   */
  abandon(reason: string): void {
    this.answerAll({ kind: 'timeout', message: reason });
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  /**
   * Answers what is still waiting, unsent, with `reason`, and sends nothing
   * more of it: the runner calls this once a check has its verdict, so that
   * requests whose answers no longer matter cost no wait. Requests in flight
   * get their real answers, unless a fault comes first: then they are not
   * sent again.
   */
  withdraw(reason: string): void {
    for (const f of this.inFlight.values()) f.job.withdrawn = reason;
    const error: AdapterError = { kind: 'timeout', message: reason };
    for (const job of [...this.isolation.splice(0), ...this.waiting.drain()]) job.resolve({ ok: false, error });
  }

  /** Ends the harness; whatever is still waiting or in flight is answered at once, so nothing keeps orc alive. */
  async close(): Promise<void> {
    this.dead = 'the adapter was closed';
    this.answerAll({ kind: 'crash', message: this.dead });
    for (const c of this.spawning) c.kill();
    this.standby?.child.kill();
    this.standby = undefined;
    const child = this.child;
    this.child = undefined;
    await child?.close();
  }

  /** Every request not yet answered, in flight or still waiting, answered with `error`. */
  private answerAll(error: AdapterError): void {
    for (const f of this.inFlight.values()) f.job.resolve({ ok: false, error });
    this.inFlight.clear();
    this.inFlightChars = 0;
    this.armDeadline();
    for (const job of [...this.isolation.splice(0), ...this.waiting.drain()]) job.resolve({ ok: false, error });
  }
}

export { PROTOCOL_VERSION };
