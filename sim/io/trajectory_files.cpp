// SPDX-License-Identifier: MIT
#include "io/trajectory_files.hpp"

#include <carepath/io/csv_text.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/model/calendar.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view kHeader = "period,start,iso_week,days,kind,name,metric,unit,mean,p5,p25,p50,p75,p95,n\n";

// The double nearest to the shortest decimal form of the float nearest to `value`: the bands are
// statistics of float values, so digits beyond a float's precision would only be noise.
// A value beyond a float's range (only an overflow makes one) is kept as it is, not made infinite.
double tidy(double value) {
  if (!std::isfinite(value) || std::fabs(value) > std::numeric_limits<float>::max()) return value;
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, static_cast<float>(value));
  double tidied = value;
  std::from_chars(text, end, tidied);
  return tidied;
}

struct PeriodLabels {
  std::vector<std::string> start, iso_week;
  std::vector<std::uint32_t> days;
};

PeriodLabels day_labels(const stats::TrajectoryCalendar& calendar) {
  PeriodLabels labels;
  for (std::uint32_t d = 0; d < calendar.days; ++d) {
    const model::Date date = model::date_after(calendar.start_date, d);
    labels.start.push_back(model::format_date(date));
    labels.iso_week.push_back(model::iso_week(date));
    labels.days.push_back(1);
  }
  return labels;
}

PeriodLabels week_labels(const stats::TrajectoryCalendar& calendar) {
  PeriodLabels labels;
  for (std::uint32_t w = 0; w < calendar.weeks(); ++w) {
    const model::Date date = model::date_after(calendar.start_date, calendar.week_first_day(w));
    labels.start.push_back(model::format_date(date));
    labels.iso_week.push_back(model::iso_week(date));
    labels.days.push_back(calendar.week_days(w));
  }
  return labels;
}

// A month's iso_week is its first day's, as for a week.
PeriodLabels month_labels(const stats::TrajectoryCalendar& calendar) {
  PeriodLabels labels;
  for (std::uint32_t m = 0; m < calendar.months(); ++m) {
    const model::Date date = model::date_after(calendar.start_date, calendar.month_first_day(m));
    labels.start.push_back(model::format_date(date));
    labels.iso_week.push_back(model::iso_week(date));
    labels.days.push_back(calendar.month_days(m));
  }
  return labels;
}

// The kinds of period recorded, finest first: their name, labels and bands.
struct RecordedPeriod {
  const char* name;
  PeriodLabels labels;
  const stats::TrajectoryBands* bands;
};

std::vector<RecordedPeriod> recorded(const stats::TrajectorySummary& t) {
  std::vector<RecordedPeriod> out;
  if (!t.days.n.empty()) out.push_back({"day", day_labels(t.calendar), &t.days});
  if (!t.weeks.n.empty()) out.push_back({"week", week_labels(t.calendar), &t.weeks});
  if (!t.months.n.empty()) out.push_back({"month", month_labels(t.calendar), &t.months});
  return out;
}

const char* kind_name(stats::TrajectoryKind kind) {
  switch (kind) {
    case stats::TrajectoryKind::Service: return "service";
    case stats::TrajectoryKind::Pathway: return "pathway";
    case stats::TrajectoryKind::Resource: break;
  }
  return "resource";
}

void write_rows(std::ostream& out, const char* period, const PeriodLabels& labels,
                const stats::TrajectorySummary& t, const stats::TrajectoryBands& bands) {
  const std::size_t series = t.series.size();
  for (std::size_t p = 0; p < labels.start.size(); ++p) {
    for (std::size_t s = 0; s < series; ++s) {
      const std::size_t cell = p * series + s;
      const stats::TrajectorySeries& info = t.series[s];
      // Service and pathway names are restricted to [A-Za-z0-9_.-]: no CSV quoting is needed.
      out << period << ',' << labels.start[p] << ',' << labels.iso_week[p] << ',' << labels.days[p] << ','
          << kind_name(info.kind) << ',' << csv_text(info.name) << ',' << info.metric << ',' << info.unit << ','
          << format_shortest(tidy(bands.mean[cell])) << ',' << format_shortest(tidy(bands.p5[cell])) << ','
          << format_shortest(tidy(bands.p25[cell])) << ',' << format_shortest(tidy(bands.p50[cell])) << ','
          << format_shortest(tidy(bands.p75[cell])) << ',' << format_shortest(tidy(bands.p95[cell])) << ','
          << bands.n[cell] << '\n';
    }
  }
}

