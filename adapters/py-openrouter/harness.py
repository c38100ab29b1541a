"""Harness for the `openrouter` Python package (Speakeasy): every event of its stream-event union.

Parse: what iterating the EventStream of responses.send(stream=True) runs on one event whose data is the payload:
the SDK's own eventstreaming._parse_event over that event's block (its [DONE] sentinel, its json.loads of the data,
the event written again with json.dumps) and the decoder responses.py hands the stream: unmarshal_json into the
stream's envelope (ResponsesStreamingResponse; CreateResponsesResponseBody before the rename), whose `data` is the
event union. The block is the payload's lines, each written `data: LINE`, which the parser joins back with LF:
only a CR ending a line becomes LF, which JSON reads as the same whitespace. What a program gets is the answer: an
event of the class the union has for the event type, rendered through its attributes at every depth; another class
(UnknownStreamEvents, the newest union's fallback for a type it does not know or a payload its class refused)
is not the event asked for, a refusal of it. Union: the same, whatever the type, and the class it made.
Serialize: the union member's class for the event type, built with validation, written by its marshal_json.
With --seed-names: the releases before the rename, whose union (OpenResponsesStreamEvent) is closed.
"""

import json
import os
import re
import sys
import typing

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import httpx  # noqa: E402
import pydantic  # noqa: E402
from importlib.metadata import version  # noqa: E402
from openrouter import components, errors, operations  # noqa: E402
from openrouter.utils import eventstreaming  # noqa: E402
from openrouter.utils.serializers import marshal_json, unmarshal_json  # noqa: E402
from openrouter.utils.unmarshal_json_response import unmarshal_json_response  # noqa: E402

SEED_NAMES = "--seed-names" in sys.argv
# the envelope each release's responses.py decodes a stream's events into
ENVELOPE = operations.CreateResponsesResponseBody if SEED_NAMES else components.ResponsesStreamingResponse
RESPONSE = httpx.Response(200, request=httpx.Request("POST", "https://openrouter.ai/api/v1/responses"))


def decode(raw):
    """The decoder each release's responses.py gives the EventStream of responses.send(stream=True)."""
    if SEED_NAMES:
        return unmarshal_json(raw, ENVELOPE).data
    return unmarshal_json_response(ENVELOPE, RESPONSE, raw).data


CLASSES = h.union_classes(typing.get_type_hints(ENVELOPE, include_extras=True)["data"])
NO_EVENT = object()


def streamed(payload):
    """What the SDK's stream yields for one event with this data: the event, or NO_EVENT."""
    block = b"\n".join(b"data: " + line for line in re.split(rb"\r\n|\r|\n", payload))
    try:
        out = eventstreaming._parse_event(raw=bytearray(block), decoder=decode, sentinel="[DONE]")
    except UnicodeDecodeError as e:
        raise h.ParseError(f"UnicodeDecodeError: {e}")
    except errors.ResponseValidationError as e:
        why = e.__cause__
        raise h.ParseError(
            f"ResponseValidationError: {e.message}: "
            + (h.validation_errors(why) if isinstance(why, pydantic.ValidationError) else str(why))
        )
    except pydantic.ValidationError as e:
        raise h.ParseError(h.validation_errors(e))
    except ValueError as e:  # the seed union's discriminator raises it for data that is no object
        raise h.ParseError(f"ValueError: {e}")
    event, done = out[0], out[1]
    return NO_EVENT if done else event


def parse(event, payload):
    obj = streamed(payload)
    if obj is NO_EVENT:
        raise h.ParseError("the stream ends at this data: no event")
    wanted = CLASSES[event]
    if not isinstance(obj, wanted):
        # one rule for every adapter: an event the union typed as another one is not the event asked for
        raise h.ParseError(
            f"the stream's union typed it as {h.kind_of(obj)} (type {getattr(obj, 'type', None)!r}), not {wanted.__name__}"
            + why_unknown(obj)
        )
    return h.render_deep(obj)


def why_unknown(obj):
    """Why the open union fell back for a type it knows: parse_open_union drops its class's refusal, which
    says what is wrong; shown, and nothing else done with it."""
    raw = getattr(obj, "raw", None)
    cls = CLASSES.get(raw.get("type")) if isinstance(raw, dict) and isinstance(raw.get("type"), str) else None
    if cls is None:
        return ""
    try:
        cls.model_validate(raw)
    except pydantic.ValidationError as e:
        return f" (its {cls.__name__} refused it: {h.validation_errors(e)})"
    return ""


def union(payload):
    obj = streamed(payload)
    if obj is NO_EVENT:
        raise h.ParseError("the stream ends at this data: no event")
    return h.kind_of(obj), h.render_deep(obj)


def write(obj, cls):
    return marshal_json(obj, cls).encode("utf-8")


def serialize(event, value):
    try:
        obj = h.build(CLASSES[event], value)
    except ValueError as e:  # the seed union's discriminator raises it for a member that is no object
        raise h.SerializeError(f"ValueError: {e}")
    return write(obj, CLASSES[event])


def reserialize(event, payload):
    # a gateway writes on whatever event the stream gave it, of whichever class: what the SDK writes is the answer
    obj = streamed(payload)
    if obj is NO_EVENT:
        raise h.ParseError("the stream ends at this data: no event")
    return write(obj, type(obj))


def _text_stays_text(_s, *args, **kwargs):
    raise json.JSONDecodeError("kept as text", "", 0)


def sse(chunks):
    # The SDK's stream_events over an httpx response that yields the chunks as the network did. It would
    # json.loads each event's data; that step is what the parse checks cover, so here the data stays the
    # text the stream carried and is compared exactly.
    import types
    from openrouter.utils import eventstreaming as es

    saved = es.json
    es.json = types.SimpleNamespace(loads=_text_stays_text, dumps=json.dumps, JSONDecodeError=json.JSONDecodeError)
    try:
        response = httpx.Response(200, content=iter(chunks))
        return [(e.get("event"), e.get("data", "")) for e in es.stream_events(response, json.loads)]
    finally:
        es.json = saved


types_ = list(CLASSES)
h.serve(
    "openrouter (Python)" + (", seed-era model" if SEED_NAMES else ""),
    version("openrouter"),
    {"parse": types_, "serialize": types_, "reserialize": types_, "sse": types_, "union": types_},
    {"parse": parse, "serialize": serialize, "reserialize": reserialize, "sse": sse, "union": union},
)
