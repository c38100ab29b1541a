"""The stdio protocol (schema/protocol/) for Python harnesses: read requests, call the SDK, write replies.

A harness supplies parse/serialize/reserialize functions, and optionally sse (a list of network chunks in,
a list of (event, data) pairs out, from the SDK's own text/event-stream decoder); this module does the rest. It never lets an
exception out of a request: the SDK's documented errors become parse_error/serialize_error, a value the
SDK's type cannot hold becomes unrepresentable, anything else becomes an exception reply, so the runner
can tell a refusal from a defect.
"""

import base64
import collections.abc
import json
import math
import sys
import traceback

PROTOCOL = 1


class ParseError(Exception):
    """Raised by a harness when the SDK refused the payload the way it documents."""


class SerializeError(Exception):
    """Raised by a harness when the SDK refused to serialize the value the way it documents."""


class Unsupported(Exception):
    pass


class Unrepresentable(Exception):
    """Raised when the SDK's type cannot hold a value (0.5 in an int field): its model refused to be built
    with it, so its serializer was never called and refused nothing."""


# A decoder reads any event's text: a harness declares sse for these too, the events whose streams the Sse suite draws.
IMAGE_GENERATION_TYPES = [
    f"response.image_generation_call.{x}" for x in ["in_progress", "generating", "partial_image", "completed"]
]

# pydantic's words for a number its int or float field cannot hold; any other refusal is the SDK's own
_UNREPRESENTABLE = {"int_from_float", "int_parsing_size", "finite_number", "float_parsing"}


def build(cls, value):
    """The SDK's model built from a value in wire shape, as a program builds one (model_validate)."""
    import pydantic

    try:
        return cls.model_validate(value)
    except pydantic.ValidationError as e:
        errors = e.errors()
        if errors and all(
            x["type"] in _UNREPRESENTABLE
            and isinstance(x.get("input"), (int, float))
            and not isinstance(x.get("input"), bool)
            for x in errors
        ):
            raise Unrepresentable(
                "; ".join(
                    f"{'.'.join(map(str, x['loc']))}: {json.dumps(x['input'])} is unrepresentable "
                    f"in the SDK's type ({x['msg']})"
                    for x in errors
                )
            )
        raise SerializeError(str(e))


def _finite(v):
    # JSON has no NaN or Infinity; a non-finite float an SDK produced is shown as a string so it stays visible.
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, dict):
        return {k: _finite(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_finite(x) for x in v]
    return v


def _jsonable(o):
    # what an SDK hands back when it could not build its model (a list of them, say): shown, not crashed on
    if hasattr(o, "model_dump"):
        return o.model_dump(mode="json")
    return repr(o)


def _one_line(e, limit=600):
    # pydantic lists every member of a large union; the first lines say what went wrong
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"


def validation_errors(e, limit=6):
    """A pydantic ValidationError as its errors, each where and what, without the model names pydantic lists for a
    large union first (which fill a one-line message before it says what went wrong)."""
    errors = e.errors()
    shown = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in errors[:limit])
    return f"{len(errors)} validation error{'s' if len(errors) != 1 else ''}: {shown}" + (
        "; …" if len(errors) > limit else ""
    )


def render(obj, fields):
    """The parsed object field by field through its attributes. A field it does not have is left out,
    and so is an optional one the payload did not set (the SDK's models have fields ours do not)."""
    out = {}
    model_fields = getattr(type(obj), "model_fields", {})
    was_set = getattr(obj, "model_fields_set", set(fields))
    for name in fields:
        info = model_fields.get(name)
        if info is not None and not info.is_required() and name not in was_set:
            continue
        try:
            value = getattr(obj, name)
        except AttributeError:
            continue
        out[name] = (
            getattr(value, "value", value) if not isinstance(value, (str, int, float, bool, type(None))) else value
        )
    return out


