"""Harness for the `openai` Python package: ResponseImageGenCall*Event, read as its Stream reads every event.

Parse: the event's data through json.loads (ServerSentEvent.json), then the client's _process_response_data
step with cast_to=ResponseStreamEvent, the union Responses.create(stream=True) streams: construct_type when strict
response validation is off (the default), validate_type with --strict (OpenAI(_strict_response_validation=True)),
whose pydantic.ValidationError the client raises as APIResponseValidationError.
Serialize: the model built with validation, written by the SDK's own to_json.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import openai  # noqa: E402
import pydantic  # noqa: E402
from openai._models import construct_type, validate_type  # noqa: E402
from openai.types import responses  # noqa: E402
from openai.types.responses import ResponseStreamEvent  # noqa: E402

STRICT = "--strict" in sys.argv
MODELS = {f"OpenResponsesImageGenCall{x}": getattr(responses, f"ResponseImageGenCall{x}Event")
          for x in ["InProgress", "Generating", "PartialImage", "Completed"]}


def fields(cls):
    return list(cls.model_fields.keys())


def parse_native(model, payload):
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise h.ParseError(str(e))
    if STRICT:
        try:
            obj = validate_type(type_=ResponseStreamEvent, value=data)
        except pydantic.ValidationError as e:
            raise h.ParseError(f"APIResponseValidationError: {e}")
        if not isinstance(obj, MODELS[model]):
            raise h.ParseError(f"validated as {type(obj).__name__}, not {MODELS[model].__name__}")
        return obj
    return construct_type(type_=ResponseStreamEvent, value=data)


def parse(model, payload):
    obj = parse_native(model, payload)
    if not isinstance(obj, MODELS[model]):
        # construct_type hands back what it could not build a model from, and so does the SDK's stream
        return obj
    return h.render(obj, fields(MODELS[model]))


def write(obj):
    return obj.to_json(indent=None).encode("utf-8")


def serialize(model, value):
    try:
        obj = MODELS[model].model_validate(value)
    except pydantic.ValidationError as e:
        raise h.SerializeError(str(e))
    return write(obj)


def reserialize(model, payload):
    obj = parse_native(model, payload)
    if not isinstance(obj, MODELS[model]):
        raise h.SerializeError(f"the parsed value is a {type(obj).__name__}, not a model")
    return write(obj)


def sse(chunks):
    # the decoder the SDK's Stream reads response.iter_bytes() with, fed one network chunk at a time
    from openai._streaming import SSEDecoder
    return [(e.event, e.data) for e in SSEDecoder().iter_bytes(iter(chunks))]


names = list(MODELS)
h.serve("openai (Python)" + (", strict validation" if STRICT else ", streamed-event path"), openai.__version__,
        {"parse": names, "serialize": names, "reserialize": names, "sse": names},
        {"parse": parse, "serialize": serialize, "reserialize": reserialize, "sse": sse})
