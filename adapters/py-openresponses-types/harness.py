"""Harness for `openresponses-types`: pydantic models generated from the Open Responses spec (2026-04-24).

The package has one class per streaming event and no union over them, so a program picks the class itself; here
it is the class of the event type the request names (CLASSES, below: data, one line per event). Parse: that
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

# the spec's event type -> the package's class for it
CLASSES = {
    "error": "ErrorStreamingEvent",
    "response.completed": "ResponseCompletedStreamingEvent",
    "response.content_part.added": "ResponseContentPartAddedStreamingEvent",
    "response.content_part.done": "ResponseContentPartDoneStreamingEvent",
    "response.created": "ResponseCreatedStreamingEvent",
    "response.failed": "ResponseFailedStreamingEvent",
    "response.function_call_arguments.delta": "ResponseFunctionCallArgumentsDeltaStreamingEvent",
    "response.function_call_arguments.done": "ResponseFunctionCallArgumentsDoneStreamingEvent",
    "response.in_progress": "ResponseInProgressStreamingEvent",
    "response.incomplete": "ResponseIncompleteStreamingEvent",
    "response.output_item.added": "ResponseOutputItemAddedStreamingEvent",
    "response.output_item.done": "ResponseOutputItemDoneStreamingEvent",
    "response.output_text.annotation.added": "ResponseOutputTextAnnotationAddedStreamingEvent",
    "response.output_text.delta": "ResponseOutputTextDeltaStreamingEvent",
    "response.output_text.done": "ResponseOutputTextDoneStreamingEvent",
    "response.queued": "ResponseQueuedStreamingEvent",
    "response.reasoning.delta": "ResponseReasoningDeltaStreamingEvent",
    "response.reasoning.done": "ResponseReasoningDoneStreamingEvent",
    "response.reasoning_summary_part.added": "ResponseReasoningSummaryPartAddedStreamingEvent",
    "response.reasoning_summary_part.done": "ResponseReasoningSummaryPartDoneStreamingEvent",
    "response.reasoning_summary_text.delta": "ResponseReasoningSummaryDeltaStreamingEvent",
    "response.reasoning_summary_text.done": "ResponseReasoningSummaryDoneStreamingEvent",
    "response.refusal.delta": "ResponseRefusalDeltaStreamingEvent",
    "response.refusal.done": "ResponseRefusalDoneStreamingEvent",
}


def parse_native(event, payload):
    try:
        return getattr(types, CLASSES[event]).model_validate_json(payload)
    except pydantic.ValidationError as e:
        raise h.ParseError(str(e))


def parse(event, payload):
    return h.render_deep(parse_native(event, payload))


def write(obj):
    return obj.model_dump_json(by_alias=True, exclude_unset=True).encode("utf-8")


def serialize(event, value):
    return write(h.build(getattr(types, CLASSES[event]), value))


def reserialize(event, payload):
    return write(parse_native(event, payload))


names = list(CLASSES)
h.serve(
    "openresponses-types",
    openresponses_types.__version__,
    {"parse": names, "serialize": names, "reserialize": names},
    {"parse": parse, "serialize": serialize, "reserialize": reserialize},
)
