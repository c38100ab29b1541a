"""Harness for the `openrouter` Python package (Speakeasy): ImageGenCall*Event.

Parse with the SDK's own unmarshal_json (what its event stream uses), serialize with its marshal_json.
With --seed-names: the releases before the rename, whose classes are the seed's OpenResponsesImageGenCall*.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import pydantic  # noqa: E402
from importlib.metadata import version  # noqa: E402
from openrouter import components  # noqa: E402
from openrouter.utils.serializers import marshal_json, unmarshal_json  # noqa: E402

SEED_NAMES = "--seed-names" in sys.argv
MODELS = {
    f"OpenResponsesImageGenCall{x}": getattr(
        components, f"OpenResponsesImageGenCall{x}" if SEED_NAMES else f"ImageGenCall{x}Event"
    )
    for x in ["InProgress", "Generating", "PartialImage", "Completed"]
}


def parse_native(model, payload):
    try:
        return unmarshal_json(payload.decode("utf-8"), MODELS[model])
    except (pydantic.ValidationError, ValueError) as e:
        raise h.ParseError(str(e))


def parse(model, payload):
    return h.render(parse_native(model, payload), list(MODELS[model].model_fields.keys()))


def write(obj, model):
    return marshal_json(obj, MODELS[model]).encode("utf-8")


def serialize(model, value):
    return write(h.build(MODELS[model], value), model)


def reserialize(model, payload):
    return write(parse_native(model, payload), model)


def _text_stays_text(_s, *args, **kwargs):
    raise json.JSONDecodeError("kept as text", "", 0)


def sse(chunks):
    # The SDK's stream_events over an httpx response that yields the chunks as the network did. It would
    # json.loads each event's data; that step is what the parse checks cover, so here the data stays the
    # text the stream carried and is compared exactly.
    import types
    import httpx
    from openrouter.utils import eventstreaming as es

    es.json = types.SimpleNamespace(loads=_text_stays_text, dumps=json.dumps, JSONDecodeError=json.JSONDecodeError)
    response = httpx.Response(200, content=iter(chunks))
    events = []
    for e in es.stream_events(response, json.loads):
        events.append((e.get("event"), e.get("data", "")))
    return events


names = list(MODELS)
h.serve(
    "openrouter (Python)" + (", seed-era model" if SEED_NAMES else ""),
    version("openrouter"),
    {"parse": names, "serialize": names, "reserialize": names, "sse": names},
    {"parse": parse, "serialize": serialize, "reserialize": reserialize, "sse": sse},
)
