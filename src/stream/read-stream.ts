import { SseDecoder } from '../../core/sse-decoder.js';

/** One event of a recorded stream, with where it was, for pointing a person at it. */
export interface RecordedEvent {
  /** The JSON text of the event (an SSE event's data, or an NDJSON line). */
  text: string;
  line: number;
  /** The SSE `event:` field, when the capture is SSE and has one. */
  sseEvent?: string | null;
}

/** What a capture's start says it is: SSE's field names at the start of a line, unless it opens like JSON. */
function looksLikeSse(text: string): boolean {
  return /^(data|event|id|retry)(:|$)|^:/m.test(text) && !/^\s*[{[]/.test(text);
}

/** Enough of a capture to tell SSE from NDJSON before the rest arrives. */
const SNIFF_BYTES = 64 * 1024;

/**
 * A capture read as it arrives, SSE or NDJSON: events come out chunk by
 * chunk, so a capture of any size is checked in the memory of one event.
 */
export class StreamReader {
  format: 'sse' | 'ndjson' | undefined;
  private head: Uint8Array[] = [];
  private headLength = 0;
  private sse = new SseDecoder();
  private text = new TextDecoder();
  private partial = '';
  private lineNo = 0;

  push(chunk: Uint8Array): RecordedEvent[] {
    if (this.format) return this.feed(chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    return this.headLength >= SNIFF_BYTES ? this.decide() : [];
  }

  end(): { events: RecordedEvent[]; unterminated: boolean } {
    const events = this.format ? [] : this.decide();
    if (this.format === 'sse') {
      const end = this.sse.end();
      return { events: [...events, ...this.fromSse(end.events)], unterminated: end.unterminated };
    }
    const last = this.partial + this.text.decode();
    this.partial = '';
    if (last.trim() !== '') events.push({ text: last.replace(/\r$/, ''), line: ++this.lineNo });
    return { events, unterminated: false };
  }

  private decide(): RecordedEvent[] {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.format = looksLikeSse(new TextDecoder().decode(head)) ? 'sse' : 'ndjson';
    return this.feed(head);
  }

  private feed(chunk: Uint8Array): RecordedEvent[] {
    if (this.format === 'sse') return this.fromSse(this.sse.push(chunk));
    const lines = (this.partial + this.text.decode(chunk, { stream: true })).split('\n');
    this.partial = lines.pop()!;
    const out: RecordedEvent[] = [];
    for (const l of lines) {
      this.lineNo++;
      const line = l.replace(/\r$/, '');
      if (line.trim() !== '') out.push({ text: line, line: this.lineNo });
    }
    return out;
  }

  private fromSse(events: ReturnType<SseDecoder['push']>): RecordedEvent[] {
    // "[DONE]" closes OpenAI-style streams; it is framing, not an event
    return events.filter((e) => e.data !== '[DONE]').map((e) => ({ text: e.data, line: e.line ?? 0, sseEvent: e.event }));
  }
}
