"""Harness for the `openai` Python package: every event of its ResponseStreamEvent union, read as its Stream reads it.

Parse: the SDK's own Stream.__stream__ (what iterating Responses.create(stream=True) runs) over one event whose
data is the payload: its [DONE] and error checks, ServerSentEvent.json (json.loads), then the client's
_process_response_data with cast_to=ResponseStreamEvent: construct_type when strict response validation is off
(the default), validate_type with --strict (OpenAI(_strict_response_validation=True)), whose
pydantic.ValidationError the client raises as APIResponseValidationError. Only the SSE decoding of the bytes is
left out (the sse operation covers it): the payload reaches the stream as the decoder's UTF-8 text.
What a program gets is the answer: an event of the class the union has for the event type, rendered through its
attributes at every depth; None or a value the union built no model from (a list, a number), as it came; an event
the union typed as another class is not the event asked for, a refusal of it. Union: the same stream, whatever
the type, and the class it made. The event types are the union's own (its members' `type` literals).
Serialize: the union member's class built with validation, written by the SDK's own to_json.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import httpx2  # noqa: E402
import openai  # noqa: E402
import pydantic  # noqa: E402
from openai._models import BaseModel  # noqa: E402
from openai._streaming import ServerSentEvent, Stream  # noqa: E402
from openai.types.responses import ResponseStreamEvent  # noqa: E402

STRICT = "--strict" in sys.argv
CLASSES = h.union_classes(ResponseStreamEvent)
CLIENT = openai.OpenAI(api_key="unused: nothing is sent", _strict_response_validation=STRICT)
# the HTTP response the stream closes when done: it has no body of its own here, so one serves every event
RESPONSE = httpx2.Response(200, request=httpx2.Request("POST", "https://api.openai.com/v1/responses"))
NO_EVENT = object()


def streamed(payload):
    """What the SDK's stream yields for one event with this data: the event, or NO_EVENT."""
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as e:
        raise h.ParseError(str(e))
    stream = Stream(cast_to=ResponseStreamEvent, response=RESPONSE, client=CLIENT)
    # the decoder's part, done: the stream reads the one event from here, and runs the rest of its own code
    stream._iter_events = lambda: iter([ServerSentEvent(data=text)])
    try:
        return next(iter(stream), NO_EVENT)
    except json.JSONDecodeError as e:
        raise h.ParseError(f"JSONDecodeError: {e}")
    except (openai.APIResponseValidationError, openai.APIError) as e:
        # pydantic names every member of the union before what went wrong: its errors alone say it
        why = e.__cause__
        kind = e.body.get("type") if isinstance(e.body, dict) and isinstance(e.body.get("type"), str) else None
        member = CLASSES[kind].__name__ if kind in CLASSES else None
        cause = (
            f": {h.validation_errors(why, member=member) if isinstance(why, pydantic.ValidationError) else why}"
            if why
            else ""
        )
        raise h.ParseError(f"{type(e).__name__}: {e}{cause}")


def parse(event, payload):
    obj = streamed(payload)
    if obj is NO_EVENT:
        raise h.ParseError("the stream yielded no event")
    wanted = CLASSES[event]
    if isinstance(obj, BaseModel) and not isinstance(obj, wanted):
        # one rule for every adapter: an event the union typed as another one is not the event asked for
        raise h.ParseError(
            f"the stream's union typed it as {type(obj).__name__} (type {getattr(obj, 'type', None)!r}), "
            f"not {wanted.__name__}"
        )
    # None, or a value the union built no model from: the program gets it as the event, without an error
    return h.render_deep(obj)


def union(payload):
    obj = streamed(payload)
    if obj is NO_EVENT:
        raise h.ParseError("the stream yielded no event")
    return h.kind_of(obj), h.render_deep(obj)


def write(obj):
    return obj.to_json(indent=None).encode("utf-8")


def serialize(event, value):
    return write(h.build(CLASSES[event], value))


def reserialize(model, payload):
    # a gateway writes on whatever event the stream gave it, of whichever class: what the SDK writes is the answer
    obj = streamed(payload)
    if not isinstance(obj, BaseModel):
        shown = "no event" if obj is NO_EVENT else f"{type(obj).__name__} {obj!r:.80}"
        raise h.ParseError(f"the stream gave {shown}, which the SDK has no writer for")
    return write(obj)


def sse(chunks):
    # the decoder the SDK's Stream reads response.iter_bytes() with, fed one network chunk at a time
    from openai._streaming import SSEDecoder

    return [(e.event, e.data) for e in SSEDecoder().iter_bytes(iter(chunks))]


types = list(CLASSES)
h.serve(
    "openai (Python)" + (", strict validation" if STRICT else ", streamed-event path"),
    openai.__version__,
    {"parse": types, "serialize": types, "reserialize": types, "sse": types, "union": types},
    {"parse": parse, "serialize": serialize, "reserialize": reserialize, "sse": sse, "union": union},
)
