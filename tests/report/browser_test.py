#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Opens report.html in headless Chromium, as a reader would, and checks what a unit test cannot:
that the page loads with no console message (a script error shows up here as "Uncaught ..."),
that every chart the browser built, svg.chart, says it plots data-points > 0, and that neither the
file nor the DOM refers to http(s)://. Two reports are opened: one from a real `carepath run` of
data/clinic_ward.json, and one rendered from the fixtures with every section (fan charts with a
variant, forest plots). A screenshot, report.png, is saved next to each report for a person to
look at. Exit 77 (ctest SKIP_RETURN_CODE) only when chromium is not installed."""

import argparse
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


class ChartCollector(html.parser.HTMLParser):
    """Collects the attributes of every <svg> whose class list contains "chart"."""

    def __init__(self):
        super().__init__()
        self.charts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg" and "chart" in (attributes.get("class") or "").split():
            self.charts.append(attributes)


def chromium_command():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, profile, extra, url):
    # A profile of our own: parallel tests and a person's browser never share one.
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile] + extra + [url]
    return subprocess.run(command, capture_output=True, text=True, timeout=90)


def check_report(chromium, report, problems):
    url = "file://" + os.path.abspath(report)
    with open(report, encoding="utf-8") as f:
        source = f.read()
    with tempfile.TemporaryDirectory(prefix="carepath-chromium-") as profile:
        dumped = run_chromium(chromium, profile, ["--dump-dom"], url)
        if dumped.returncode != 0:
            problems.append(f"{report}: chromium --dump-dom exited {dumped.returncode}: {dumped.stderr[-2000:]}")
            return
        # Chromium logs every console message as "...:CONSOLE(line)] "text", source: ...". Our page
        # logs nothing, so any such line is an error (its level is not in the line).
        for line in dumped.stderr.splitlines():
            if ":CONSOLE" in line or "Uncaught" in line:
                problems.append(f"{report}: console: {line}")
        collector = ChartCollector()
        collector.feed(dumped.stdout)
        if not collector.charts:
            problems.append(f"{report}: no svg.chart in the DOM")
        for i, chart in enumerate(collector.charts):
            points = chart.get("data-points", "")
            if not points.isdigit() or int(points) <= 0:
                problems.append(f"{report}: chart {i} has data-points={points!r}")
        for text, where in ((source, "file"), (dumped.stdout, "DOM")):
            for scheme in ("http://", "https://"):
                if scheme in text:
                    problems.append(f"{report}: the {where} contains {scheme}")

        png = os.path.join(os.path.dirname(report), "report.png")
        if os.path.exists(png):
            os.remove(png)
        shot = run_chromium(chromium, profile,
                            ["--screenshot=" + png, "--window-size=1280,3000", "--hide-scrollbars"], url)
        if shot.returncode != 0 or not os.path.exists(png) or os.path.getsize(png) == 0:
            problems.append(f"{report}: no screenshot ({shot.returncode}): {shot.stderr[-2000:]}")
        print(f"{report}: {len(collector.charts)} charts, data-points "
              f"{[int(c.get('data-points', '0') or 0) for c in collector.charts]}; screenshot {png}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--carepath", required=True)
    parser.add_argument("--render-fixtures", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    chromium = chromium_command()
    if chromium is None:
        print("SKIPPED: chromium is not installed (Debian package 'chromium'; tools/setup installs it)")
        return SKIP

    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    run_dir = os.path.join(args.out, "run")
    fixtures_dir = os.path.join(args.out, "fixtures")
    subprocess.run([args.carepath, "run", os.path.join(args.data, "clinic_ward.json"), "--out", run_dir,
                    "--replications", "5", "--threads", "2"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([args.render_fixtures, args.data, fixtures_dir], check=True)

    problems = []
    for report in (os.path.join(run_dir, "report.html"), os.path.join(fixtures_dir, "report.html")):
        check_report(chromium, report, problems)
    for problem in problems:
        print("FAIL: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
