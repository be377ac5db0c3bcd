// SPDX-License-Identifier: MIT
// print_summary_table: the few numbers a planner looks at first, one row per service and one for
// the system, each a mean across replications with the half-width of its 95% CI. Waits are shown
// in whichever of min/h/d/w keeps them readable. Everything else is in the result files.
#include <carepath/io/number_format.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/time.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::io {

namespace {

constexpr std::size_t kColumns = 6;
using Row = std::array<std::string, kColumns>;

constexpr std::string_view kGap = "  ";

// Index of a metric in the kServiceMetrics or kSystemMetrics table, found by name at compile
// time so that reordering the table cannot make the console show the wrong column.
template <class Table>
constexpr std::size_t metric_index(const Table& table, std::string_view name) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (std::string_view(table[i].name) == name) return i;
  }
  throw "no such metric";  // Not reachable in a constant expression: compilation fails instead.
}

constexpr std::size_t kServiceArrivals = metric_index(stats::kServiceMetrics, "arrivals");
constexpr std::size_t kUtilisation = metric_index(stats::kServiceMetrics, "utilisation");
constexpr std::size_t kWaitMean = metric_index(stats::kServiceMetrics, "wait_mean");
constexpr std::size_t kWaitP90 = metric_index(stats::kServiceMetrics, "wait_p90");
constexpr std::size_t kLossProbability = metric_index(stats::kServiceMetrics, "loss_probability");
constexpr std::size_t kPoolUtilisation = metric_index(stats::kResourceMetrics, "utilisation");
constexpr std::size_t kPoolBusy = metric_index(stats::kResourceMetrics, "mean_busy");
constexpr std::size_t kPoolCapacity = metric_index(stats::kResourceMetrics, "mean_capacity");
constexpr std::size_t kPoolDelayedStarts = metric_index(stats::kResourceMetrics, "delayed_starts");
constexpr std::size_t kPoolDelayedWait = metric_index(stats::kResourceMetrics, "delayed_wait_mean");
constexpr std::size_t kPoolVisitsPerDay = metric_index(stats::kResourceMetrics, "visits_delivered_per_day");
constexpr std::size_t kPoolVisitsPerMonth = metric_index(stats::kResourceMetrics, "visits_delivered_per_month");
constexpr std::size_t kPoolVisitsMissed = metric_index(stats::kResourceMetrics, "visits_missed");
constexpr std::size_t kPoolVisitsMissedShare = metric_index(stats::kResourceMetrics, "visits_missed_share");
constexpr std::size_t kPoolCaseload = metric_index(stats::kResourceMetrics, "caseload_mean");
constexpr std::size_t kClinicOffered = metric_index(stats::kClinicMetrics, "slots_offered");
constexpr std::size_t kClinicUsed = metric_index(stats::kClinicMetrics, "slots_used");
constexpr std::size_t kClinicNotAttended = metric_index(stats::kClinicMetrics, "not_attended");
constexpr std::size_t kClinicUnused = metric_index(stats::kClinicMetrics, "unused_slots");
constexpr std::size_t kClinicHorizon = metric_index(stats::kClinicMetrics, "booked_horizon_mean");
constexpr std::size_t kSystemArrivals = metric_index(stats::kSystemMetrics, "arrivals");
constexpr std::size_t kTimeInSystemMean = metric_index(stats::kSystemMetrics, "time_in_system_mean");
constexpr std::size_t kTimeInSystemP90 = metric_index(stats::kSystemMetrics, "time_in_system_p90");

// Whole numbers from 100 up, one decimal below: more digits than a CI across replications
// supports would only push the table past 80 columns.
int decimals_for(double magnitude) { return std::abs(magnitude) >= 100 ? 0 : 1; }

// "mean ± half-width", scaled; "-" when there was nothing to measure.
std::string with_ci(const stats::Estimate& e, double scale, std::string_view suffix) {
  if (!std::isfinite(e.mean)) return "-";
  const double mean = e.mean * scale;
  const int decimals = decimals_for(mean);
  std::string text = format_fixed(mean, decimals);
  const double half_width = (e.ci_high - e.ci_low) / 2 * scale;
  if (std::isfinite(half_width)) text += " \u00b1 " + format_fixed(half_width, decimals);
  return text + std::string(suffix);
}

std::string percent(const stats::Estimate& e) { return with_ci(e, 100, "%"); }

std::string duration(const stats::Estimate& e) {
  struct Unit {
    const char* name;
    double days;
    double up_to;  // Used while |mean| is below this many days.
  };
  static constexpr std::array<Unit, 4> kUnits{{{"min", minutes(1), hours(1)},
                                               {"h", hours(1), days(2)},
                                               {"d", days(1), weeks(2)},
                                               {"w", weeks(1), std::numeric_limits<double>::infinity()}}};
  const auto unit = std::find_if(kUnits.begin(), kUnits.end() - 1,
                                 [&](const Unit& u) { return std::abs(e.mean) < u.up_to; });
  return with_ci(e, 1 / unit->days, std::string(" ") + unit->name);
}

std::string count(const stats::Estimate& e) { return with_ci(e, 1, ""); }

