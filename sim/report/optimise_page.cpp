// SPDX-License-Identifier: MIT
#include <carepath/report/optimise_page.hpp>

#include "report/html_escape.hpp"
#include "report/report_style.hpp"
#include "report/scatter_chart.hpp"

namespace carepath::report {

std::string optimise_page_html(const OptimisePage& page) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     escape_html(page.scenario) + " \u2014 optimise</title>\n<style>" + std::string(report_css()) +
                     "\nsvg .screened { fill: #fff; stroke: #777; stroke-width: 1; }"
                     "\nsvg .chosen { stroke: #d55e00; stroke-width: 2.5; }</style>\n</head>\n<body>\n<header>\n<h1>" +
                     escape_html(page.scenario) + ": optimise</h1>\n<p class=\"lede\">" + escape_html(page.answer) +
                     "</p>\n<p class=\"note\">" + escape_html(page.method) + "</p>\n</header>\n";
  for (const OptimiseGoalChart& goal : page.goals) {
    ScatterChartInput chart;
    chart.title = "Cost against " + goal.metric + " per plan";
    chart.x_title = "cost of the plan";
    chart.y_title = goal.name + " " + goal.metric + " (mean, 95% CI)";
    chart.reference_y = goal.value;
    chart.reference_label = "goal " + goal.text;
    for (const OptimisePlanPoint& plan : goal.plans) {
      chart.points.push_back({plan.cost, plan.goal.mean, plan.goal.ci_low, plan.goal.ci_high,
                              std::string(plan.feasible ? "estimate" : "screened") + (plan.chosen ? " chosen" : ""),
                              plan.chosen ? "chosen" : ""});
    }
    html += "<section>\n<h2>" + escape_html(goal.text) + "</h2>\n<figure>" + render_scatter_chart(chart) +
            "<figcaption>One point per plan evaluated: filled, feasible; open, screened out or stopped; ringed, "
            "the plan chosen. The dashed line is the goal.</figcaption></figure>\n</section>\n";
  }
  return html + "</body>\n</html>\n";
}

}  // namespace carepath::report
