"""The stdio protocol (schema/protocol/) for Python harnesses: read requests, call the SDK, write replies.

A harness supplies parse/serialize/reserialize functions, and optionally sse (a list of network chunks in,
a list of (event, data) pairs out, from the SDK's own text/event-stream decoder) and union (one event's bytes in,
whatever its type, (what the SDK's union made of it, its rendered value) out); this module does the rest. It never lets an
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


def validation_errors(e, limit=6, member=None):
    """A pydantic ValidationError as its errors, each where and what, without the model names pydantic lists for a
    large union first (which fill a one-line message before it says what went wrong). With member (a union
    member's name), that member's errors alone when it has any: the ones of the class the event's type names."""
    errors = e.errors()
    own = [x for x in errors if x["loc"][:1] == (member,)] if member else []
    shown = own or errors
    text = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in shown[:limit])
    return (
        f"{len(shown)} validation error{'s' if len(shown) != 1 else ''}: {text}"
        + ("; …" if len(shown) > limit else "")
        + (f" (of {len(errors)} over the union's members)" if own else "")
    )


def render_deep(obj, extras=False):
    """The parsed object field by field at every depth, through its attributes, in wire names (aliases). A field
    the SDK's class does not name is left out (with extras=True, what pydantic kept of it as an extra attribute is
    shown: an SDK whose classes carry fields that way), and so is one the payload did not set, by the object's own
    record of them (model_fields_set): an optional one's default, and a required one an unvalidated object lacks
    (model_construct leaves it unset; openai's construct fills it with None, which no payload said). Enums are
    their values; dicts, lists and anything untyped are what the SDK holds."""
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
        if name not in was_set:
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


def union_classes(union):
    """The event types a pydantic union of event classes models, each with its class, as the union's own data says:
    the variants table of an open union's validator (Speakeasy's parse_open_union), else each member's Tag, else the
    one value of each member's `type` field (a Literal or an enum). A fallback member for types it does not know
    (whose `type` is `UNKNOWN`) models none."""
    import typing

    args = typing.get_args(union)
    annotated = typing.get_origin(union) is typing.Annotated
    members, metadata = (typing.get_args(args[0]), args[1:]) if annotated else (args, ())
    for m in metadata:
        variants = getattr(getattr(m, "func", None), "keywords", {}).get("variants")
        if isinstance(variants, dict):
            return dict(variants)
    out = {}
    for member in members:
        cls = member.__origin__ if typing.get_origin(member) is typing.Annotated else member
        tag = next(
            (x.tag for x in getattr(member, "__metadata__", ()) if isinstance(getattr(x, "tag", None), str)), None
        )
        field = getattr(cls, "model_fields", {}).get("type")
        values = [tag] if tag is not None else literal_values(field.annotation) if field is not None else []
        for v in values:
            if v != "UNKNOWN":
                out.setdefault(v, cls)
    return out


def literal_values(annotation):
    """The values a field's type allows when it is a Literal or an enum (through Optional and other unions)."""
    import enum
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return [getattr(v, "value", v) for v in typing.get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [e.value for e in annotation]
    return [v for a in typing.get_args(annotation) for v in literal_values(a)]


def kind_of(obj):
    """What a union made of an event, by name: its class (`NoneType` shown as None)."""
    return "None" if obj is None else type(obj).__name__


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
        rid, op, model = req["id"], req["op"], req.get("model")
        try:
            # a harness that declared event types (an SDK's union) is handed the event type; one that declared titles, the title
            declared = operations.get(op, [])
            if model not in declared and req.get("event") in declared:
                model = req["event"]
            # a stream names no model: its events are whatever it holds; nor does a union, which reads the type itself
            if op not in handlers or (op not in ("sse", "union") and model not in declared):
                raise Unsupported(f"{op} is not supported" + ("" if model is None else f" for {model}"))
            if op == "union":
                kind, value = handlers[op](base64.b64decode(req["payload"]))
                reply = {"id": rid, "ok": True, "value": _finite(value), "as": kind}
            elif op == "sse":
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
