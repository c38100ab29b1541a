"""Serialize answers json.dumps of the value as the Python harness library read it: what a Python SDK is handed."""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "adapters", "_harness-lib", "python"))
import orc_harness as h  # noqa: E402

MODELS = ["OpenResponsesImageGenCallGenerating"]
h.serve(
    "echo (Python)",
    "0",
    {"serialize": MODELS},
    {"serialize": lambda model, value: json.dumps({k: [type(v).__name__, repr(v)] for k, v in value.items()}).encode()},
)
