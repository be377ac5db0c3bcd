#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks scenarios/schema.json and every scenario in scenarios/ against it.

Usage: validate_scenarios.py SCHEMA SCENARIO_DIR

1. The schema itself must be a valid JSON Schema (draft 2020-12).
2. Every *.json under SCENARIO_DIR (except the schema and calibration.json files) must validate; each error is printed as
   "file: /json/pointer: message".
3. A document using every key of the format must validate, and documents the loader rejects
   must be rejected by the schema too, so a schema that accepts everything cannot pass.
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
    # Files named calibration.json are not scenarios but `carepath calibrate` inputs (README
    # "Calibration"), with a format of their own; the scenario schema does not apply to them.
    files = sorted(
        p
        for p in scenario_dir.rglob("*.json")
        if p.resolve() != schema_path.resolve() and p.name != "calibration.json"
    )
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
        "precision of 0%": lambda d: d["run"].update(precision="0%"),
        "precision of 100%": lambda d: d["run"].update(precision="100%"),
        "negative absolute precision": lambda d: d["run"].update(precision=-0.5),
        "steady_state as text": lambda d: d["run"].update(steady_state="yes"),
        "scenario named ..": lambda d: d.update(name=".."),
    }
    for what, mutate in bad.items():
        document = copy.deepcopy(base)
        mutate(document)
        if validator.is_valid(document):
            print(f"the schema accepts a scenario with {what}")
            failures += 1
    # Every key of format v2 at once: the schema must accept it, and reject each mutation below.
    rich = {
        "name": "probe-v2",
        "start_date": "2022-12-01",
        "run": {"horizon": "28d", "precision": "5%", "steady_state": True},
        "patient_types": [{"name": "urgent", "priority": 0}, {"name": "routine"}],
        "arrivals": [
            {"name": "a", "to": "s", "rate": "10/day", "patient_type": "routine",
             "profile": {"hour_of_day": [1] * 23 + [2], "day_of_week": {"sat": 0.5, "sun": 0.5},
                         "month_of_year": [1] * 12, "yearly_growth": "3%",
                         "surges": [{"from": "2022-12-15", "to": "2022-12-31", "multiplier": 1.3}]}},
            {"name": "b", "to": "s", "profile": {"daily_series": "data/b.csv"}},
            {"name": "c", "to": "t", "rate": "1/day",
             "profile": {"daily_series": [{"date": "2022-12-01", "arrivals": 3}], "surges": []}},
        ],
        "services": [
            {"name": "s", "service_time": {"distribution": "exponential", "mean": "1d"},
             "capacity": {"base": 2, "changes": [{"from": "2023-01-01", "capacity": 0}],
                          "roster": [{"days": ["mon", "wed-fri"], "from": "09:00", "to": "24:00", "capacity": 4}]},
             "queue_limit": 10, "when_full": {"divert": "t"},
             "patience": {"distribution": "exponential", "mean": "4h"}, "renege_to": "t", "wait_target": "18w",
             "next": [{"to": "t", "probability": 0.5, "transfer_delay": {"distribution": "deterministic", "value": "1d"},
                       "keeps_bed": False}, {"to": "exit", "probability": 0.5}],
             "by_type": {"urgent": {"priority": 0, "service_time": {"distribution": "exponential", "mean": "2d"},
                                    "next": [{"to": "exit"}], "patience": {"distribution": "exponential", "mean": "1d"}},
                         "$comment": "routine patients use the service's own rules"},
             "initial": {"waiting": {"histogram": [{"from": "0w", "to": "4w", "count": 8, "patient_type": "urgent"}]},
                         "in_service": [{"elapsed": "2d", "count": 1}]}},
            {"name": "t", "capacity": "unlimited", "when_full": "lose",
             "service_time": {"distribution": "exponential", "mean": "1d"},
             "initial": {"waiting": "data/t_waiting.csv"}},
        ],
        "pathways": [{"name": "p", "start": "s", "end": "t", "target": "4h"}],
    }
    if not validator.is_valid(rich):
        for error in validator.iter_errors(rich):
            print(f"the schema rejects the format v2 probe: {pointer(error.absolute_path)}: {error.message}")
        failures += 1
    bad_v2 = {
        "bad start date": lambda d: d.update(start_date="2022-12-1"),
        "month 13": lambda d: d.update(start_date="2022-13-01"),
        "arrival with neither rate nor daily series": lambda d: d["arrivals"][0].pop("rate"),
        "daily series beside day_of_week": lambda d: d["arrivals"][2]["profile"].update(day_of_week=[1] * 7),
        "23 hours": lambda d: d["arrivals"][0]["profile"].update(hour_of_day=[1] * 23),
        "unknown weekday": lambda d: d["arrivals"][0]["profile"].update(day_of_week={"tues": 1}),
        "growth with a space": lambda d: d["arrivals"][0]["profile"].update(yearly_growth="3 %"),
        "growth of -100% as a number": lambda d: d["arrivals"][0]["profile"].update(yearly_growth=-1),
        "unknown profile key": lambda d: d["arrivals"][0]["profile"].update(seasonality="winter"),
        "schedule without base": lambda d: d["services"][0]["capacity"].pop("base"),
        "unlimited base": lambda d: d["services"][0]["capacity"].update(base="unlimited"),
        "time 9:00": lambda d: d["services"][0]["capacity"]["roster"][0].update(**{"from": "9:00"}),
        "time 24:30": lambda d: d["services"][0]["capacity"]["roster"][0].update(to="24:30"),
        "weekday range monday-friday": lambda d: d["services"][0]["capacity"]["roster"][0].update(days="monday-friday"),
        "when_full overflow": lambda d: d["services"][0].update(when_full="overflow"),
        "divert to exit": lambda d: d["services"][0].update(when_full={"divert": "exit"}),
        "keeps_bed as a string": lambda d: d["services"][0]["next"][0].update(keeps_bed="yes"),
        "zero wait target": lambda d: d["services"][0].update(wait_target="0w"),
        "negative priority": lambda d: d["services"][0]["by_type"]["urgent"].update(priority=-1),
        "unknown by_type key": lambda d: d["services"][0]["by_type"]["urgent"].update(nxt=[]),
        "waited in service": lambda d: d["services"][0]["initial"].update(in_service=[{"waited": "1d", "count": 1}]),
        "pathway without target": lambda d: d["pathways"][0].pop("target"),
    }
    for what, mutate in bad_v2.items():
        document = copy.deepcopy(rich)
        mutate(document)
        if validator.is_valid(document):
            print(f"the schema accepts a format v2 scenario with {what}")
            failures += 1

    # What-if variants: the schema must accept every key of a variant and reject what the
    # overlay rejects (sim/io/variant_overlay.cpp).
    with_variants = copy.deepcopy(base)
    with_variants["variants"] = [
        {"name": "v", "description": "d", "notes": ["n"],
         "services": {"s": {"capacity": 2, "service_time_scale": 0.9, "next": [{"to": "t"}]},
                      "t": {"capacity": 1, "service_time": {"distribution": "exponential", "mean": "1d"}}},
         "arrivals": {"a": {"scale": 1.2}, "b": {"to": "s", "rate": "1/day"}}},
        {"name": "w", "$comment": "annotations are ignored", "arrivals": {"a": {"scale": 0}}},
    ]
    if not validator.is_valid(with_variants):
        for error in validator.iter_errors(with_variants):
            print(f"the schema rejects the variants probe: {pointer(error.absolute_path)}: {error.message}")
        failures += 1
    bad_variants = {
        "variant without name": lambda d: d["variants"][0].pop("name"),
        "unknown variant key": lambda d: d["variants"][0].update(servces={}),
        "remove_services": lambda d: d["variants"][0].update(remove_services=["s"]),
        "services as an array": lambda d: d["variants"][0].update(services=[]),
        "name inside a service overlay": lambda d: d["variants"][0]["services"]["s"].update(name="s"),
        "zero service_time_scale": lambda d: d["variants"][0]["services"]["s"].update(service_time_scale=0),
        "negative arrival scale": lambda d: d["variants"][0]["arrivals"]["a"].update(scale=-1),
        "scale as a percentage": lambda d: d["variants"][0]["arrivals"]["a"].update(scale="20%"),
        "unknown service key in a variant": lambda d: d["variants"][0]["services"]["s"].update(capacty=2),
        "bad capacity in a variant": lambda d: d["variants"][0]["services"]["s"].update(capacity=-3),
        "service named exit in a variant": lambda d: d["variants"][0]["services"].update(
            exit={"capacity": 1}),
        "variant named ..": lambda d: d["variants"][0].update(name=".."),
    }
    for what, mutate in bad_variants.items():
        document = copy.deepcopy(with_variants)
        mutate(document)
        if validator.is_valid(document):
            print(f"the schema accepts a scenario with {what}")
            failures += 1

    # Costs of shared pools: a pool of units is charged per staff-hour, a visit pool per staff-day
    # and per visit (sim/io/resource_json.cpp refuses the others where they are written).
    pooled = copy.deepcopy(base)
    pooled["resources"] = [
        {"name": "assessors", "capacity": 2, "costs": {"per_staff_hour": "£45"}},
        {"name": "nurses", "capacity": 4, "visits_per_staff_day": 6,
         "costs": {"per_staff_day": 250, "per_visit": "£1,250.50"}},
    ]
    pooled["services"][0]["requires"] = [{"resource": "assessors"}, {"resource": "nurses", "visits_per_day": 1}]
    pooled["variants"] = [{"name": "agency", "resources": {"nurses": {"costs": {"per_visit": "£45"}, "capacity_delta": 1}}}]
    if not validator.is_valid(pooled):
        for error in validator.iter_errors(pooled):
            print(f"the schema rejects the pool costs probe: {pointer(error.absolute_path)}: {error.message}")
        failures += 1
    bad_pool_costs = {
        "per_visit on a pool of units": lambda d: d["resources"][0]["costs"].update(per_visit=30),
        "per_staff_day on a pool of units": lambda d: d["resources"][0]["costs"].update(per_staff_day=30),
        "per_staff_hour on a visit pool": lambda d: d["resources"][1]["costs"].update(per_staff_hour=30),
        "a service's driver on a pool": lambda d: d["resources"][0]["costs"].update(per_patient=30),
        "a pool's driver on a service": lambda d: d["services"][0].update(costs={"per_staff_hour": 30}),
        "negative money on a pool": lambda d: d["resources"][0]["costs"].update(per_staff_hour=-1),
        "a service's driver on a pool in a variant": lambda d: d.update(
            variants=[{"name": "v", "resources": {"assessors": {"costs": {"per_patient": 30}}}}]),
    }
    for what, mutate in bad_pool_costs.items():
        document = copy.deepcopy(pooled)
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
