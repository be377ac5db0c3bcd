# SPDX-License-Identifier: MIT
"""carepath for analysts: load a care-pathway scenario, run it, get pandas DataFrames back.

    import carepath
    scenario = carepath.load("scenarios/examples/what_if.json")
    results = carepath.run(scenario, replications=20, threads=4)
    results.summary          # summary_services.csv as a DataFrame
    results.comparisons      # comparison.csv: each variant's paired differences from the base

Every frame has exactly the columns and numbers of the CSV file of the same name that
`carepath run` writes (README, "Results"); the C++ core writes the same text for both
(carepath/_carepath, built from python/carepath_module.cpp). A bad scenario raises
carepath.ScenarioError, whose .messages are the located lines `carepath validate` prints.
"""
from __future__ import annotations

import io
import json
import os
from typing import Callable, Iterable, Mapping, Optional, Sequence, Union

from . import _carepath
from ._carepath import ScenarioError

__all__ = ["Scenario", "Results", "ScenarioError", "load", "run", "sweep", "version"]

version = _carepath.version


class Scenario:
    """A scenario checked by every rule of the format, with its what-if variants."""

    def __init__(self, loaded: "_carepath.Scenario", document: Optional[dict] = None,
                 path: Optional[str] = None):
        self._loaded = loaded
        self._document = document
        self._path = path

    @property
    def name(self) -> str:
        return self._loaded.name

    @property
    def services(self) -> list:
        return list(self._loaded.services)

    @property
    def text(self) -> str:
        """The scenario's JSON text as loaded (for a dict, what messages' lines and columns refer to)."""
        return self._loaded.text

    @property
    def variants(self) -> list:
        """Names of the scenario's own what-if variants, in file order."""
        return list(self._loaded.variants)

    def validate(self) -> list:
        """The scenario's warnings, located like `carepath validate`'s (errors raised at load)."""
        return list(self._loaded.warnings)

    def with_variants(self, variants: Sequence[Mapping]) -> "Scenario":
        """The same base with `variants` (in the format of the file's "variants") in place of its own."""
        text = json.dumps(list(variants))
        if self._path is not None:
            return Scenario(_carepath.load_file(self._path, text), path=self._path)
        document = dict(self._document)
        document["variants"] = list(variants)
        return _load_document(document, self._loaded.source)

    def __repr__(self) -> str:
        return f"<carepath.Scenario {self.name!r}: {len(self.services)} services, {len(self.variants)} variants>"


def _load_document(document: Mapping, source: str) -> Scenario:
    # Indented, so that the line and column in a message point somewhere readable in the
    # scenario's .text.
    text = json.dumps(document, indent=2)
    return Scenario(_carepath.load_text(text, source, os.getcwd()), document=dict(document))


def load(path_or_dict: Union[str, os.PathLike, Mapping], source: str = "<dict>") -> Scenario:
    """Reads and checks a scenario: a file, or a dict in the same format (CSV files it names are
    then found from the current directory). Raises ScenarioError listing every problem."""
    if isinstance(path_or_dict, Mapping):
        return _load_document(path_or_dict, source)
    path = os.fspath(path_or_dict)
    return Scenario(_carepath.load_file(path), path=path)


# The CSV files of a batch, by the attribute that holds each as a DataFrame.
_BATCH_TABLES = {
    "summary": "summary_services.csv",
    "system": "summary_system.csv",
    "replications": "replications.csv",
    "pathways": "summary_pathways.csv",
    "pathway_replications": "replications_pathways.csv",
    "by_type": "summary_by_type.csv",
    "costs": "summary_costs.csv",
    "cost_replications": "replications_costs.csv",
    "resources": "summary_resources.csv",
    "clinics": "summary_clinics.csv",
    "precision": "precision.csv",
    "trajectories": "trajectories.csv",
}


def _frame(text: Optional[str]):
    import pandas as pd

    if text is None:
        return pd.DataFrame()
    return pd.read_csv(io.StringIO(text))