def render_deep(obj, extras=False):
    """The parsed object field by field at every depth, through its attributes, in wire names (aliases). A field
    the SDK's class does not name is left out (with extras=True, what pydantic kept of it as an extra attribute is
    shown: an SDK whose classes carry fields that way), and so is an optional one the payload did not set; a field
    an unvalidated object lacks (model_construct leaves a missing one unset) is left out as a program finds it
    absent. Enums are their values; dicts, lists and anything untyped are what the SDK holds."""
    import enum

    if isinstance(obj, enum.Enum):
        return obj.value
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, dict):
        return {k: render_deep(v, extras) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [render_deep(v, extras) for v in obj]
    model_fields = getattr(type(obj), "model_fields", None)
    if model_fields is None:
        # an Iterable field holds a lazy iterator (pydantic's ValidatorIterator): a program reads its items, once
        return [render_deep(v, extras) for v in obj] if isinstance(obj, collections.abc.Iterator) else obj
    if getattr(type(obj), "__pydantic_root_model__", False):
        return render_deep(obj.root, extras)
    out = {}
    was_set = obj.model_fields_set
    for name, info in model_fields.items():
        if not info.is_required() and name not in was_set:
            continue
        try:
            value = getattr(obj, name)
        except AttributeError:
            continue
        out[info.alias or name] = render_deep(value, extras)
    if extras:
        for name, value in (getattr(obj, "__pydantic_extra__", None) or {}).items():
            out.setdefault(name, render_deep(value, extras))
    return out


def serve(implementation, version, operations, handlers):
    write = sys.stdout.write
    write(
        json.dumps(
            {
                "type": "hello",
                "protocol": PROTOCOL,
                "implementation": {"name": implementation, "language": "Python", "version": version},
                "operations": operations,
            }
        )
        + "\n"
    )
    sys.stdout.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        # "-0" is the double -0.0 the check means (json reads it as the int 0); integers keep every digit
        req = json.loads(line, parse_int=lambda s: -0.0 if s == "-0" else int(s))
        rid, op, model = req["id"], req["op"], req["model"]
        try:
            # a harness that declared event types (an SDK's union) is handed the event type; one that declared titles, the title
            declared = operations.get(op, [])
            if model not in declared and req.get("event") in declared:
                model = req["event"]
            # a stream names no model: its events are whatever it holds
            if op not in handlers or (op != "sse" and model not in declared):
                raise Unsupported(f"{op} is not supported for {model}")
            if op == "sse":
                events = handlers[op]([base64.b64decode(c) for c in req["chunks"]])
                reply = {"id": rid, "ok": True, "events": [{"event": e, "data": d} for e, d in events]}
            elif op == "serialize":
                reply = {"id": rid, "ok": True, "bytes": base64.b64encode(handlers[op](model, req["value"])).decode()}
            else:
                result = handlers[op](model, base64.b64decode(req["payload"]))
                reply = (
                    {"id": rid, "ok": True, "value": _finite(result)}
                    if op == "parse"
                    else {"id": rid, "ok": True, "bytes": base64.b64encode(result).decode()}
                )
        except ParseError as e:
            reply = {"id": rid, "ok": False, "error": {"kind": "parse_error", "message": _one_line(e)}}
        except SerializeError as e:
            reply = {"id": rid, "ok": False, "error": {"kind": "serialize_error", "message": _one_line(e)}}
        except Unsupported as e:
            reply = {"id": rid, "ok": False, "error": {"kind": "unsupported", "message": str(e)}}
        except Unrepresentable as e:
            reply = {"id": rid, "ok": False, "error": {"kind": "unrepresentable", "message": _one_line(e)}}
        except Exception as e:  # the SDK threw something it does not document: a defect, reported as such
            traceback.print_exc(file=sys.stderr)
            reply = {
                "id": rid,
                "ok": False,
                "error": {"kind": "exception", "message": f"{type(e).__name__}: {_one_line(e)}"},
            }
        try:
            line = json.dumps(reply, allow_nan=False, default=_jsonable)
        except (TypeError, ValueError) as e:
            line = json.dumps(
                {
                    "id": rid,
                    "ok": False,
                    "error": {"kind": "exception", "message": f"the harness could not write the SDK's answer: {e}"},
                }
            )
        write(line + "\n")
        sys.stdout.flush()