ordered_json periods_json(const PeriodLabels& labels) {
  return ordered_json{{"start", labels.start}, {"iso_week", labels.iso_week}, {"days", labels.days}};
}

ordered_json column(const std::vector<double>& values, std::size_t s, std::size_t series) {
  ordered_json out = ordered_json::array();
  for (std::size_t cell = s; cell < values.size(); cell += series) {
    const double v = values[cell];
    out.push_back(std::isfinite(v) ? ordered_json(tidy(v)) : ordered_json(nullptr));
  }
  return out;
}

// Whether some period with values (n > 0) has a band that is not finite.
bool has_non_finite_values(const stats::TrajectoryBands& bands, std::size_t s, std::size_t series) {
  for (std::size_t cell = s; cell < bands.n.size(); cell += series) {
    if (bands.n[cell] == 0) continue;
    for (const std::vector<double>* band : {&bands.mean, &bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) {
      if (!std::isfinite((*band)[cell])) return true;
    }
  }
  return false;
}

// null means n = 0 (nothing to measure), unless "note" says some values were not finite.
ordered_json bands_json(const stats::TrajectoryBands& bands, std::size_t s, std::size_t series) {
  ordered_json n = ordered_json::array();
  for (std::size_t cell = s; cell < bands.n.size(); cell += series) n.push_back(bands.n[cell]);
  ordered_json json{{"mean", column(bands.mean, s, series)}, {"p5", column(bands.p5, s, series)},
                    {"p25", column(bands.p25, s, series)},   {"p50", column(bands.p50, s, series)},
                    {"p75", column(bands.p75, s, series)},   {"p95", column(bands.p95, s, series)},
                    {"n", std::move(n)}};
  if (has_non_finite_values(bands, s, series)) {
    json["note"] = "null where n > 0: the values there were not finite numbers (infinite or undefined)";
  }
  return json;
}

}  // namespace

void write_trajectories_csv(const stats::TrajectorySummary& trajectories, std::ostream& out) {
  out << kHeader;
  if (trajectories.empty()) return;
  for (const RecordedPeriod& period : recorded(trajectories)) {
    write_rows(out, period.name, period.labels, trajectories, *period.bands);
  }
}

void write_replication_trajectories_csv(const stats::TrajectorySummary& trajectories,
                                        const std::vector<stats::ReplicationResult>& replications, std::ostream& out) {
  out << "replication,period,start,days,kind,name,metric,unit,value\n";
  if (trajectories.empty()) return;
  const bool monthly = !trajectories.months.n.empty();
  const char* period = monthly ? "month" : "week";
  const PeriodLabels labels = monthly ? month_labels(trajectories.calendar) : week_labels(trajectories.calendar);
  const std::size_t series = trajectories.series.size();
  for (std::size_t r = 0; r < replications.size(); ++r) {
    const stats::TrajectoryBlock& block = monthly ? replications[r].trajectory.months : replications[r].trajectory.weeks;
    if (block.series != series) continue;  // not recorded in this replication
    for (std::size_t p = 0; p < block.periods && p < labels.start.size(); ++p) {
      for (std::size_t s = 0; s < series; ++s) {
        const stats::TrajectorySeries& info = trajectories.series[s];
        const float value = block.at(p, s);
        out << r << ',' << period << ',' << labels.start[p] << ',' << labels.days[p] << ','
            << kind_name(info.kind) << ',' << csv_text(info.name) << ',' << info.metric << ',' << info.unit << ','
            << (std::isnan(value) ? std::string() : format_shortest(tidy(value))) << '\n';
      }
    }
  }
}

ordered_json trajectories_json(const stats::TrajectorySummary& trajectories) {
  ordered_json doc;
  doc["start_date"] = model::format_date(trajectories.calendar.start_date);
  const std::vector<RecordedPeriod> periods = recorded(trajectories);
  for (const RecordedPeriod& period : periods) doc[period.name] = periods_json(period.labels);
  ordered_json series = ordered_json::array();
  const std::size_t n_series = trajectories.series.size();
  for (std::size_t s = 0; s < n_series; ++s) {
    const stats::TrajectorySeries& info = trajectories.series[s];
    ordered_json entry{{"kind", kind_name(info.kind)}, {"name", info.name}, {"metric", info.metric}, {"unit", info.unit}};
    for (const RecordedPeriod& period : periods) entry[period.name] = bands_json(*period.bands, s, n_series);
    series.push_back(std::move(entry));
  }
  doc["series"] = std::move(series);
  return doc;
}

}  // namespace carepath::io
