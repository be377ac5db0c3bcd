#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks scenarios/schema.json and every scenario in scenarios/ against it.

Usage: validate_scenarios.py SCHEMA SCENARIO_DIR

1. The schema itself must be a valid JSON Schema (draft 2020-12).
2. Every *.json under SCENARIO_DIR (except the schema) must validate; each error is printed as
   "file: /json/pointer: message".
3. A few documents the loader rejects must be rejected by the schema too, so a schema that
   accepts everything cannot pass.
The duration and rate patterns are compared with the loader itself in schema_grammar_test.cpp.
"""
import copy
import json
import pathlib
import sys

import jsonschema


def pointer(path):
    return "/" + "/".join(str(p) for p in path) if path else "(document)"


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema_path = pathlib.Path(sys.argv[1])
    scenario_dir = pathlib.Path(sys.argv[2])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    failures = 0
    files = sorted(p for p in scenario_dir.rglob("*.json") if p.resolve() != schema_path.resolve())
    if not files:
        print(f"no scenarios found under {scenario_dir}", file=sys.stderr)
        return 1
    for path in files:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            print(f"{path}: line {e.lineno}, column {e.colno}: {e.msg}")
            failures += 1
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            print(f"{path}: {pointer(error.absolute_path)}: {error.message}")
        failures += bool(errors)
        print(f"{path}: {'ok' if not errors else 'INVALID'}")

    # Mutations of a valid scenario that the loader rejects; the schema must reject them too.
    base = {
        "name": "probe",
        "run": {"horizon": "10d"},
        "arrivals": [{"name": "a", "to": "s", "rate": "1/day"}],
        "services": [{"name": "s", "capacity": 1,
                      "service_time": {"distribution": "exponential", "mean": "1d"}}],
    }
    if not validator.is_valid(base):
        print("the schema rejects the minimal valid scenario")
        failures += 1
    bad = {
        "bare number horizon": lambda d: d["run"].update(horizon=365),
        "unknown top-level key": lambda d: d.update(srvices=[]),
        "unknown service key": lambda d: d["services"][0].update(srvice_time={}),
        "zero capacity": lambda d: d["services"][0].update(capacity=0),
        "negative queue limit": lambda d: d["services"][0].update(queue_limit=-1),
        "zero rate": lambda d: d["arrivals"][0].update(rate="0/day"),
        "rate without unit": lambda d: d["arrivals"][0].update(rate="5"),
        "zero exponential mean": lambda d: d["services"][0]["service_time"].update(mean="0h"),
        "unknown distribution": lambda d: d["services"][0].update(
            service_time={"distribution": "poisson", "mean": "1d"}),
        "service named exit": lambda d: d["services"][0].update(name="exit"),
        "probability above 1": lambda d: d["services"][0].update(next=[{"to": "exit", "probability": 1.5}]),
        "no arrivals": lambda d: d.update(arrivals=[]),
        "scenario named ..": lambda d: d.update(name=".."),
    }
    for what, mutate in bad.items():
        document = copy.deepcopy(base)
        mutate(document)
        if validator.is_valid(document):
            print(f"the schema accepts a scenario with {what}")
            failures += 1
    dollar = copy.deepcopy(base)
    dollar["$schema"] = "../schema.json"
    dollar["services"][0]["$comment"] = "ignored"
    if not validator.is_valid(dollar):
        print("the schema rejects keys starting with '$'")
        failures += 1

    print(f"{len(files)} scenario(s) checked, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
