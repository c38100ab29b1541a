/** The last bytes of a stream, kept to attach to a failure. */
declare class Tail {
    private readonly max;
    private text;
    constructor(max: number);
    push(s: string): void;
    get value(): string;
}
export interface ChildEvents {
    line(line: string): void;
    exit(description: string): void;
    /** A line grew past the limit before its newline came: a fault of its own kind, never a hang. */
    oversized(limit: number): void;
}
/** Replies carry 10 MB payloads as base64, and more; a line past this is a harness out of control. */
export declare const MAX_LINE_CHARS: number;
/**
 * One harness process: lines out of stdout, stderr kept aside (never a
 * fault by itself), one event when it is gone. It runs in a process group
 * of its own, so that a shell's children and a harness's own children go
 * with it; once it is gone its pipes are closed from this side, so that a
 * grandchild holding them cannot keep orc waiting.
 */
export declare class HarnessProcess {
    readonly stderr: Tail;
    private readonly proc;
    /** Text after the last newline, kept as chunks: each byte is scanned once. */
    private pending;
    private pendingLength;
    private gone;
    constructor(command: string[] | string, cwd: string | undefined, events: ChildEvents, maxLineChars?: number);
    get alive(): boolean;
    write(line: string): void;
    /** The whole group, then the pipes: nothing of the harness is waited on again. */
    private release;
    kill(): void;
    /** Closes stdin, the protocol's way to say goodbye; kills what does not leave. */
    close(graceMs?: number): Promise<void>;
}
export {};
