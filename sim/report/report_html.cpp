// SPDX-License-Identifier: MIT
// render_report: the page, section by section, in the order a board paper reads: what was run,
// the headline numbers, how they move over time, what the variants change, the service graph,
// the assumptions, how to read it all. Each section is built by its own file (kpi_table.cpp,
// trajectory_section.cpp, comparison_section.cpp, graph_svg.cpp); this file only assembles and
// writes. A missing input makes its section say so rather than fail.
#include "report/report_inputs.hpp"

#include <carepath/io/durable_file.hpp>
#include <carepath/io/results_files.hpp>
#include "report/answer_cards.hpp"
#include "report/comparison_section.hpp"
#include "report/costs_section.hpp"
#include "report/graph_svg.hpp"
#include "report/html_escape.hpp"
#include "report/json_values.hpp"
#include "report/kpi_table.hpp"
#include "report/precision_section.hpp"
#include "report/resource_table.hpp"
#include "report/report_format.hpp"
#include "report/report_style.hpp"
#include "report/stress_des_section.hpp"
#include "report/trajectory_section.hpp"

#include <cmath>
#include <stdexcept>

namespace carepath::io {

namespace {

using report::escape_html;
using report::Json;

std::string meta_item(const char* label, const std::string& value) {
  return "<div><b>" + std::string(label) + "</b>" + escape_html(value) + "</div>";
}

// "none" rather than "0.0 minutes": a run that starts from the day's real lists needs none.
std::string warm_up_text(double days) { return days == 0 ? "none" : report::format_duration(days); }

// --window: the tables and comparisons cover these dates only (the charts the whole run).
std::string window_item(const Json& run) {
  const Json* window = report::member(run, "window");
  if (window == nullptr || !window->is_object()) return "";
  return meta_item("Tables measured over",
                   report::string_at(*window, "from") + " to " + report::string_at(*window, "to"));
}

std::string integer_text(const Json& object, std::string_view key) {
  const Json* value = report::member(object, key);
  if (value && value->is_number_unsigned()) return std::to_string(value->get<std::uint64_t>());
  if (value && value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
  return "\u2013";
}

std::string metadata(const Json& summary, const std::vector<ReportVariant>& variants) {
  const Json empty = Json::object();
  const Json* run = report::member(summary, "run");
  const Json& r = run ? *run : empty;
  const double wall = report::number_at(r, "wall_seconds");
  const std::string period = report::string_at(r, "trajectory_period");
  std::string html = "<div class=\"meta\">" + meta_item("Start date", report::string_at(r, "start_date")) +
                     meta_item("Horizon", report::format_duration(report::number_at(r, "horizon_days"))) +
                     meta_item("Warm-up (left out of the tables)", warm_up_text(report::number_at(r, "warm_up_days"))) +
                     window_item(r) +
                     meta_item("Replications", integer_text(r, "replications")) +
                     meta_item("Seed", integer_text(r, "seed")) +
                     meta_item("Trajectories by", period.empty() ? "\u2013" : period) +
                     meta_item("Threads", integer_text(r, "threads")) +
                     meta_item("Wall time", std::isfinite(wall) ? report::format_count(wall) + " s" : "\u2013") +
                     meta_item("carepath version", report::string_at(summary, "carepath_version"));
  if (!variants.empty()) {
    std::string names;
    for (const ReportVariant& variant : variants) names += (names.empty() ? "" : ", ") + variant.name;
    html += "<div class=\"wide\"><b>Variants</b>" + escape_html(names) + "</div>";
  }
  return html + "</div>\n";
}

std::string notes_list(const std::vector<std::string>& notes) {
  if (notes.empty()) return "";
  std::string html = "<ul>\n";
  for (const std::string& note : notes) html += "<li>" + escape_html(note) + "</li>\n";
  return html + "</ul>\n";
}

std::string deadlock_warning(const Json& summary) {
  const double deadlocked = report::number_at(summary, "deadlocked_replications");
  if (!std::isfinite(deadlocked) || deadlocked <= 0) return "";
  return "<p class=\"absent\"><b>" + report::format_count(deadlocked) +
         " replications stopped in a blocking deadlock</b> (every bed of a cycle of services held "
         "by a patient waiting for the next). Their figures cover the time before the deadlock; add "
         "capacity or a queue to break the cycle.</p>\n";
}

std::string notes_section(const Json& summary, const Json& scenario) {
  const Json* described = report::member(summary, "scenario");
  const Json& words = scenario.is_object() ? scenario : (described ? *described : Json::object());
  std::string html;
  // The header shows summary.json's description already.
  const std::string description = report::string_at(words, "description");
  const std::string shown = described ? report::string_at(*described, "description") : "";
  if (!description.empty() && description != shown) html += "<p>" + escape_html(description) + "</p>\n";
  const std::vector<std::string> notes = report::notes_at(words, "notes");
  if (!notes.empty()) html += "<h3>Sources and assumptions</h3>\n" + notes_list(notes);
  std::string entries;
  for (const auto& [key, title] : {std::pair{"arrivals", "Arrivals"}, std::pair{"services", "Services"},
                                   std::pair{"pathways", "Pathways"}}) {
    std::string items;
    for (const Json& entry : report::array_at(scenario, key)) {
      const std::vector<std::string> entry_notes = report::notes_at(entry, "notes");
      if (entry_notes.empty()) continue;
      items += "<details><summary>" + escape_html(report::string_at(entry, "name")) + "</summary>\n" +
               notes_list(entry_notes) + "</details>\n";
    }
    if (!items.empty()) entries += "<h3>" + std::string(title) + "</h3>\n" + items;
  }
  // Printed, each element's own notes would be most of the paper: they stay on screen and in the
  // scenario file, and the printout says so.
  if (!entries.empty()) {
    html += "<div class=\"screen-only\">\n" + entries +
            "</div>\n<p class=\"note print-only\">The notes of each arrival source, service and pathway "
            "(their figures' sources and assumptions) are in report.html on screen and in the scenario "
            "file in inputs/.</p>\n";
  }
  if (html.empty()) {
    html = shown.empty() ? "<p class=\"absent\">The scenario has no description or notes.</p>\n"
                         : "<p class=\"absent\">The scenario has no notes beyond its description, at the top.</p>\n";
  }
  return html;
}

constexpr const char* kHowToRead = R"html(
<ul>
<li><b>Each replication is one possible run</b> of the period simulated, with its own random
arrivals and lengths of stay. A figure in the tables is the mean over replications; the smaller
figures under it are its 95% confidence interval: if the scenario's assumptions hold, the long-run
value lies in it with 95% confidence. A wide interval calls for more replications, not a
different conclusion.</li>
<li><b>Shares</b> (utilisation, within target) are percentages of the whole; <b>differences of
shares</b> are in percentage points. Times are shown in minutes, hours, days or weeks, whichever
suits their size.</li>
<li><b>Utilisation</b> near 100% leaves no slack: waits then rise steeply for small increases in
demand. Above 100% the queue grows without limit and waits depend on the run's length.</li>
<li><b>Bed-days blocked waiting to move on</b> are bed-days held by patients who were ready to
leave a service but whose next service had no room, or who kept their bed while a transfer was
arranged. Where the scenario gives the next service's setting, they are split by what the
patient waits for: a hospital bed is <b>exit block</b> (A&amp;E waiting for a ward bed), a
community or social-care place a <b>delayed discharge</b> (a ward waiting for reablement or a
care home).</li>
<li><b>Fan charts</b> show the spread between simulated runs, not between patients: the light band
holds 90% of runs, the dark band the middle half.</li>
<li><b>Comparisons</b> use the same random numbers for base and variant, so their difference is
the effect of the change. The model is only as good as its figures: read the notes and
assumptions in this report before quoting a number.</li>
</ul>
)html";

}  // namespace

std::string render_report(const ReportInputs& inputs) {
  const Json& summary = inputs.summary;
  if (!summary.is_object()) throw std::invalid_argument("render_report: summary is not a summary.json object");
  const Json* described = report::member(summary, "scenario");
  std::string name = described ? report::string_at(*described, "name") : "";
  if (name.empty()) name = "scenario";
  const std::string description = described ? report::string_at(*described, "description") : "";
  const Json* run = report::member(summary, "run");

  std::string html;
  html.reserve(64 * 1024);
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>" + escape_html(name) + " \u2014 carepath report</title>\n<style>" +
          std::string(report::report_css()) + "</style>\n</head>\n<body>\n<header>\n<h1>" + escape_html(name) +
          "</h1>\n";
  if (!description.empty()) html += "<p class=\"lede\">" + escape_html(description) + "</p>\n";
  html += metadata(summary, inputs.variants) + "</header>\n";

  const std::string answers = report::render_answer_cards(inputs.comparison);
  html += "<nav class=\"note\">Contents: " +
          std::string(answers.empty() ? "" : "<a href=\"#answers\">what each variant buys</a> \u00b7 ") +
          "<a href=\"#results\">headline results</a> \u00b7 "
          "<a href=\"#over-time\">over time</a> \u00b7 <a href=\"#variants\">variants</a> \u00b7 "
          "<a href=\"#graph\">service graph</a> \u00b7 <a href=\"#notes\">notes and assumptions</a> \u00b7 "
          "<a href=\"#how-built\">how this model was built</a> \u00b7 "
          "<a href=\"#how-to-read\">how to read</a></nav>\n";
  if (!answers.empty()) {
    html += "<section id=\"answers\">\n<h2>What each variant buys</h2>\n" + answers + "</section>\n";
  }

  html += "<section id=\"results\">\n<h2>Headline results</h2>\n" + deadlock_warning(summary) +
          report::render_kpi_tables(summary, inputs.scenario) + report::render_resource_table(summary) +
          report::render_precision_section(summary) +
          "</section>\n";
  html += report::render_costs_section(summary, inputs.comparison);

  html += "<section id=\"over-time\">\n<h2>Over time</h2>\n" +
          report::render_trajectory_section(inputs.trajectories, inputs.variants,
                                            run ? report::number_at(*run, "warm_up_days") : 0.0,
                                            inputs.scenario) +
          "</section>\n";

  // A printout is the short answer: the answer cards carry the headlines' differences, and the
  // forest plots of every KPI and the STRESS-DES checklist stay on screen.
  const bool compared = inputs.comparison.is_object();
  html += "<section id=\"variants\">\n<h2>Variants compared with the base</h2>\n" +
          std::string(compared ? "<p class=\"print-only note\">Printed: the answer cards above. The plots of "
                                 "every difference, variant by variant, are in report.html on screen.</p>\n"
                                 "<div class=\"screen-only\">\n"
                               : "") +
          report::render_comparison_section(inputs.comparison, inputs.variants) + (compared ? "</div>\n" : "") +
          "</section>\n";

  html += "<section id=\"graph\">\n<h2>Service graph</h2>\n";
  const std::string graph = report::render_service_graph(inputs.graph);
  if (graph.empty()) {
    html += "<p class=\"absent\">No service graph was given to the report.</p>\n";
  } else {
    html += "<p>Patients flow left to right, from where they arrive; a short arrow marked "
            "\u201cexit\u201d is a route out of the system. A percentage is the share of a service's "
            "patients taking that route. Solid arrows are the routes "
            "every patient type takes; dashed ones one patient type's own route (labelled with the "
            "type), dotted ones where patients are diverted when a service is full, dash-dotted ones "
            "where patients who give up waiting go. Grey-blue arrows underneath send patients back "
            "to an earlier service. Capacity is the range a roster or dated changes move it in.</p>\n<figure class=\"graph\">" + graph + "</figure>\n";
  }
  html += "</section>\n";

  html += "<section id=\"notes\">\n<h2>Notes and assumptions</h2>\n" + notes_section(summary, inputs.scenario) +
          "</section>\n";
  html += "<section id=\"how-built\">\n<h2>How this model was built</h2>\n"
          "<p class=\"print-only note\">The STRESS-DES checklist of this model is in report.html on screen.</p>\n"
          "<div class=\"screen-only\">\n" +
          report::render_stress_des_section(inputs) + "</div>\n</section>\n";
  html += "<section id=\"how-to-read\">\n<h2>How to read this report</h2>\n" + std::string(kHowToRead) +
          "</section>\n";
  html += "<footer>Made by carepath " + escape_html(report::string_at(summary, "carepath_version")) +
          " from the files in this folder (summary.json and, where present, trajectories.json and "
          "comparison.json). This page is self-contained: it needs no network and can be mailed "
          "or printed as it is.</footer>\n<script>" + std::string(report::report_script()) +
          "</script>\n</body>\n</html>\n";
  return html;
}

void write_report(const std::filesystem::path& dir, const ReportInputs& inputs) {
  write_file_atomically(dir / kReportHtmlFile, render_report(inputs));
}

}  // namespace carepath::io
