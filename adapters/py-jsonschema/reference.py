"""A second reference codec, in Python: `json` reads and writes, `jsonschema` (Draft 2020-12) judges, for every model
of a schema set. It shares no code with the TypeScript reference, so where the two disagree one of them is wrong.

What a model's answer is: the value with every member its schema does not name left out, at every depth (the
project's UnknownFields rule: an unknown member is ignored, never refused, and never handed back). A schema names
an object's members by `properties` and `patternProperties` of every schema that applies there (through `$ref`,
`allOf`, `if`/`then`/`else`, `dependentSchemas`, and the branches of `anyOf`/`oneOf` the value matches), and every
member where `additionalProperties` or `unevaluatedProperties` is a schema (a map). An object no schema there says
anything of (`{}`, `{"type": "object"}`) is taken whole: there is nothing to tell named from unnamed by. The value
is validated after the unnamed members are set aside, so a closed object's extra member is ignored, not refused;
and a union's branch is chosen by validating the value with that branch's own unnamed members set aside.
"""

import json
import math
import re

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import orc_harness as h

# keywords by which a schema says what an object's members are: without any of them it leaves the object alone
_DESCRIBES_MEMBERS = ("properties", "patternProperties", "additionalProperties", "unevaluatedProperties")


class Location:
    """A subschema and the resolver its `$ref`s are resolved from (its base URI)."""

    __slots__ = ("schema", "resolver")

    def __init__(self, schema, resolver):
        self.schema = schema
        self.resolver = resolver

    def child(self, *keys):
        s = self.schema
        for k in keys:
            s = s[k]
        # a subschema with its own $id is a new base for the references inside it
        resolver = (
            self.resolver.in_subresource(DRAFT202012.create_resource(s)) if isinstance(s, dict) else self.resolver
        )
        return Location(s, resolver)

    def ref(self, keyword="$ref"):
        resolved = self.resolver.lookup(self.schema[keyword])
        return Location(resolved.contents, resolved.resolver)


def _refuse_constant(name):
    raise h.ParseError(f"{name} is not JSON")


def _integer(text):
    # json reads -0 as the int 0; the double -0 keeps its sign, as the TypeScript reference keeps it
    return -0.0 if text == "-0" else int(text)


def _finite_float(text):
    f = float(text)
    if not math.isfinite(f):
        raise h.ParseError(f"{text} is beyond the largest double")
    return f


_SURROGATE = re.compile("[\ud800-\udfff]")


