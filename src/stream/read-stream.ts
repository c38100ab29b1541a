import { decodeSse } from '../sse/decoder.ts';

/** One event of a recorded stream, with where it was, for pointing a person at it. */
export interface RecordedEvent {
  /** The JSON text of the event (an SSE event's data, or an NDJSON line). */
  text: string;
  line: number;
  /** The SSE `event:` field, when the capture is SSE and has one. */
  sseEvent?: string | null;
}

export interface RecordedStream {
  format: 'sse' | 'ndjson';
  events: RecordedEvent[];
  /** An SSE capture whose last event was never closed by a blank line. */
  unterminated: boolean;
}

/** A saved text/event-stream capture, or NDJSON: told apart by SSE's field names at the start of a line. */
export function readStream(bytes: Uint8Array): RecordedStream {
  const text = new TextDecoder().decode(bytes);
  if (/^(data|event|id|retry)(:|$)|^:/m.test(text) && !/^\s*[{[]/.test(text)) {
    const { events, unterminated } = decodeSse([bytes]);
    // "[DONE]" closes OpenAI-style streams; it is framing, not an event
    return { format: 'sse', unterminated, events: events.filter((e) => e.data !== '[DONE]').map((e) => ({ text: e.data, line: e.line ?? 0, sseEvent: e.event })) };
  }
  const events: RecordedEvent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') events.push({ text: line, line: i + 1 });
  });
  return { format: 'ndjson', unterminated: false, events };
}
