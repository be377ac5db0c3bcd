#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks that the scenarios cite their documents, not the machine they were written on.

Usage: scenario_sources_test.py SCENARIO_DIR

For every folder under SCENARIO_DIR whose README.md has a "## Sources" table (first column: the
short title a citation uses):
- every string of its JSON files (notes, descriptions, calibration sources) that points into a
  document's text copy ("(003:344)") names a document of that table, so the pointer is secondary;
- no such string names a text copy's file ("003_<digest>.txt") instead of the document;
- neither the README nor any of those strings names a machine-specific path (/work/, /home/,
  /tmp/, /root/, a seeds/ folder).
Every failure is printed; the exit status is 1 if there was one.
"""
import json
import pathlib
import re
import sys

POINTER = re.compile(r"\b0\d\d:\d")
TEXT_COPY = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt")
MACHINE_PATH = re.compile(r"(?<![\w.])(/work/|/home/|/tmp/|/root/|[\w./-]*seeds/)")


def source_titles(readme):
    """The first column of the table under "## Sources", header and rule left out."""
    section = readme.split("## Sources", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [row.split("|")[1].strip() for row in rows[2:]]


def strings(value, where=""):
    """Every string in a JSON value, with its JSON pointer."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{where}/{i}")
    elif isinstance(value, str):
        yield where, value


def check_folder(folder, failures):
    readme_text = (folder / "README.md").read_text(encoding="utf-8")
    titles = source_titles(readme_text)
    if not titles:
        failures.append(f"{folder / 'README.md'}: the Sources table has no rows")
    for match in MACHINE_PATH.finditer(readme_text):
        failures.append(f"{folder / 'README.md'}: names a machine-specific path: {match.group(0)!r}")
    for path in sorted(folder.glob("*.json")):
        for where, text in strings(json.loads(path.read_text(encoding="utf-8"))):
            if POINTER.search(text) and not any(title in text for title in titles):
                failures.append(f"{path}:{where}: cites a text copy but names no document of the Sources table: "
                                f"{text[:100]!r}")
            if TEXT_COPY.search(text):
                failures.append(f"{path}:{where}: names a text copy's file instead of the document: {text[:100]!r}")
            for match in MACHINE_PATH.finditer(text):
                failures.append(f"{path}:{where}: names a machine-specific path: {match.group(0)!r}")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    failures = []
    checked = 0
    for readme in sorted(pathlib.Path(sys.argv[1]).glob("*/README.md")):
        if "## Sources" in readme.read_text(encoding="utf-8"):
            check_folder(readme.parent, failures)
            checked += 1
    if checked == 0:
        failures.append(f"{sys.argv[1]}: no scenario folder has a Sources table")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