class Reference:
    """parse, serialize and reserialize for every model of a schema set."""

    def __init__(self, schemas, models):
        self.registry = (
            Registry()
            .with_resources(
                (uri, Resource.from_contents(schema, default_specification=DRAFT202012))
                for uri, schema in schemas.items()
            )
            .crawl()
        )
        self.models = {}
        for m in models:
            root = self.registry.resolver().lookup(m["id"])
            self.models[m["name"]] = Location(root.contents, root.resolver)
        # the union: the model of each event type, for an event read whatever its type
        self.by_type = {}
        for name, loc in self.models.items():
            t = _event_type(loc)
            if t is not None:
                self.by_type.setdefault(t, name)
        # one validator serves every subschema: descend() takes the schema and its resolver
        self.validator = Draft202012Validator({}, registry=self.registry)
        self.memo = {}

    # --- reading and writing JSON -------------------------------------------------------------------------------

    def read(self, payload):
        """Strict UTF-8 (a BOM stays in the text, where JSON refuses it), then strict JSON; numbers exactly."""
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError as e:
            raise h.ParseError(f"payload is not UTF-8: {e}")
        try:
            return json.loads(text, parse_constant=_refuse_constant, parse_int=_integer, parse_float=_finite_float)
        except json.JSONDecodeError as e:
            raise h.ParseError(f"payload is not JSON: {e}")
        except RecursionError:
            raise h.ParseError("payload nests deeper than this reader goes")

    def write(self, value):
        """Canonical JSON: members in the order named() gives them, no spaces, non-ASCII raw, a lone surrogate escaped."""
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return _SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text).encode("utf-8")

    # --- judging ------------------------------------------------------------------------------------------------

    def errors(self, loc, value):
        return self.validator.descend(value, loc.schema, resolver=loc.resolver)

    def valid(self, loc, value):
        key = ("valid", id(loc.schema), id(value))
        if key not in self.memo:
            self.memo[key] = (next(iter(self.errors(loc, value)), None) is None, value)
        return self.memo[key][0]

    def check(self, loc, value, error):
        e = best_match(self.errors(loc, value))
        if e is not None:
            where = "/" + "/".join(str(p) for p in e.absolute_path)
            raise error(f"{where}: {e.message}")
        bad = _non_finite(value)
        if bad is not None:
            raise error(f"{bad[0]}: {bad[1]} is not a JSON number")

    # --- the members a schema names -----------------------------------------------------------------------------

    def branches(self, keyword, loc, value):
        """The branches of a union (anyOf, oneOf) the value matches, each judged with its own unnamed members set aside."""
        out = []
        for i in range(len(loc.schema[keyword])):
            b = loc.child(keyword, i)
            if self.valid(b, self.named([b], value)):
                out.append(b)
        return out

    def expand(self, locs, value, seen=0):
        """Every schema that applies to the value where locs do, as a flat list."""
        out = []
        for loc in locs:
            s = loc.schema
            if not isinstance(s, dict):
                continue
            out.append(loc)
            if seen > 64:  # a $ref loop that never reaches the value: validation says what is wrong
                continue
            more = []
            if "$ref" in s:
                more.append(loc.ref())
            more += [loc.child("allOf", i) for i in range(len(s.get("allOf", [])))]
            for keyword in ("anyOf", "oneOf"):
                if keyword in s:
                    more += self.branches(keyword, loc, value)
            if "if" in s:
                cond = loc.child("if")
                if self.valid(cond, self.named([cond], value)):
                    more += [loc.child("then")] if "then" in s else []
                elif "else" in s:
                    more.append(loc.child("else"))
            if isinstance(value, dict):
                more += [loc.child("dependentSchemas", k) for k in s.get("dependentSchemas", {}) if k in value]
            out += self.expand(more, value, seen + 1)
        return out

    def named(self, locs, value):
        """The value with what locs do not name left out, at every depth; members in the schema's order."""
        key = ("named", tuple(id(loc.schema) for loc in locs), id(value))
        if key in self.memo:
            return self.memo[key][0]
        result = self._named(locs, value)
        self.memo[key] = (result, value)  # the value is kept so that its id is not reused while the memo lives
        return result

    def _named(self, locs, value):
        if not isinstance(value, (dict, list)):
            return value
        applied = self.expand(locs, value)
        if isinstance(value, list):
            return [self.named(self.item_locs(applied, i), item) for i, item in enumerate(value)]
        if not any(k in loc.schema for loc in applied for k in _DESCRIBES_MEMBERS):
            return value
        members = {}  # name -> the schemas that apply to it, in the order the schemas name them
        for loc in applied:
            s = loc.schema
            props = s.get("properties", {})
            for name in props:
                if name in value:
                    members.setdefault(name, []).append(loc.child("properties", name))
            patterns = [p for p in s.get("patternProperties", {})]
            for name in value:
                matched = [p for p in patterns if re.search(p, name)]
                for p in matched:
                    members.setdefault(name, []).append(loc.child("patternProperties", p))
                if name in props or matched:
                    continue
                for keyword in ("additionalProperties", "unevaluatedProperties"):
                    if isinstance(s.get(keyword), dict):
                        members.setdefault(name, []).append(loc.child(keyword))
        return {name: self.named(member_locs, value[name]) for name, member_locs in members.items()}

    def item_locs(self, applied, i):
        out = []
        for loc in applied:
            s = loc.schema
            prefix = s.get("prefixItems", [])
            if i < len(prefix):
                out.append(loc.child("prefixItems", i))
            elif "items" in s:
                out.append(loc.child("items"))
        return out

    # --- the operations -----------------------------------------------------------------------------------------

    def model(self, name):
        self.memo = {}
        return self.models[name]

    def answer(self, read, value):
        """What parse hands a program, from what was read and what of it the model names: the named value."""
        return value

    def parse(self, model, payload):
        loc = self.model(model)
        read = self.read(payload)
        value = self.named([loc], read)
        self.check(loc, value, h.ParseError)
        return self.answer(read, value)

    def union(self, payload):
        """One event read whatever its type: as the model of its type, or, a type no model describes, as read (a
        client ignores an event it does not know, so it is handed on, never refused)."""
        read = self.read(payload)
        kind = read.get("type") if isinstance(read, dict) else None
        if not isinstance(kind, str):
            raise h.ParseError(f'an event\'s data must be an object with a string "type"; got {json.dumps(read)[:80]}')
        model = self.by_type.get(kind)
        return (model, self.parse(model, payload)) if model is not None else ("unknown event", read)

    def serialize(self, model, value):
        loc = self.model(model)
        named = self.named([loc], value)
        self.check(loc, named, h.SerializeError)
        return self.write(named)

    def reserialize(self, model, payload):
        loc = self.model(model)
        value = self.named([loc], self.read(payload))
        self.check(loc, value, h.ParseError)
        return self.write(value)


def _event_type(loc):
    """The event type a model describes: its x-event-type, or the one value its `type` member allows (a const, or
    an enum of one, itself or through a $ref)."""
    if isinstance(loc.schema.get("x-event-type"), str):
        return loc.schema["x-event-type"]
    if not isinstance(loc.schema.get("properties", {}).get("type"), dict):
        return None
    t = loc.child("properties", "type")
    for _ in range(8):
        if not (isinstance(t.schema, dict) and "$ref" in t.schema):
            break
        t = t.ref()
    s = t.schema if isinstance(t.schema, dict) else {}
    if isinstance(s.get("const"), str):
        return s["const"]
    enum = s.get("enum")
    return enum[0] if isinstance(enum, list) and len(enum) == 1 and isinstance(enum[0], str) else None


def _non_finite(v, path=""):
    """Where a value to write holds a NaN or an infinity (a request can carry 1e400), and which; or None."""
    if isinstance(v, float) and not math.isfinite(v):
        return (path or "/", v)
    if isinstance(v, dict):
        items = v.items()
    elif isinstance(v, list):
        items = enumerate(v)
    else:
        return None
    for k, x in items:
        found = _non_finite(x, f"{path}/{k}")
        if found is not None:
            return found
    return None
