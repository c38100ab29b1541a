"""Harness for `openresponses-types`: pydantic models generated from the Open Responses spec (2026-04-24).

The package has one class per streaming event and no union over them, so a program picks the class itself; here
it is the class of the event type the request names (CLASSES, below: read from the package's classes). Parse: that
class's model_validate_json over the payload's bytes, pydantic's entry point for JSON text; a payload of another
type is refused by the class's own `type` enum. Serialize: model_validate, then model_dump_json (by alias, unset
fields left out), pydantic's writer: the package has none of its own.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

import openresponses_types  # noqa: E402
import pydantic  # noqa: E402
from openresponses_types import types  # noqa: E402


def event_classes():
    """The spec's event type -> the package's class for it, read from the package: its classes named for a
    streaming event (the spec's component names, ...StreamingEvent), each by the one value its `type` allows."""
    out = {}
    for name in sorted(dir(types)):
        cls = getattr(types, name)
        field = getattr(cls, "model_fields", {}).get("type") if name.endswith("StreamingEvent") else None
        values = h.literal_values(field.annotation) if field is not None else []
        if len(values) == 1:
            out[values[0]] = cls
    return out


CLASSES = event_classes()


def parse_native(event, payload):
    try:
        return CLASSES[event].model_validate_json(payload)
    except pydantic.ValidationError as e:
        raise h.ParseError(str(e))


def parse(event, payload):
    return h.render_deep(parse_native(event, payload))


def write(obj):
    return obj.model_dump_json(by_alias=True, exclude_unset=True).encode("utf-8")


def serialize(event, value):
    return write(h.build(CLASSES[event], value))


def reserialize(event, payload):
    return write(parse_native(event, payload))


names = list(CLASSES)
h.serve(
    "openresponses-types",
    openresponses_types.__version__,
    {"parse": names, "serialize": names, "reserialize": names},
    {"parse": parse, "serialize": serialize, "reserialize": reserialize},
)
