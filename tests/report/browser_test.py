#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Opens report.html in headless Chromium, as a reader would, and checks what a unit test cannot:
that the page loads with no console message (a script error shows up here as "Uncaught ..."),
that every chart the browser built, svg.chart, says it plots data-points > 0, and that neither the
file nor the DOM refers to http(s)://. Then, measured by a script added to a copy of the page
(layout.js; the report itself is not changed), what issue 11 asks of the planner's first look:
the page in a window narrower than 1,200 px scrolls only down, no chart is drawn whose every
value is zero, every chart's title names the unit its axis is drawn in, the service graph has as
many arrows as `carepath graph` has edges, and every answer card row gives its numbers with units.

Two reports are opened: the default job (scenarios/bromley, 2 replications and weekly
trajectories only, for time: its figures do not matter here, its shape does: rosters, per-type,
divert and give-up routes, variants with headlines), run once and used for every check; and one rendered from the fixtures with every
section. A screenshot, report.png, is saved next to each report for a person to look at. Exit 77
(ctest SKIP_RETURN_CODE) only when chromium is not installed."""

import argparse
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
# A window narrower than 1,200 px: a laptop's. The page must fit it without scrolling sideways.
WINDOW_WIDTH = 1100
LAYOUT_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "layout.js")
# The words a number in an answer card may end with: its unit (a cost's is its currency's code, "GBP").
UNIT_AT_END = re.compile(r"(%|points|minutes|hours|days|weeks|bed-days|patients|GBP|EUR|USD|[a-z]+)$")


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


def measured_layout(chromium, report, profile, problems):
    """Loads a copy of `report` with layout.js added, in a WINDOW_WIDTH-wide window, and returns
    (the DOM, what layout.js measured)."""
    with open(report, encoding="utf-8") as f:
        source = f.read()
    with open(LAYOUT_SCRIPT, encoding="utf-8") as f:
        script = f.read()
    probe = os.path.join(os.path.dirname(report), "report-measured.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(source.replace("</body>", "<script>" + script + "</script></body>"))
    dumped = run_chromium(chromium, profile, ["--dump-dom", f"--window-size={WINDOW_WIDTH},900"],
                          "file://" + os.path.abspath(probe))
    os.remove(probe)
    if dumped.returncode != 0:
        problems.append(f"{report}: chromium --dump-dom exited {dumped.returncode}: {dumped.stderr[-2000:]}")
        return None, None
    for line in dumped.stderr.splitlines():
        # Chromium logs every console message as "...:CONSOLE(line)] "text", source: ...". Our page
        # logs nothing, so any such line is an error (its level is not in the line).
        if ":CONSOLE" in line or "Uncaught" in line:
            problems.append(f"{report}: console: {line}")
    found = re.findall(r'<pre id="carepath-layout">(.*?)</pre>', dumped.stdout, re.S)
    if not found:
        problems.append(f"{report}: layout.js left no measurements")
        return dumped.stdout, None
    return dumped.stdout, json.loads(html.unescape(found[-1]))


def check_layout(report, layout, problems):
    if layout["scroll_width"] > layout["client_width"] or layout["body_width"] >= 1200:
        problems.append(f"{report}: in a {WINDOW_WIDTH} px window the page is {layout['scroll_width']} px wide "
                        f"(window {layout['client_width']}, body {layout['body_width']}): it scrolls sideways; "
                        f"widest: {layout['overflowing']}")
    for box in layout["scrolling"]:
        problems.append(f"{report}: in a {WINDOW_WIDTH} px window, {box} wide scrolls sideways")
    for chart in layout["charts"]:
        if chart["all_zero"]:
            problems.append(f"{report}: chart '{chart['title']}' is drawn with every value zero")
        if not chart["axis_titles"]:
            continue
        unit = re.search(r"\(([^()]+)\)$", chart["title"])
        if not unit:
            problems.append(f"{report}: chart '{chart['title']}' has an axis in {chart['axis_titles']} "
                            f"but no unit at the end of its title")
            continue
        for axis in chart["axis_titles"]:
            if axis != unit.group(1) and not axis.endswith(", " + unit.group(1)):
                problems.append(f"{report}: chart '{chart['title']}': axis in '{axis}', title in '{unit.group(1)}'")
        if chart["caption"] and "(" + unit.group(1) + ")" not in chart["caption"]:
            problems.append(f"{report}: caption '{chart['caption']}' does not name the axis unit '{unit.group(1)}'")


def check_answer_cards(report, layout, problems):
    if not layout["cards"]:
        problems.append(f"{report}: no answer card")
    for card in layout["cards"]:
        if not card["rows"]:
            problems.append(f"{report}: answer card '{card['name']}' has no headline")
        for row in card["rows"]:
            # Headline, base -> variant, difference (with its interval), verdict.
            if len(row) != 4:
                problems.append(f"{report}: answer card '{card['name']}' row {row}: not 4 cells")
                continue
            for cell in row[1:3]:
                for part in cell.split("\n"):
                    if part.strip() and not UNIT_AT_END.search(part.strip()):
                        problems.append(f"{report}: answer card '{card['name']}' '{row[0]}': '{part}' has no unit")


def check_report(chromium, report, problems, graph_edges=None):
    """The checks every report gets; with graph_edges (`carepath graph`'s edge count), also the
    answer cards and the service graph's arrows."""
    url = "file://" + os.path.abspath(report)
    with open(report, encoding="utf-8") as f:
        source = f.read()
    with tempfile.TemporaryDirectory(prefix="carepath-chromium-") as profile:
        dom, layout = measured_layout(chromium, report, profile, problems)
        if dom is None:
            return
        collector = ChartCollector()
        collector.feed(dom)
        if not collector.charts:
            problems.append(f"{report}: no svg.chart in the DOM")
        for i, chart in enumerate(collector.charts):
            points = chart.get("data-points", "")
            if not points.isdigit() or int(points) <= 0:
                problems.append(f"{report}: chart {i} has data-points={points!r}")
        for text, where in ((source, "file"), (dom, "DOM")):
            for scheme in ("http://", "https://"):
                if scheme in text:
                    problems.append(f"{report}: the {where} contains {scheme}")
        if layout is not None:
            check_layout(report, layout, problems)
            if graph_edges is not None:
                check_answer_cards(report, layout, problems)
                if layout["graph_edges"] != graph_edges:
                    problems.append(f"{report}: the service graph draws {layout['graph_edges']} routes, "
                                    f"carepath graph has {graph_edges} edges")

        png = os.path.join(os.path.dirname(report), "report.png")
        if os.path.exists(png):
            os.remove(png)
        shot = run_chromium(chromium, profile,
                            ["--screenshot=" + png, "--window-size=1200,1500", "--hide-scrollbars"], url)
        if shot.returncode != 0 or not os.path.exists(png) or os.path.getsize(png) == 0:
            problems.append(f"{report}: no screenshot ({shot.returncode}): {shot.stderr[-2000:]}")
        print(f"{report}: {len(collector.charts)} charts; "
              f"{'' if layout is None else str(layout['scroll_width']) + ' px wide; '}screenshot {png}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--carepath", required=True)
    parser.add_argument("--scenario", required=True, help="the default job, scenarios/bromley/bromley_winter.json")
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
    subprocess.run([args.carepath, "run", args.scenario, "--out", run_dir, "--replications", "2", "--threads", "2",
                    "--trajectories", "week"],
                   check=True, stdout=subprocess.DEVNULL)
    dot = subprocess.run([args.carepath, "graph", args.scenario], check=True, capture_output=True, text=True).stdout
    graph_edges = sum(1 for line in dot.splitlines() if "->" in line)
    subprocess.run([args.render_fixtures, args.data, fixtures_dir], check=True)

    problems = []
    check_report(chromium, os.path.join(run_dir, "report.html"), problems, graph_edges)
    check_report(chromium, os.path.join(fixtures_dir, "report.html"), problems)
    for problem in problems:
        print("FAIL: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
