"""Harness for `litellm`: the Responses stream transform a LiteLLM proxy or SDK stream runs on every event.

Parse: what ResponsesAPIStreamingIterator._process_chunk does with one event's data, up to and including
OpenAIResponsesAPIConfig().transform_streaming_response: litellm's own _load_json_value (json.loads) and
_is_json_object, the iterator's typing of a type-less chunk that carries `error`, then the transform, which picks
the event class by `type` (get_event_model_class), rewrites `error.code: null` to "unknown_error", and on a
pydantic ValidationError falls back to model_construct (no validation). A chunk the iterator skips (not JSON, not
an object, [DONE]) reaches no program: a refusal. An event handed on as another class (GenericEvent for a type
litellm does not model) is not the model: a refusal. Union: the same transform whatever the type, and the class it
gave; the event types are those litellm's own table (get_event_model_class) gives a class of their own. The event is rendered through its attributes at every
depth, the extras included: litellm's classes name some fields and carry the rest (sequence_number among them)
as pydantic extras that event.x and event["x"] read and the proxy writes on.
Sse: openai's SSEDecoder().iter_bytes, which the iterator reads response.iter_bytes() with.
"""

import os
import sys

# litellm fetches its model price list over the network at import unless told to use the bundled copy
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

from importlib.metadata import version  # noqa: E402

import pydantic  # noqa: E402
from openai._streaming import SSEDecoder  # noqa: E402
from litellm.constants import STREAM_SSE_DONE_STRING  # noqa: E402
from litellm.llms.openai.responses.transformation import OpenAIResponsesAPIConfig  # noqa: E402
from litellm.responses import streaming_iterator as iterator  # noqa: E402
from litellm.types.llms.openai import GenericEvent, ResponsesAPIStreamEvents  # noqa: E402

CONFIG = OpenAIResponsesAPIConfig()
# the event types litellm's own table gives a class of their own (anything else becomes a GenericEvent)
TYPES = [e.value for e in ResponsesAPIStreamEvents if CONFIG.get_event_model_class(e.value) is not GenericEvent]
# the request's model, as the iterator passes self.model; the transform only logs it
MODEL = "gpt-4o"


def transformed(payload):
    """What _process_chunk hands on for one event with this data, or a refusal when it hands on nothing."""
    try:
        chunk = payload.decode("utf-8")
    except UnicodeDecodeError as e:
        raise h.ParseError(f"UnicodeDecodeError: {e}")
    if not chunk or chunk == STREAM_SSE_DONE_STRING:
        raise h.ParseError("the iterator hands on no event for this data")
    try:
        parsed = iterator._load_json_value(chunk)
    except ValueError as e:  # json.JSONDecodeError: the iterator skips the chunk
        raise h.ParseError(f"the iterator skips it, not JSON: {e}")
    if not iterator._is_json_object(parsed):
        raise h.ParseError(f"the iterator skips it, not a JSON object: {type(parsed).__name__}")
    # the iterator's own rule, as _process_chunk writes it: a type-less chunk with `error` is an error event
    typed = (
        parsed
        if parsed.get("type") is not None or "error" not in parsed
        else {
            "sequence_number": iterator.SEQUENCE_NUMBER_STAMPED_ON_EMISSION,
            **parsed,
            "type": ResponsesAPIStreamEvents.ERROR.value,
        }
    )
    # logging_obj: the transform never reads it (the iterator passes its Logging object)
    return CONFIG.transform_streaming_response(model=MODEL, parsed_chunk=typed, logging_obj=None)


def parse(event, payload):
    obj = transformed(payload)
    wanted = CONFIG.get_event_model_class(event)
    if type(obj) is not wanted:
        raise h.ParseError(
            f"the transform gave {type(obj).__name__} (type {h.render_deep(getattr(obj, 'type', None))!r}), not {wanted.__name__}"
        )
    try:
        return h.render_deep(obj, extras=True)
    except pydantic.ValidationError as e:  # an Iterable field validates its items as a program reads them
        raise h.ParseError(f"reading the event's lazily validated items: {e}")


def union(payload):
    obj = transformed(payload)
    try:
        return h.kind_of(obj), h.render_deep(obj, extras=True)
    except pydantic.ValidationError as e:
        raise h.ParseError(f"reading the event's lazily validated items: {e}")


def sse(chunks):
    return [(e.event, e.data) for e in SSEDecoder().iter_bytes(iter(chunks))]


h.serve(
    "litellm",
    version("litellm"),
    {"parse": TYPES, "sse": TYPES + h.IMAGE_GENERATION_TYPES, "union": TYPES},
    {"parse": parse, "sse": sse, "union": union},
)