class BatchResults:
    """One batch (the base or a variant): each results table as a DataFrame, an empty one when
    the scenario has no such part (no pathways, no costs, trajectories off)."""

    def __init__(self, batch: dict):
        self.name: str = batch["name"]
        self.seed: int = batch["seed"]
        self.replication_count: int = batch["replications"]
        self.threads: int = batch["threads"]
        self.wall_seconds: float = batch["wall_seconds"]
        self.tables: dict = dict(batch["tables"])  # file name -> CSV text
        self._frames: dict = {}

    def table(self, file: str):
        """The results file `file` (e.g. "summary_services.csv") as a DataFrame."""
        if file not in self._frames:
            self._frames[file] = _frame(self.tables.get(file))
        return self._frames[file]

    def __dir__(self):
        return sorted(list(super().__dir__()) + list(_BATCH_TABLES))

    def __getattr__(self, attribute: str):
        file = _BATCH_TABLES.get(attribute)
        if file is None:
            raise AttributeError(attribute)
        return self.table(file)

    def metric(self, service: str, metric: str) -> float:
        """The mean of one service metric, e.g. metric("acute_beds", "wait_mean")."""
        rows = self.summary[(self.summary["service"] == service) & (self.summary["metric"] == metric)]
        if rows.empty:
            raise KeyError(f"no metric {metric!r} for service {service!r}")
        return float(rows["mean"].iloc[0])


class Results(BatchResults):
    """A run: the base's tables (see BatchResults), each variant's in .variants, and the paired
    differences variant - base in .comparisons (comparison.csv)."""

    def __init__(self, raw: dict):
        super().__init__(raw["base"])
        self.variants: dict = {v["name"]: BatchResults(v) for v in raw["variants"]}
        self.comparison_tables: dict = dict(raw["comparison"])

    @property
    def comparisons(self):
        return _frame(self.comparison_tables.get("comparison.csv"))

    @property
    def cost_effects(self):
        return _frame(self.comparison_tables.get("cost_effects.csv"))

    def __repr__(self) -> str:
        return (f"<carepath.Results {self.name!r}: {self.replication_count} replications, "
                f"{len(self.variants)} variants>")


def run(scenario: Union[Scenario, str, os.PathLike, Mapping], replications: Optional[int] = None,
        seed: Optional[int] = None, threads: int = 0, variants: Optional[Iterable] = None,
        trajectories: bool = True, progress: Optional[Callable[[int, int], None]] = None) -> Results:
    """Runs the base and its variants with common random numbers.

    variants: None runs every variant of the scenario; a list of names runs those; a list of
    dicts (the file's "variants" format) runs those instead of the scenario's own.
    threads: 0 uses every core. progress(done, total) is called as replications finish.
    The GIL is released while simulating; Ctrl-C stops the run and raises KeyboardInterrupt.
    """
    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    names = None
    if variants is not None:
        variants = list(variants)
        if any(isinstance(v, Mapping) for v in variants):
            scenario = scenario.with_variants(variants)
        else:
            names = [str(v) for v in variants]
    raw = _carepath.run(scenario._loaded, replications=replications, seed=seed, threads=threads,
                        variants=names, trajectories=trajectories, progress=progress)
    return Results(raw)


def sweep(scenario: Union[Scenario, str, os.PathLike, Mapping], set: str, values: Iterable,
          replications: Optional[int] = None, seed: Optional[int] = None, threads: int = 0,
          progress: Optional[Callable[[int, int], None]] = None):
    """Runs one variant per value of one key, as `carepath sweep --set PATH=...` does: PATH is
    services.<name>.<key>, arrivals.<name>.<key> or resources.<name>.<key>, and each value
    becomes the variant {part: {name: {key: value}}}, all run with the same seed.

    Returns a DataFrame with sweep.csv's columns but the goals' share: value, kind, name, metric,
    unit, mean, ci_low, ci_high, one row per value and service, system and pathway metric."""
    import pandas as pd

    if not isinstance(scenario, Scenario):
        scenario = load(scenario)
    parts = set.split(".")
    if len(parts) != 3 or parts[0] not in ("services", "arrivals", "resources"):
        raise ValueError(f"set: {set!r} is not services.<name>.<key>, arrivals.<name>.<key> "
                         "or resources.<name>.<key>")
    part, name, key = parts
    values = list(values)
    points = [{"name": f"{key}_{value}", part: {name: {key: value}}} for value in values]
    results = run(scenario.with_variants(points), replications=replications, seed=seed,
                  threads=threads, trajectories=False, progress=progress)
    frames = []
    for value, point in zip(values, points):
        batch = results.variants[point["name"]]
        for kind, frame, label in (("service", batch.summary, "service"),
                                   ("system", batch.system, "service"),
                                   ("pathway", batch.pathways, "pathway")):
            if frame.empty:
                continue
            rows = frame[[label, "metric", "unit", "mean", "ci_low", "ci_high"]].rename(columns={label: "name"})
            rows.insert(0, "kind", kind)
            rows.insert(0, "value", value)
            frames.append(rows)
    return pd.concat(frames, ignore_index=True)
