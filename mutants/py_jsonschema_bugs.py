"""The py-jsonschema harness (adapters/py-jsonschema/) with exactly one bug, named by argv[1]:

  null-anywhere           a null is taken wherever it stands: validation errors about a null are not raised
                          (an SDK that types every field Optional)
  wrong-branch            a union's branch is the first whose members other than the discriminator validate
                          (an untagged union read left to right): the value comes back shaped by that branch
  drops-array-item        the answer leaves out the last item of every array of two or more objects
  refuses-unknown-depth2  a member the schema does not name, inside a nested object (depth 2 or deeper), is a
                          parse error

Run with the harness's own venv, as orc runs a harness of one's own:
  orc run --adapter 'bug=cmd:adapters/py-jsonschema/build/venv/bin/python mutants/py_jsonschema_bugs.py BUG'
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "adapters", "py-jsonschema"))
sys.path.insert(0, os.path.join(HERE, "..", "adapters", "_harness-lib", "python"))
import harness  # noqa: E402
import orc_harness as h  # noqa: E402
from reference import Reference  # noqa: E402


class NullAnywhere(Reference):
    def errors(self, loc, value):
        return (e for e in super().errors(loc, value) if e.instance is not None)


class WrongBranch(Reference):
    def branches(self, keyword, loc, value):
        tag = (loc.schema.get("discriminator") or {}).get("propertyName", "type")
        for i in range(len(loc.schema[keyword])):
            b = loc.child(keyword, i)
            if all(list(e.path)[:1] == [tag] for e in self.errors(b, self.named([b], value))):
                return [b]
        return []


def _without_last_object(v):
    if isinstance(v, list):
        items = [_without_last_object(x) for x in v]
        return items[:-1] if len(items) >= 2 and all(isinstance(x, dict) for x in items) else items
    if isinstance(v, dict):
        return {k: _without_last_object(x) for k, x in v.items()}
    return v


class DropsArrayItem(Reference):
    def answer(self, read, value):
        return _without_last_object(value)


def _unnamed_below(read, named, depth=0, path=""):
    """The first member of read that named left out at depth 2 or deeper (the event's own members are depth 1)."""
    if isinstance(read, dict) and isinstance(named, dict):
        for k, v in read.items():
            if k not in named:
                if depth + 1 >= 2:
                    return f"{path}/{k}"
                continue
            found = _unnamed_below(v, named[k], depth + 1, f"{path}/{k}")
            if found:
                return found
    elif isinstance(read, list) and isinstance(named, list):
        for i, (v, n) in enumerate(zip(read, named)):
            found = _unnamed_below(v, n, depth, f"{path}/{i}")
            if found:
                return found
    return None


class RefusesUnknownDepth2(Reference):
    def answer(self, read, value):
        found = _unnamed_below(read, value)
        if found:
            raise h.ParseError(f"unknown member {found}")
        return value


BUGS = {
    "null-anywhere": NullAnywhere,
    "wrong-branch": WrongBranch,
    "drops-array-item": DropsArrayItem,
    "refuses-unknown-depth2": RefusesUnknownDepth2,
}

if __name__ == "__main__":
    bug = sys.argv[1] if len(sys.argv) > 1 else ""
    if bug not in BUGS:
        sys.exit(f"py_jsonschema_bugs.py: unknown bug {bug!r}; one of {', '.join(BUGS)}")
    harness.main(BUGS[bug], implementation=f"py-jsonschema with the bug {bug}")
