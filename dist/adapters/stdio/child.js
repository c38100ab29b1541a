import { spawn } from 'node:child_process';
/** The last bytes of a stream, kept to attach to a failure. */
class Tail {
    max;
    text = '';
    constructor(max) {
        this.max = max;
    }
    push(s) {
        this.text = (this.text + s).slice(-this.max);
    }
    get value() {
        return this.text;
    }
}
/** Replies carry 10 MB payloads as base64, and more; a line past this is a harness out of control. */
export const MAX_LINE_CHARS = 256 * 1024 * 1024;
/** Process groups still alive: killed when orc exits, however it exits, so no harness outlives it. */
const live = new Set();
let hooked = false;
function killGroup(pid) {
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // the group is gone already
    }
    live.delete(pid);
}
function hookExit() {
    if (hooked)
        return;
    hooked = true;
    process.on('exit', () => {
        for (const pid of [...live])
            killGroup(pid);
    });
}
/**
 * One harness process: lines out of stdout, stderr kept aside (never a
 * fault by itself), one event when it is gone. It runs in a process group
 * of its own, so that a shell's children and a harness's own children go
 * with it; once it is gone its pipes are closed from this side, so that a
 * grandchild holding them cannot keep orc waiting.
 */
export class HarnessProcess {
    stderr = new Tail(4096);
    proc;
    /** Text after the last newline, kept as chunks: each byte is scanned once. */
    pending = [];
    pendingLength = 0;
    gone = false;
    constructor(command, cwd, events, maxLineChars = MAX_LINE_CHARS) {
        const [file, ...args] = typeof command === 'string' ? ['/bin/sh', '-c', command] : command;
        hookExit();
        this.proc = spawn(file, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
        if (this.proc.pid !== undefined)
            live.add(this.proc.pid);
        this.proc.stdout.setEncoding('utf8');
        this.proc.stderr.setEncoding('utf8');
        this.proc.stdout.on('data', (chunk) => {
            let from = 0;
            let nl;
            while ((nl = chunk.indexOf('\n', from)) >= 0) {
                const line = (this.pending.join('') + chunk.slice(from, nl)).replace(/\r$/, '');
                this.pending = [];
                this.pendingLength = 0;
                from = nl + 1;
                if (line.trim() !== '' && !this.gone)
                    events.line(line);
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
        this.proc.stderr.on('data', (chunk) => this.stderr.push(chunk));
        const done = (description) => {
            if (this.gone)
                return;
            this.gone = true;
            this.release();
            events.exit(description);
        };
        // a harness that closes its stdout and runs on can never answer again: give it a moment to exit, then end it
        this.proc.stdout.on('end', () => {
            setTimeout(() => done('closed its standard output but kept running'), 500).unref();
        });
        this.proc.on('error', (e) => done(`could not run: ${e.message}`));
        this.proc.on('exit', (code, signal) => done(signal ? `killed by ${signal}` : `exited with code ${code}`));
        this.proc.stdin.on('error', () => { }); // a write to a dead harness surfaces as its exit
    }
    get alive() {
        return !this.gone;
    }
    write(line) {
        if (!this.gone)
            this.proc.stdin.write(line + '\n');
    }
    /** The whole group, then the pipes: nothing of the harness is waited on again. */
    release() {
        if (this.proc.pid !== undefined)
            killGroup(this.proc.pid);
        for (const s of [this.proc.stdin, this.proc.stdout, this.proc.stderr])
            s?.destroy();
    }
    kill() {
        this.gone = true;
        this.release();
    }
    /** Closes stdin, the protocol's way to say goodbye; kills what does not leave. */
    async close(graceMs = 2000) {
        if (this.proc.exitCode !== null || this.proc.signalCode !== null) {
            this.release();
            return;
        }
        const exited = new Promise((r) => this.proc.once('exit', () => r()));
        this.proc.stdin.end();
        const t = setTimeout(() => this.release(), graceMs);
        await exited;
        clearTimeout(t);
        this.release();
    }
}
//# sourceMappingURL=child.js.map