#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the repository's open-source files against each other and against the build.

Usage: citation_test.py SOURCE_DIR VERSION

- CITATION.cff is valid YAML with the keys Citation File Format 1.2.0 requires, its version is
  VERSION (the project's, from CMakeLists.txt) and its licence is MIT;
- LICENSE is the MIT licence with the copyright of "carepath contributors", as the SPDX headers say;
- CHANGELOG.md has an entry "## [VERSION] - YYYY-MM-DD".
Every failure is printed; the exit status is 1 if there was one.
"""
import pathlib
import re
import sys

import yaml


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    version = sys.argv[2]
    failures = []

    citation = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    if not isinstance(citation, dict):
        failures.append("CITATION.cff: not a YAML mapping")
        citation = {}
    for key in ("cff-version", "message", "title", "authors"):
        if key not in citation:
            failures.append(f"CITATION.cff: missing required key '{key}'")
    if str(citation.get("version")) != version:
        failures.append(f"CITATION.cff: version is {citation.get('version')!r}, but CMakeLists.txt says {version!r}")
    if citation.get("license") != "MIT":
        failures.append(f"CITATION.cff: license is {citation.get('license')!r}, but must be 'MIT'")
    authors = citation.get("authors")
    if not isinstance(authors, list) or not authors:
        failures.append("CITATION.cff: authors must be a non-empty list")

    licence = (root / "LICENSE").read_text(encoding="utf-8")
    if not licence.startswith("MIT License"):
        failures.append("LICENSE: does not start with 'MIT License'")
    if "carepath contributors" not in licence:
        failures.append("LICENSE: no copyright line for 'carepath contributors'")

    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    if not re.search(r"^## \[" + re.escape(version) + r"\] - \d{4}-\d{2}-\d{2}$", changelog, re.MULTILINE):
        failures.append(f"CHANGELOG.md: no entry '## [{version}] - YYYY-MM-DD'")

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
