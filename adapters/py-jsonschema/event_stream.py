"""text/event-stream parsing as the WHATWG HTML standard writes it ("Server-sent events", interpreting an event
stream), fed network chunks as they come: a chunk may end inside a UTF-8 character or between CR and LF.

The stream is UTF-8 decoded with replacement and one leading BOM dropped; lines end at CRLF, LF or CR; a line
opening with a colon is a comment; `data` lines are joined with LF; an empty `event` is the default type (None);
`id` and `retry` change nothing an event carries here; a blank line dispatches an event when it has data; an event
the stream ends before its blank line is never dispatched.
"""

import codecs


class EventStream:
    def __init__(self):
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.started = False  # a character has been decoded: a BOM after it is text
        self.pending_cr = False  # the last chunk ended in CR: an LF opening the next one ends the same line
        self.buffer = ""
        self.data = []
        self.event = None

    def push(self, chunk, final=False):
        """The events this chunk completes, as (event type or None, data) pairs."""
        text = self.decoder.decode(chunk, final)
        if not self.started and text:
            self.started = True
            if text.startswith("\ufeff"):
                text = text[1:]
        if self.pending_cr and text:
            self.pending_cr = False
            if text.startswith("\n"):
                text = text[1:]
        events = []
        text = self.buffer + text
        start = 0
        i = 0
        while i < len(text):
            c = text[i]
            if c != "\n" and c != "\r":
                i += 1
                continue
            line = text[start:i]
            if c == "\r":
                if i + 1 < len(text):
                    if text[i + 1] == "\n":
                        i += 1
                else:
                    self.pending_cr = True
            i += 1
            start = i
            if line == "":
                event = self.dispatch()
                if event is not None:
                    events.append(event)
            else:
                self.field(line)
        self.buffer = text[start:]
        return events

    def field(self, line):
        if line.startswith(":"):
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self.data.append(value)
        elif name == "event":
            self.event = value

    def dispatch(self):
        event = (self.event or None, "\n".join(self.data)) if self.data else None
        self.data = []
        self.event = None
        return event


def decode(chunks):
    """Every event a whole stream dispatches; what is left unterminated at its end is dropped."""
    stream = EventStream()
    events = [e for chunk in chunks for e in stream.push(chunk)]
    return events + stream.push(b"", final=True)
