// SPDX-License-Identifier: MIT
// "headlines" in the scenario format: the few KPIs a planner reads first, each a KPI name
// ("pathway.ae_4h.within_target", or "ae_4h.within_target") or {"kpi": ..., "label": ...}. Read
// after the services and pathways, whose names they are checked against (stats/kpi_ref.hpp); a
// scenario without them gets the defaults of stats::default_headlines.
#pragma once

#include "io/json_reader.hpp"

#include <carepath/model/scenario.hpp>

namespace carepath::io {

/// At most this many: a headline list is what a planner reads in a minute.
inline constexpr std::size_t kMaxHeadlines = 20;

/// Fills scenario.headlines from document["headlines"], or with the defaults when it is absent.
/// `names_read` says whether the services and pathways were read without error: the names are
/// checked only then, so that a broken service is reported once, not again by every headline.
void read_headlines(JsonReader& r, const Json& document, model::Scenario& scenario, bool names_read);

}  // namespace carepath::io
