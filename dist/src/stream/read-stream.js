import { SseDecoder } from '../sse/decoder.js';
/** What a capture's start says it is: SSE's field names at the start of a line, unless it opens like JSON. */
function looksLikeSse(text) {
    return /^(data|event|id|retry)(:|$)|^:/m.test(text) && !/^\s*[{[]/.test(text);
}
/** Enough of a capture to tell SSE from NDJSON before the rest arrives. */
const SNIFF_BYTES = 64 * 1024;
/**
 * A capture read as it arrives, SSE or NDJSON: events come out chunk by
 * chunk, so a capture of any size is checked in the memory of one event.
 */
export class StreamReader {
    format;
    head = [];
    headLength = 0;
    sse = new SseDecoder();
    text = new TextDecoder();
    partial = '';
    lineNo = 0;
    push(chunk) {
        if (this.format)
            return this.feed(chunk);
        this.head.push(chunk);
        this.headLength += chunk.length;
        return this.headLength >= SNIFF_BYTES ? this.decide() : [];
    }
    end() {
        const events = this.format ? [] : this.decide();
        if (this.format === 'sse') {
            const end = this.sse.end();
            return { events: [...events, ...this.fromSse(end.events)], unterminated: end.unterminated };
        }
        const last = this.partial + this.text.decode();
        this.partial = '';
        if (last.trim() !== '')
            events.push({ text: last.replace(/\r$/, ''), line: ++this.lineNo });
        return { events, unterminated: false };
    }
    decide() {
        const head = Buffer.concat(this.head);
        this.head = [];
        this.format = looksLikeSse(new TextDecoder().decode(head)) ? 'sse' : 'ndjson';
        return this.feed(head);
    }
    feed(chunk) {
        if (this.format === 'sse')
            return this.fromSse(this.sse.push(chunk));
        const lines = (this.partial + this.text.decode(chunk, { stream: true })).split('\n');
        this.partial = lines.pop();
        const out = [];
        for (const l of lines) {
            this.lineNo++;
            const line = l.replace(/\r$/, '');
            if (line.trim() !== '')
                out.push({ text: line, line: this.lineNo });
        }
        return out;
    }
    fromSse(events) {
        // "[DONE]" closes OpenAI-style streams; it is framing, not an event
        return events.filter((e) => e.data !== '[DONE]').map((e) => ({ text: e.data, line: e.line ?? 0, sseEvent: e.event }));
    }
}
//# sourceMappingURL=read-stream.js.map