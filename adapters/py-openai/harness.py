"""Harness for the `openai` Python package: ResponseImageGenCall*Event.

Default: the path the SDK takes on a streamed event (json.loads of the SSE data, then the lenient
construct_type it uses when strict response validation is off). With --strict: model_validate_json.
Serialize: the model built with validation, written by the SDK's own to_json.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import openai  # noqa: E402
import pydantic  # noqa: E402
from openai._models import construct_type  # noqa: E402
from openai.types import responses  # noqa: E402

STRICT = "--strict" in sys.argv
MODELS = {f"OpenResponsesImageGenCall{x}": getattr(responses, f"ResponseImageGenCall{x}Event")
          for x in ["InProgress", "Generating", "PartialImage", "Completed"]}


def fields(cls):
    return list(cls.model_fields.keys())


def parse_native(model, payload):
    cls = MODELS[model]
    if STRICT:
        try:
            return cls.model_validate_json(payload)
        except pydantic.ValidationError as e:
            raise h.ParseError(str(e))
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise h.ParseError(str(e))
    return construct_type(type_=cls, value=data)


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
