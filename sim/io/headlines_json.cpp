// SPDX-License-Identifier: MIT
#include "io/headlines_json.hpp"

#include <carepath/model/date_window.hpp>
#include <carepath/stats/kpi_ref.hpp>

#include "io/calendar_json.hpp"

#include <algorithm>
#include <string>
#include <variant>

namespace carepath::io {
namespace {

constexpr std::string_view kHeadlineRule =
    R"(a KPI such as "pathway.ae_4h.within_target", or {"kpi": ..., "label": "4-hour share"})";

// {"from": "2025-12-01", "to": "2026-03-31"}: dates of the run, both included, not both within
// the warm-up (carepath/model/date_window.hpp); one starting within it is measured from its end, said in
// a warning.
std::optional<model::DateWindow> read_window(JsonReader& r, const Json& value, const model::Scenario& scenario,
                                             bool names_read) {
  const auto step = r.enter("window");
  if (!r.expect_object(value)) return std::nullopt;
  r.check_keys(value, {"from", "to"});
  const auto from = r.required(value, "from", expect_date);
  const auto to = r.required(value, "to", expect_date);
  if (!from || !to || !names_read) return std::nullopt;
  const model::DateWindow window{*from, *to};
  const model::WindowCheck check = model::check_window(scenario.start_date, scenario.run, window);
  if (!check.problem.empty()) {
    r.error("the window " + check.problem);
    return std::nullopt;
  }
  if (!check.notice.empty()) r.warning("the window " + check.notice);
  return window;
}

std::optional<model::Headline> read_headline(JsonReader& r, const Json& value, const model::Scenario& scenario,
                                             bool names_read) {
  model::Headline headline;
  const Json* kpi = &value;
  if (value.is_object()) {
    r.check_keys(value, {"kpi", "label", "window"});
    kpi = r.require(value, "kpi");
    headline.label = r.optional(value, "label", &JsonReader::expect_string).value_or("");
    if (const Json* window = JsonReader::find(value, "window")) headline.window = read_window(r, *window, scenario, names_read);
    if (kpi == nullptr) return std::nullopt;
  }
  const auto step = value.is_object() ? std::optional<JsonReader::Step>(std::in_place, r, "kpi") : std::nullopt;
  if (!kpi->is_string()) {
    r.expected(kHeadlineRule, *kpi);
    return std::nullopt;
  }
  headline.kpi = kpi->get<std::string>();
  if (!names_read) return headline;
  auto resolved = stats::resolve_kpi(headline.kpi, scenario);
  if (const auto* reason = std::get_if<std::string>(&resolved)) {
    r.error(*reason);
    return std::nullopt;
  }
  headline.kpi = stats::kpi_text(std::get<stats::KpiRef>(resolved));
  return headline;
}

}  // namespace

void read_headlines(JsonReader& r, const Json& document, model::Scenario& scenario, bool names_read) {
  const Json* list = JsonReader::find(document, "headlines");
  if (list == nullptr) {
    if (names_read) scenario.headlines = stats::default_headlines(scenario);
    return;
  }
  const auto step = r.enter("headlines");
  if (!r.expect_array(*list, "an array of KPIs")) return;
  if (list->empty() || list->size() > kMaxHeadlines) {
    r.expected("from 1 to " + std::to_string(kMaxHeadlines) + " KPIs (leave \"headlines\" out for the defaults)",
               *list);
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto item = r.enter(i);
    auto headline = read_headline(r, list->at(i), scenario, names_read);
    if (!headline) continue;
    // The same KPI over two windows (the whole year and the winter) is two headlines.
    const bool repeated = std::any_of(scenario.headlines.begin(), scenario.headlines.end(), [&](const model::Headline& h) {
      return h.kpi == headline->kpi && h.window == headline->window;
    });
    if (repeated && names_read) {
      r.error("repeats the headline " + headline->kpi);
      continue;
    }
    scenario.headlines.push_back(std::move(*headline));
  }
}

}  // namespace carepath::io
