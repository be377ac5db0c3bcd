// SPDX-License-Identifier: MIT
#include <carepath/report/warmup_page.hpp>

#include <carepath/io/number_format.hpp>

#include "report/html_escape.hpp"
#include "report/line_chart.hpp"
#include "report/report_style.hpp"

namespace carepath::report {
namespace {

std::string days_text(std::size_t days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

}  // namespace

std::string warmup_page_html(const WarmupPage& page) {
  const stats::WarmUpProposal& proposal = page.proposal;
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     escape_html(page.scenario) + " \u2014 warm-up</title>\n<style>" + std::string(report_css()) +
                     "</style>\n</head>\n<body>\n<header>\n<h1>" + escape_html(page.scenario) + ": warm-up</h1>\n" +
                     "<p class=\"lede\">Proposed warm-up by MSER-5: <b>" + days_text(proposal.days) +
                     "</b> (the scenario states " + escape_html(io::format_shortest(page.stated_days)) +
                     " days). Each chart shows a headline KPI's mean over the replications, day by day from "
                     "the start of the run, and Welch's moving average of it (half-window " +
                     days_text(page.window) + "); the dashed line marks MSER-5's truncation for that KPI.</p>\n</header>\n";
  for (std::size_t k = 0; k < proposal.kpis.size(); ++k) {
    const stats::KpiWarmUp& kpi = proposal.kpis[k];
    if (!kpi.measured) continue;
    LineChartInput chart;
    chart.title = kpi.name;
    chart.x_title = "day of the run";
    chart.y_title = kpi.unit;
    for (std::size_t d = 0; d < kpi.daily_mean.size(); ++d) chart.x.push_back(static_cast<double>(d));
    chart.series.push_back({"daily mean", kpi.daily_mean, "variant v5"});
    chart.series.push_back({"Welch moving average", page.smoothed[k], "median"});
    chart.marker_x = static_cast<double>(kpi.truncation);
    chart.marker_label = "MSER-5: " + days_text(kpi.truncation);
    html += "<section>\n<h2>" + escape_html(kpi.name) + "</h2>\n<figure>" + render_line_chart(chart) +
            "</figure>\n" +
            (kpi.in_first_half ? ""
                               : "<p class=\"absent\">The minimum fell at the end of the first half of the run: the "
                                 "run is too short to tell where the warm-up ends.</p>\n") +
            "</section>\n";
  }
  return html + "</body>\n</html>\n";
}

}  // namespace carepath::report
