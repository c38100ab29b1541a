/**
 * The reference text/event-stream decoder, after the WHATWG HTML standard
 * ("Server-sent events", parsing an event stream). It is fed network chunks
 * as they come: a line, a UTF-8 character or a CRLF may be cut anywhere.
 */
export interface SseEvent {
  /** The `event:` field, or null when the event had none (a browser would say "message"). */
  event: string | null;
  data: string;
  id?: string;
  /** The line (1-based) of the event's first field, for pointing people at it. */
  line?: number;
}

export class SseDecoder {
  private readonly text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  private buffer = '';
  /** The previous chunk ended in CR: an LF opening this one belongs to that line ending. */
  private pendingCr = false;
  private data: string[] = [];
  private event: string | null = null;
  private id: string | undefined;
  private lastId: string | undefined;
  private lineNo = 0;
  private startLine = 0;

  /** The events completed by this chunk. */
  push(chunk: Uint8Array): SseEvent[] {
    return this.lines(this.text.decode(chunk, { stream: true }));
  }

  /**
   * End of stream. An event not closed by a blank line is discarded, as the
   * standard says; `unterminated` tells whether there was one.
   */
  end(): { events: SseEvent[]; unterminated: boolean } {
    const events = this.lines(this.text.decode());
    if (this.buffer !== '') this.field(this.buffer);
    this.buffer = '';
    return { events, unterminated: this.data.length > 0 || this.event !== null };
  }

  private lines(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let s = text;
    // only the chunk right after the CR can hold its LF: any text at all settles it, even a lone LF
    if (this.pendingCr && s.length > 0) {
      if (s.startsWith('\n')) s = s.slice(1);
      this.pendingCr = false;
    }
    let start = 0;
    const all = this.buffer + s;
    const base = this.buffer.length;
    for (let i = base; i < all.length; i++) {
      const c = all.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      const line = all.slice(start, i);
      if (c === 0x0d) {
        if (i + 1 < all.length) {
          if (all.charCodeAt(i + 1) === 0x0a) i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      this.lineNo++;
      const e = line === '' ? this.dispatch() : (this.field(line), undefined);
      if (e) out.push(e);
    }
    this.buffer = all.slice(start);
    return out;
  }

  private field(line: string): void {
    if (line.startsWith(':')) return;
    if (this.data.length === 0 && this.event === null && this.id === undefined) this.startLine = this.lineNo;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') this.data.push(value);
    else if (name === 'event') this.event = value;
    else if (name === 'id' && !value.includes('\u0000')) this.id = value;
    // "retry" and unknown fields change nothing an event carries
  }

  private dispatch(): SseEvent | undefined {
    if (this.id !== undefined) this.lastId = this.id;
    const hadData = this.data.length > 0;
    // an empty event type is the default type, as no event field at all is
    const e: SseEvent = {
      event: this.event || null,
      data: this.data.join('\n'),
      ...(this.lastId !== undefined ? { id: this.lastId } : {}),
      line: this.startLine,
    };
    this.data = [];
    this.event = null;
    this.id = undefined;
    return hadData ? e : undefined;
  }
}

/** Every event a whole stream holds, fed chunk by chunk. */
export function decodeSse(chunks: readonly Uint8Array[]): { events: SseEvent[]; unterminated: boolean } {
  const d = new SseDecoder();
  const events = chunks.flatMap((c) => d.push(c));
  const end = d.end();
  return { events: [...events, ...end.events], unterminated: end.unterminated };
}
