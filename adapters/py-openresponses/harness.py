"""Harness for `openresponses-py`: the Open Responses spec's 24 streaming events, read as its ResponseStream reads them.

Parse: the SDK's own ResponseStream.__next__ (what iterating client.responses.create(stream=True) runs) over one
event whose data is the payload: its [DONE] check, _decode_event (json.loads, the string-type check, then the
mode's validation: the StreamingEvent union in `strict` and `openai-compatible`, the OpenAIStreamingEvent envelope
in `openai`), then its StreamState. Only the SSE decoding of the bytes is left out (the sse operation covers it):
the payload reaches the stream as its decoder's UTF-8 text. An event the union typed as another class
(UnknownStreamingEvent included; in `openai` mode, the envelope with another `type`) is not the model: a refusal.
Union: the same stream whatever the type, and the class it made (the envelope, in `openai` mode, for every type).
Serialize: the event class built with validation, written by pydantic's model_dump_json (the package has no event
writer of its own; its request writer dumps by alias, unset fields left out, and so does this).
"""

import contextlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import httpx  # noqa: E402
import pydantic  # noqa: E402
import openresponses  # noqa: E402
from openresponses.streaming import ParsedSSEEvent, ResponseStream, SSEParser  # noqa: E402
from openresponses.types.protocol import StreamingEvent, UnknownStreamingEvent  # noqa: E402

MODE = next((a.removeprefix("--mode=") for a in sys.argv[1:] if a.startswith("--mode=")), "strict")
# the classes of the union's members, by the tag (the wire type) the union dispatches on: the package's data
UNION = {
    member.__metadata__[0].tag: member.__origin__
    for member in StreamingEvent.__origin__.__args__
    if member.__origin__ is not UnknownStreamingEvent
}
TYPES = sorted(UNION)
# the openai mode's envelope is one class whose `type` is any str: it hands every event on and models none by name
UNION_TYPES = [] if MODE == "openai" else TYPES
# the HTTP response a stream reads: the event-stream content type its __next__ checks, no body of its own
RESPONSE = httpx.Response(
    200,
    headers={"content-type": "text/event-stream"},
    request=httpx.Request("POST", "https://api.openai.com/v1/responses"),
)


def streamed(payload):
    """What the SDK's stream yields for one event with this data."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as e:
        raise h.ParseError(f"SSEProtocolError: SSE stream is not valid UTF-8 ({e})")
    stream = ResponseStream(contextlib.nullcontext(RESPONSE), MODE)
    # the decoder's part, done: the stream reads the one event from here, and runs the rest of its own code
    stream._parser = SSEParser()
    stream._pending = [ParsedSSEEvent(event=None, data=text)]
    try:
        return next(stream)
    except StopIteration:
        raise h.ParseError("the stream yielded no event")
    except openresponses.OpenResponsesError as e:
        if isinstance(e.__cause__, pydantic.ValidationError):
            said = str(e)[: len(str(e)) - len(str(e.__cause__))]
            raise h.ParseError(f"{type(e).__name__}: {said}{h.validation_errors(e.__cause__)}")
        raise h.ParseError(f"{type(e).__name__}: {e}")


def native(event, obj):
    """The event as the model's class, or a refusal saying what the stream typed it as."""
    wanted = openresponses.OpenAIStreamingEvent if MODE == "openai" else UNION[event]
    if not isinstance(obj, wanted) or (MODE == "openai" and obj.type != event):
        raise h.ParseError(
            f"the stream typed it as {type(obj).__name__} (type {getattr(obj, 'type', None)!r}), not {event}"
        )
    return obj


def parse(event, payload):
    # the openai envelope names the fields common to OpenAI's events and carries the rest (summary_index, …) as
    # pydantic extras that event.x reads: shown; the spec's classes name every field of their event
    return h.render_deep(native(event, streamed(payload)), extras=MODE == "openai")


def write(obj):
    return obj.model_dump_json(by_alias=True, exclude_unset=True).encode("utf-8")


def union(payload):
    obj = streamed(payload)
    # the fallback class names type and sequence_number and carries the rest as extras a program reads (event.x),
    # and so does the openai mode's envelope
    return h.kind_of(obj), h.render_deep(obj, extras=MODE == "openai" or isinstance(obj, UnknownStreamingEvent))


def serialize(event, value):
    return write(h.build(openresponses.OpenAIStreamingEvent if MODE == "openai" else UNION[event], value))


def reserialize(event, payload):
    # a gateway writes on whatever event the stream gave it, of whichever class: what pydantic writes is the answer
    return write(streamed(payload))


def sse(chunks):
    # the incremental parser the stream feeds response.iter_bytes() to, one network chunk at a time, then finish()
    parser = SSEParser()
    try:
        events = [e for chunk in chunks for e in parser.feed(chunk)] + parser.finish()
    except openresponses.SSEProtocolError as e:
        raise h.ParseError(f"SSEProtocolError: {e}")
    return [(e.event, e.data) for e in events]


h.serve(
    "openresponses-py" + ("" if MODE == "strict" else f", {MODE} mode"),
    openresponses.__version__,
    {
        "parse": TYPES,
        "serialize": TYPES,
        "reserialize": TYPES,
        "sse": TYPES + h.IMAGE_GENERATION_TYPES,
        "union": UNION_TYPES,
    },
    {"parse": parse, "serialize": serialize, "reserialize": reserialize, "sse": sse, "union": union},
)
