"""py-jsonschema: a second reference, in Python, for every model of the run's schemas (see README.md).

It reads the schema file orc names in ORC_SCHEMAS (schema/protocol/schemas.schema.json) and nothing else, and
declares parse, serialize, reserialize and sse for every model there, and union for every event type they describe.
"""

import json
import os
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

from event_stream import decode  # noqa: E402
from reference import Reference  # noqa: E402

try:
    from importlib.metadata import version

    JSONSCHEMA = version("jsonschema")
except Exception:  # a copy run outside its venv still says hello
    JSONSCHEMA = "unknown"


def load(path):
    with open(path, encoding="utf-8") as f:
        file = json.load(f)
    return file["schemas"], file["models"]


def main(reference_class=Reference, implementation="json + jsonschema (a second reference)"):
    path = os.environ.get("ORC_SCHEMAS")
    if not path:
        sys.exit("ORC_SCHEMAS is not set; orc sets it to the run's schema file")
    try:
        schemas, models = load(path)
    except (OSError, ValueError, KeyError) as e:
        sys.exit(f"cannot read the schema file {path}: {e}")
    ref = reference_class(schemas, models)
    names = list(ref.models)
    handlers = {
        "parse": ref.parse,
        "serialize": ref.serialize,
        "reserialize": ref.reserialize,
        "sse": decode,
        "union": ref.union,
    }
    operations = {op: names for op in handlers}
    # the union is declared by the event types it reads, as an SDK's is
    operations["union"] = list(ref.by_type)
    # JSON nested thousands deep is still JSON: json and jsonschema recurse, so they get the stack for it
    sys.setrecursionlimit(200_000)
    threading.stack_size(512 * 1024 * 1024)
    t = threading.Thread(target=h.serve, args=(implementation, JSONSCHEMA, operations, handlers))
    t.start()
    t.join()


if __name__ == "__main__":
    main()
