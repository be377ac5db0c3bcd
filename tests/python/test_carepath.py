# SPDX-License-Identifier: MIT
"""The Python module (python/carepath): DataFrames with the columns and numbers of the CSV files
`carepath run` writes, located scenario errors, variants and sweeps, the GIL released while
simulating, Ctrl-C. Run by ctest (tests/python/CMakeLists.txt), which sets PYTHONPATH to the
built package, CAREPATH_SOURCE_DIR and CAREPATH_PROGRAM (the built `carepath`)."""
import _thread
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import carepath

SOURCE = Path(os.environ["CAREPATH_SOURCE_DIR"])
PROGRAM = os.environ.get("CAREPATH_PROGRAM")
MM1 = SOURCE / "scenarios/examples/mm1.json"
WHAT_IF = SOURCE / "scenarios/examples/what_if.json"


def long_ward():
    """A scenario that runs for minutes unless stopped: 200 replications of 20 years of a busy ward."""
    return {
        "name": "long_ward",
        "run": {"horizon": "7300d", "replications": 200, "seed": 1},
        "arrivals": [{"name": "admissions", "to": "ward", "rate": "2000/day"}],
        "services": [{"name": "ward", "capacity": 2100,
                      "service_time": {"distribution": "exponential", "mean": "1d"}}],
    }


def test_load_reads_names_and_variants():
    scenario = carepath.load(WHAT_IF)
    assert scenario.name == "what_if"
    assert scenario.services == ["clinic", "ward"]
    assert scenario.variants == ["more_beds", "shorter_stays", "more_referrals", "step_down"]
    assert scenario.validate() == []


def test_a_dict_runs_like_its_file():
    from_file = carepath.run(MM1, replications=3, seed=11, threads=1)
    from_dict = carepath.run(carepath.load(json.loads(MM1.read_text())), replications=3, seed=11, threads=1)
    pd.testing.assert_frame_equal(from_file.summary, from_dict.summary)


@pytest.mark.skipif(PROGRAM is None, reason="CAREPATH_PROGRAM not set")
def test_frames_have_the_columns_and_numbers_of_the_csv_files(tmp_path):
    out = tmp_path / "mm1"
    subprocess.run([PROGRAM, "run", str(MM1), "--replications", "4", "--seed", "5", "--threads", "2",
                    "--out", str(out), "--quiet"], check=True)
    results = carepath.run(MM1, replications=4, seed=5, threads=2)
    for attribute, file in [("summary", "summary_services.csv"), ("system", "summary_system.csv"),
                            ("replications", "replications.csv"), ("trajectories", "trajectories.csv")]:
        written = pd.read_csv(out / file)
        pd.testing.assert_frame_equal(getattr(results, attribute), written, obj=file)
    assert results.metric("clinic", "wait_mean") > 0


@pytest.mark.skipif(PROGRAM is None, reason="CAREPATH_PROGRAM not set")
def test_variants_and_comparisons_match_the_program(tmp_path):
    out = tmp_path / "what_if"
    subprocess.run([PROGRAM, "run", str(WHAT_IF), "--replications", "5", "--threads", "2", "--out", str(out),
                    "--quiet"], check=True)
    results = carepath.run(WHAT_IF, replications=5, threads=2)
    assert list(results.variants) == ["more_beds", "shorter_stays", "more_referrals", "step_down"]
    pd.testing.assert_frame_equal(results.comparisons, pd.read_csv(out / "comparison.csv"))
    pd.testing.assert_frame_equal(results.variants["step_down"].pathways,
                                  pd.read_csv(out / "variants/step_down/summary_pathways.csv"))


def test_variants_by_name_and_by_dict():
    by_name = carepath.run(WHAT_IF, replications=3, threads=1, variants=["more_beds"])
    assert list(by_name.variants) == ["more_beds"]
    by_dict = carepath.run(WHAT_IF, replications=3, threads=1,
                           variants=[{"name": "more_beds", "services": {"ward": {"capacity": 20}}}])
    pd.testing.assert_frame_equal(by_name.comparisons, by_dict.comparisons)
    with pytest.raises(KeyError, match="unknown variant 'fewer_beds'"):
        carepath.run(WHAT_IF, replications=3, variants=["fewer_beds"])


def test_sweep_gives_one_row_per_value_and_metric():
    table = carepath.sweep(MM1, set="services.clinic.capacity", values=[1, 2, 3], replications=3, threads=1)
    assert list(table.columns) == ["value", "kind", "name", "metric", "unit", "mean", "ci_low", "ci_high"]
    waits = table[(table["kind"] == "service") & (table["metric"] == "wait_mean")].set_index("value")["mean"]
    # M/M/c: more servers, shorter waits (lambda 0.8/day; every value is stable).
    assert waits[1] > waits[2] > waits[3]


def test_scenario_errors_carry_the_located_messages():
    os.chdir(SOURCE)
    with pytest.raises(carepath.ScenarioError) as raised:
        carepath.load("tests/errors/bad_date.json")
    expected = Path("tests/errors/bad_date.expected").read_text().splitlines()
    assert raised.value.messages == expected
    assert isinstance(raised.value, ValueError)
    assert expected[0] in str(raised.value)


def test_a_bad_dict_names_its_source():
    document = json.loads(MM1.read_text())
    document["services"][0]["capacity"] = -3
    with pytest.raises(carepath.ScenarioError, match=r"^notebook:\d+:\d+: /services\[clinic\]/capacity: "):
        carepath.load(document, source="notebook")


def test_progress_rises_to_the_total():
    seen = []
    carepath.run(MM1, replications=6, threads=2, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (6, 6)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_gil_is_released_while_simulating():
    ticks = 0
    finished = threading.Event()

    def count():
        nonlocal ticks
        while not finished.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.monotonic()
    ward = long_ward()
    ward["run"].update(horizon="500d", replications=1)  # about a million events
    carepath.run(ward, threads=1, trajectories=False)
    elapsed = time.monotonic() - started
    finished.set()
    counter.join()
    # Holding the GIL, the counter could not run at all while the run lasted; released, it
    # ticks about once a millisecond. A fiftieth of that leaves room for a loaded machine.
    assert elapsed > 0.1
    assert ticks > elapsed * 20


def test_two_runs_in_two_threads_give_their_serial_results():
    serial = [carepath.run(MM1, replications=4, seed=seed, threads=1).summary for seed in (1, 2)]
    parallel = [None, None]

    def run(index, seed):
        parallel[index] = carepath.run(MM1, replications=4, seed=seed, threads=2).summary

    threads = [threading.Thread(target=run, args=(i, seed)) for i, seed in enumerate((1, 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for a, b in zip(serial, parallel):
        pd.testing.assert_frame_equal(a, b)


def test_ctrl_c_stops_a_run():
    timer = threading.Timer(0.5, _thread.interrupt_main)
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        carepath.run(long_ward(), threads=2)
    timer.join()
    # Uninterrupted, this run takes minutes; stopped, replications end at their next check.
    assert time.monotonic() - started < 30
