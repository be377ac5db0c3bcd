# SPDX-License-Identifier: MIT
"""The README's what-if in Python: two more ward beds, and what they do to referral to discharge
within 10 days. With the scenario's own 40 replications it prints the README's line,
"referral_to_discharge within_target  82.0% -> 83.7%   +1.7 points [1.3, 2.1]".
Run from the repository root: PYTHONPATH=build/python python3 examples/what_if.py"""
import argparse

import carepath

parser = argparse.ArgumentParser()
parser.add_argument("--replications", type=int, help="default: the scenario's own (40)")
replications = parser.parse_args().replications

scenario = carepath.load("scenarios/examples/what_if.json")
results = carepath.run(scenario, variants=["more_beds"], replications=replications)
d = results.comparisons.query("kind == 'pathway' and metric == 'within_target'").iloc[0]
print(f"{d['name']} within_target  {d.base_mean:.1%} -> {d.variant_mean:.1%}   "
      f"{100 * d.difference:+.1f} points [{100 * d.ci_low:.1f}, {100 * d.ci_high:.1f}]")
