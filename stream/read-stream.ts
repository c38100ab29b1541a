import { SseDecoder, type SseEvent } from '../core/sse-decoder.js';

/** One event of a recorded stream, with where it was, for pointing a person at it. */
export interface RecordedEvent {
  /** The JSON text of the event (an SSE event's data, or an NDJSON line); empty when the event was too large to read. */
  text: string;
  line: number;
  /** The SSE `event:` field, when the capture is SSE and has one. */
  sseEvent?: string | null;
  /** Set when the event ran past the reader's limit: its bytes, counted up to where it ended; it was not read. */
  tooLarge?: number;
  /** Set on an SSE `data: [DONE]`, given out only with `keepDone`: the end of a stream, not an event. */
  done?: true;
}

/** The largest event read: past it an event is counted and passed over, so one event never holds more memory than this. */
export const MAX_EVENT_BYTES = 64 * 1024 * 1024;

export interface StreamReaderOptions {
  maxEventBytes?: number;
  /** Give out each SSE `data: [DONE]` as a record with `done` set, where the stream rules read where a stream ends; otherwise it is dropped. */
  keepDone?: boolean;
}

/** What a capture's start says it is: SSE's field names at the start of a line, unless it opens like JSON. */
function looksLikeSse(text: string): boolean {
  return /^(data|event|id|retry)(:|$)|^:/m.test(text) && !/^\s*[{[]/.test(text);
}

/** Enough of a capture to tell SSE from NDJSON before the rest arrives. */
const SNIFF_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A capture read as it arrives, SSE or NDJSON: events come out chunk by
 * chunk, so a capture of any size is checked in the memory of one event, and
 * an event over `maxEventBytes` is passed over, not held. Lines are cut here,
 * and the SSE decoder is given whole lines only: a decoder fed a long line a
 * chunk at a time would join its growing buffer to each chunk, and a 200 MB
 * line would cost its length squared.
 */
export class StreamReader {
  format: 'sse' | 'ndjson' | undefined;
  private readonly max: number;
  private head: Uint8Array[] = [];
  private headLength = 0;
  private sse = new SseDecoder();
  /** What the current decoder's line 1 is in the capture, less one: a decoder is started afresh after an event passed over. */
  private lineOffset = 0;
  /** The bytes of the line not ended yet, while it is kept. */
  private carry: Uint8Array[] = [];
  /** The length of the line not ended yet, kept or passed over. */
  private lineLength = 0;
  /** The length of the current SSE event's ended lines. */
  private eventLength = 0;
  /** The line the current event starts on. */
  private eventLine = 0;
  private lines = 0;
  /** NDJSON lines given out or passed over. */
  private linesDone = 0;
  /** The last chunk ended in CR; `crFed`: that CR reached the decoder, which then takes a following LF as part of it. */
  private afterCr = false;
  private crFed = false;
  private skipping: { line: number; bytes: number } | undefined;
  private started = false;
  private readonly keepDone: boolean;

  constructor(options: StreamReaderOptions = {}) {
    this.max = options.maxEventBytes ?? MAX_EVENT_BYTES;
    this.keepDone = options.keepDone ?? false;
  }

  /** The bytes of the capture held now, not yet given out: never more than `maxEventBytes` past the start. */
  get held(): number {
    return this.headLength + this.carry.reduce((n, c) => n + c.length, 0);
  }

  push(chunk: Uint8Array): RecordedEvent[] {
    if (this.format) return this.feed(chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    return this.headLength >= SNIFF_BYTES ? this.decide() : [];
  }

  end(): { events: RecordedEvent[]; unterminated: boolean } {
    const events = this.format ? [] : this.decide();
    let passedOver = false;
    if (this.skipping) {
      events.push(this.passedOver());
      passedOver = true;
    } else if (this.carry.length > 0) this.give(new Uint8Array(0), events, true);
    if (this.format === 'sse') {
      const end = this.sse.end();
      return { events: [...events, ...this.fromSse(end.events)], unterminated: end.unterminated || passedOver };
    }
    return { events, unterminated: false };
  }

  private decide(): RecordedEvent[] {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.headLength = 0;
    this.format = looksLikeSse(new TextDecoder().decode(head)) ? 'sse' : 'ndjson';
    return this.feed(head);
  }

  private feed(chunk: Uint8Array): RecordedEvent[] {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const sse = this.format === 'sse';
    const out: RecordedEvent[] = [];
    let pos = 0;
    /** Where the bytes not yet given to the decoder start. */
    let from = 0;
    if (this.afterCr && buf.length > 0) {
      // the LF of a CRLF cut between two chunks ends no line of its own
      if (buf[0] === LF) {
        pos = 1;
        if (!this.crFed) from = 1;
      }
      this.afterCr = false;
    }
    let nextLf = -2;
    let nextCr = sse ? -2 : -1;
    let first = true;
    for (;;) {
      if (nextLf !== -1 && nextLf < pos) nextLf = buf.indexOf(LF, pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = buf.indexOf(CR, pos);
      const i = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (i < 0) break;
      let end = i + 1;
      if (buf[i] === CR) {
        if (i + 1 < buf.length) {
          if (buf[i + 1] === LF) end++;
        } else this.afterCr = true;
      }
      const earlier = this.lineLength;
      const length = earlier + (i - pos);
      this.lineLength = 0;
      this.lines++;
      if (!sse || (this.eventLength === 0 && length > 0 && !this.skipping)) this.eventLine = this.lines;
      if (!this.skipping && this.eventLength + length > this.max) {
        // what came before this line is given; the event this line belongs to is passed over
        if (first) this.carry = [];
        this.give(buf.subarray(from, pos), out, false);
        this.skipping = { line: this.eventLine, bytes: this.eventLength + earlier };
      }
      if (this.skipping) {
        this.skipping.bytes += i - pos;
        this.crFed = false;
        from = end;
        // an NDJSON event is its line; an SSE event ends at a blank line
        if (!sse || length === 0) {
          out.push(this.passedOver());
          this.eventLength = 0;
          if (sse) this.restartDecoder();
          else this.linesDone++;
        }
      } else {
        this.crFed = true;
        this.eventLength = sse && length > 0 ? this.eventLength + length : 0;
        // the kept start of this line goes with it, so that only whole lines are ever given
        if (this.carry.length > 0) {
          this.give(buf.subarray(from, end), out, false);
          from = end;
        }
      }
      pos = end;
      first = false;
    }
    const rest = buf.length - pos;
    this.lineLength += rest;
    if (this.skipping) {
      this.skipping.bytes += rest;
      return out;
    }
    if (this.eventLength + this.lineLength > this.max) {
      this.carry = [];
      this.give(buf.subarray(from, pos), out, false);
      this.skipping = { line: sse && this.eventLength > 0 ? this.eventLine : this.lines + 1, bytes: this.eventLength + this.lineLength };
      return out;
    }
    if (pos > from) this.give(buf.subarray(from, pos), out, false);
    // copied: whoever sent the chunk may reuse its memory
    if (rest > 0) this.carry.push(Buffer.from(buf.subarray(pos)));
    return out;
  }

  /** Hands the kept start of the line and then `bytes` (whole lines, unless `last`) to the decoder or the NDJSON splitter. */
  private give(bytes: Uint8Array, out: RecordedEvent[], last: boolean): void {
    const whole = this.carry.length > 0 ? Buffer.concat([...this.carry, bytes]) : bytes;
    this.carry = [];
    if (whole.length === 0) return;
    if (this.format === 'sse') {
      out.push(...this.fromSse(this.sse.push(whole)));
      return;
    }
    let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(whole);
    // a byte order mark is dropped at the start of the capture only
    if (!this.started && text.startsWith('\uFEFF')) text = text.slice(1);
    this.started = true;
    const lines = text.split('\n');
    if (!last) lines.pop();
    for (const l of lines) {
      const line = ++this.linesDone;
      const t = l.replace(/\r$/, '');
      if (t.trim() !== '') out.push({ text: t, line });
    }
  }

  private passedOver(): RecordedEvent {
    const s = this.skipping!;
    this.skipping = undefined;
    return { text: '', line: s.line, tooLarge: s.bytes };
  }

  /** A decoder that starts after the blank line that ended an event passed over: the lines it was given of that event are dropped with it. */
  private restartDecoder(): void {
    this.sse = new SseDecoder();
    // a first line ending starts its stream, so that a byte order mark after it is not taken for the capture's own
    this.sse.push(Uint8Array.of(LF));
    this.lineOffset = this.lines - 1;
  }

  private fromSse(events: SseEvent[]): RecordedEvent[] {
    // "[DONE]" closes OpenAI-style streams; it is framing, not an event
    return events
      .filter((e) => this.keepDone || e.data !== '[DONE]')
      .map((e) => ({ text: e.data, line: (e.line ?? 0) + this.lineOffset, sseEvent: e.event, ...(e.data === '[DONE]' ? { done: true as const } : {}) }));
  }
}