// The share of arrivals lost anywhere, per replication, so that it gets a CI like the rest.
stats::Estimate system_loss_share(const run::BatchResult& result) {
  std::vector<double> shares;
  shares.reserve(result.replications.size());
  for (const stats::ReplicationResult& r : result.replications) {
    shares.push_back(r.system.arrivals > 0 ? r.system.losses / r.system.arrivals
                                             : std::numeric_limits<double>::quiet_NaN());
  }
  return stats::estimate(shares);
}

// Terminal columns, not bytes: "±" is two bytes of UTF-8 but one column.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void print_row(std::ostream& out, const Row& row, const std::array<std::size_t, kColumns>& widths) {
  std::string line = row[0] + std::string(widths[0] - display_width(row[0]), ' ');
  for (std::size_t c = 1; c < kColumns; ++c) {
    line += kGap;
    line += std::string(widths[c] - display_width(row[c]), ' ') + row[c];
  }
  out << line << '\n';
}

template <class T>
std::string counted(T n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// Shared pools, when the scenario has any: how busy, and how many patients found a bed free but
// had to wait for the pool's staff, with their mean wait.
void print_pools(const run::BatchResult& result, std::ostream& out) {
  if (result.summary.resources.empty()) return;
  std::vector<Row> rows{Row{"shared pool", "utilisation", "busy", "on duty", "waited for it", "their wait"}};
  for (const stats::ResourceSummary& pool : result.summary.resources) {
    rows.push_back({pool.name + " (" + pool.unit + ")", percent(pool.metrics[kPoolUtilisation]),
                    count(pool.metrics[kPoolBusy]), count(pool.metrics[kPoolCapacity]),
                    count(pool.metrics[kPoolDelayedStarts]), duration(pool.metrics[kPoolDelayedWait])});
  }
  std::array<std::size_t, kColumns> widths{};
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  out << '\n';
  for (const Row& row : rows) print_row(out, row, widths);
  out << "waited for it: patients per replication who found a bed free at their service but too few of the pool's "
         "units.\n";
}

// One small table under the services', with its one-line note.
void print_side_table(const std::vector<Row>& rows, const char* note, std::ostream& out) {
  std::array<std::size_t, kColumns> widths{};
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  out << '\n';
  for (const Row& row : rows) print_row(out, row, widths);
  out << note << '\n';
}

// Visit pools, when the scenario has any: visits delivered and missed, and the caseload served.
void print_visit_pools(const run::BatchResult& result, std::ostream& out) {
  std::vector<Row> rows{Row{"visit pool", "visits a day", "a month", "missed/rep", "missed", "caseload"}};
  for (const stats::ResourceSummary& pool : result.summary.resources) {
    if (pool.metrics[kPoolVisitsPerDay].n == 0) continue;  // a pool of units
    rows.push_back({pool.name, count(pool.metrics[kPoolVisitsPerDay]), count(pool.metrics[kPoolVisitsPerMonth]),
                    count(pool.metrics[kPoolVisitsMissed]), percent(pool.metrics[kPoolVisitsMissedShare]),
                    count(pool.metrics[kPoolCaseload])});
  }
  if (rows.size() == 1) return;
  print_side_table(rows,
                   "missed: visits due that the staff on duty could not make, per replication and as a share; "
                   "caseload: mean patients.",
                   out);
}

// Clinics and panels, when the scenario has any: their slots, where the wasted ones went, and how
// far ahead the list is booked.
void print_clinics(const run::BatchResult& result, std::ostream& out) {
  if (result.summary.clinics.empty()) return;
  std::vector<Row> rows{Row{"clinic", "slots offered", "used", "not attended", "unused", "booked ahead"}};
  for (const stats::ClinicSummary& clinic : result.summary.clinics) {
    rows.push_back({clinic.name, count(clinic.metrics[kClinicOffered]), count(clinic.metrics[kClinicUsed]),
                    count(clinic.metrics[kClinicNotAttended]), count(clinic.metrics[kClinicUnused]),
                    duration(clinic.metrics[kClinicHorizon])});
  }
  print_side_table(rows, "booked ahead: mean time from a session to the one that would see the last patient still waiting.",
                   out);
}

}  // namespace

void print_summary_table(const run::BatchResult& result, std::ostream& out) {
  std::vector<Row> rows{
      Row{"service", "arrivals/rep", "utilisation", "mean wait", "P90 wait", "lost"}};
  for (const stats::ServiceSummary& s : result.summary.services) {
    rows.push_back({s.name, count(s.metrics[kServiceArrivals]), percent(s.metrics[kUtilisation]),
                    duration(s.metrics[kWaitMean]), duration(s.metrics[kWaitP90]),
                    percent(s.metrics[kLossProbability])});
  }
  const auto& system = result.summary.system;
  rows.push_back({"system", count(system[kSystemArrivals]), "-", duration(system[kTimeInSystemMean]),
                  duration(system[kTimeInSystemP90]), percent(system_loss_share(result))});

  std::array<std::size_t, kColumns> widths{};
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  for (const Row& row : rows) print_row(out, row, widths);
  print_pools(result, out);
  print_visit_pools(result, out);
  print_clinics(result, out);

  out << "\u00b1: half-width of the 95% CI. The system row shows time in system, not waits.\n"
      << counted(result.replications.size(), "replication") << ", seed " << result.seed << ", "
      << counted(result.threads, "thread") << ", " << format_fixed(result.wall_seconds, 1)
      << " s\n";
  if (result.window) out << "Measured over " << model::format_window(*result.window) << " only (--window).\n";
}

}  // namespace carepath::io
