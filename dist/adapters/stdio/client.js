import { jsonText } from '../../core/json.js';
import { HarnessProcess, MAX_LINE_CHARS } from './child.js';
import { PROTOCOL_VERSION, ProtocolError, readHello, readReply } from './protocol.js';
/**
 * One request as the protocol writes it (schema/protocol/request.schema.json).
 * A value travels as the check means it: `-0` as `-0`, an exact integer as its digits.
 */
export function requestLine(id, job) {
    return jsonText({ id, op: job.op, model: job.model, ...job.body });
}
/** A harness that cannot even say hello this many times in a row is not coming back. */
const MAX_SPAWN_FAILURES = 3;
/**
 * An out-of-process implementation behind the same contract as an
 * in-process one. Many requests are kept in flight and matched by id. On a
 * fault the harness is killed and restarted, and the requests that were in
 * flight are sent again one at a time: the one that faults alone is the one
 * recorded; the others get their real answers. Nothing answered is lost.
 */
export class StdioAdapter {
    info;
    child;
    starting;
    /** A harness started but not yet past its hello: close() must reach it too. */
    spawning;
    waiting = [];
    isolation = [];
    inFlight = new Map();
    nextId = 1;
    restartCount = 0;
    causes = new Map();
    spawnFailures = 0;
    dead;
    o;
    constructor(options) {
        this.o = { timeoutMs: 10_000, helloTimeoutMs: 60_000, maxRestarts: 200, maxInFlight: 64, checkProtocol: false, maxLineChars: MAX_LINE_CHARS, ...options };
    }
    static async start(options) {
        const a = new StdioAdapter(options);
        const hello = await a.spawn();
        a.info = {
            name: options.name,
            language: hello.implementation.language,
            implementation: hello.implementation.name,
            version: hello.implementation.version,
            operations: hello.operations,
            ...(hello.sseData ? { sseData: hello.sseData } : {}),
        };
        return a;
    }
    /** Starts the harness and waits for its hello. */
    spawn() {
        return new Promise((resolve, reject) => {
            let hello;
            const fail = (message) => {
                clearTimeout(timer);
                this.spawning = undefined;
                child.kill();
                reject(new ProtocolError(`${message}${child.stderr.value ? `; stderr: ${child.stderr.value.trim().slice(-400)}` : ''}`));
            };
            const child = new HarnessProcess(this.o.command, this.o.cwd, {
                line: (line) => {
                    if (hello)
                        return this.onLine(child, line);
                    try {
                        hello = readHello(line);
                    }
                    catch (e) {
                        return fail(e.message);
                    }
                    clearTimeout(timer);
                    this.spawning = undefined;
                    this.child = child;
                    resolve(hello);
                },
                exit: (description) => (hello ? this.onFault(child, { kind: 'crash', message: `the harness ${description}` }) : fail(`the harness ${description} before saying hello`)),
                oversized: (limit) => {
                    const message = `the harness wrote a line of more than ${limit} characters without a newline`;
                    return hello ? this.onFault(child, { kind: 'oversized', message }) : fail(message);
                },
            }, this.o.maxLineChars);
            this.spawning = child;
            const timer = setTimeout(() => fail(`no hello within ${this.o.helloTimeoutMs} ms`), this.o.helloTimeoutMs);
        });
    }
    onLine(child, line) {
        if (child !== this.child)
            return;
        let reply;
        try {
            reply = readReply(line, this.o.checkProtocol);
        }
        catch (e) {
            return this.onFault(child, { kind: 'protocol', message: `the harness wrote garbage: ${e.message}` });
        }
        const f = this.inFlight.get(reply.id);
        if (!f)
            return this.onFault(child, { kind: 'protocol', message: `the harness answered id ${reply.id}, which is not in flight` });
        clearTimeout(f.timer);
        this.inFlight.delete(reply.id);
        f.job.resolve(this.outcome(f.job, reply));
        this.pump();
    }
    outcome(job, reply) {
        if (!reply.ok)
            return reply;
        if (job.op === 'sse') {
            return 'events' in reply ? { ok: true, events: reply.events } : { ok: false, error: { kind: 'protocol', message: 'an sse reply must carry "events"' } };
        }
        if (job.op === 'parse') {
            return 'value' in reply ? { ok: true, value: reply.value } : { ok: false, error: { kind: 'protocol', message: 'a parse reply must carry "value"' } };
        }
        return 'bytes' in reply ? { ok: true, bytes: reply.bytes } : { ok: false, error: { kind: 'protocol', message: `a ${job.op} reply must carry "bytes"` } };
    }
    onFault(child, fault) {
        if (child !== this.child)
            return;
        const stderr = child.stderr.value.trim();
        child.kill();
        this.child = undefined;
        const jobs = [...this.inFlight.entries()].sort(([a], [b]) => a - b).map(([, f]) => (clearTimeout(f.timer), f.job));
        this.inFlight.clear();
        const error = { kind: fault.kind, message: fault.message, ...(stderr ? { stderr: stderr.slice(-2000) } : {}) };
        const [first] = jobs;
        if (first && (jobs.length === 1 || first.isolated)) {
            first.resolve({ ok: false, error });
            this.isolation.unshift(...jobs.slice(1));
        }
        else {
            this.isolation.unshift(...jobs);
        }
        this.restarted(fault);
        if (this.restartCount > this.o.maxRestarts)
            this.dead = `the harness failed ${this.restartCount} times; no more restarts (last: ${fault.message})`;
        this.pump();
    }
    /** Kept by cause, so that a report can say why and how often; a harness that varies its words is capped. */
    restarted(fault) {
        this.restartCount++;
        const message = fault.message.slice(0, 300);
        const key = `${fault.kind}\u0000${message}`;
        const known = this.causes.get(key);
        if (known)
            known.count++;
        else if (this.causes.size < 20)
            this.causes.set(key, { kind: fault.kind, message, count: 1 });
        else {
            const other = `${fault.kind}\u0000(other messages)`;
            const o = this.causes.get(other) ?? { kind: fault.kind, message: '(other messages)', count: 0 };
            o.count++;
            this.causes.set(other, o);
        }
    }
    restarts() {
        return [...this.causes.values()].map((r) => ({ ...r }));
    }
    send(job) {
        const id = this.nextId++;
        const timer = setTimeout(() => {
            if (this.child)
                this.onFault(this.child, { kind: 'timeout', message: `no answer within ${this.o.timeoutMs} ms` });
        }, this.o.timeoutMs);
        this.inFlight.set(id, { job, timer });
        this.child.write(requestLine(id, job));
    }
    pump() {
        if (this.dead) {
            for (const job of [...this.isolation.splice(0), ...this.waiting.splice(0)])
                job.resolve({ ok: false, error: { kind: 'crash', message: this.dead } });
            return;
        }
        if (!this.child) {
            if (!this.starting && (this.isolation.length || this.waiting.length)) {
                this.starting = this.spawn().then(() => {
                    this.starting = undefined;
                    this.spawnFailures = 0;
                    this.pump();
                }, (e) => {
                    this.starting = undefined;
                    this.restarted({ kind: 'crash', message: `could not restart: ${e.message}` });
                    if (++this.spawnFailures >= MAX_SPAWN_FAILURES || this.restartCount > this.o.maxRestarts)
                        this.dead = `the harness could not be restarted: ${e.message}`;
                    this.pump();
                });
            }
            return;
        }
        if (this.isolation.length > 0) {
            if (this.inFlight.size === 0)
                this.send({ ...this.isolation.shift(), isolated: true });
            return;
        }
        while (this.waiting.length > 0 && this.inFlight.size < this.o.maxInFlight)
            this.send(this.waiting.shift());
    }
    request(op, model, body) {
        return new Promise((resolve) => {
            this.waiting.push({ op, model, body, isolated: false, resolve });
            this.pump();
        });
    }
    parse(model, payload) {
        return this.request('parse', model, { payload: Buffer.from(payload).toString('base64') });
    }
    serialize(model, value) {
        return this.request('serialize', model, { value });
    }
    reserialize(model, payload) {
        return this.request('reserialize', model, { payload: Buffer.from(payload).toString('base64') });
    }
    /** The harness names no model for a stream: its events are whatever the stream holds. */
    sse(chunks) {
        return this.request('sse', 'text/event-stream', { chunks: chunks.map((c) => Buffer.from(c).toString('base64')) });
    }
    /**
     * Answers whatever is waiting or in flight as a timeout, and ends the
     * harness (the next request starts it again): a harness that hangs on a
     * class of inputs costs a check its budget, not a timeout per request.
     */
    abandon(reason) {
        this.answerAll({ kind: 'timeout', message: reason });
        const child = this.child;
        this.child = undefined;
        child?.kill();
    }
    /** Ends the harness; whatever is still waiting or in flight is answered at once, so nothing keeps orc alive. */
    async close() {
        this.dead = 'the adapter was closed';
        this.answerAll({ kind: 'crash', message: this.dead });
        this.spawning?.kill();
        const child = this.child;
        this.child = undefined;
        await child?.close();
    }
    /** Every request not yet answered, in flight or still waiting, answered with `error`. */
    answerAll(error) {
        for (const f of this.inFlight.values()) {
            clearTimeout(f.timer);
            f.job.resolve({ ok: false, error });
        }
        this.inFlight.clear();
        for (const job of [...this.isolation.splice(0), ...this.waiting.splice(0)])
            job.resolve({ ok: false, error });
    }
}
export { PROTOCOL_VERSION };
//# sourceMappingURL=client.js.map