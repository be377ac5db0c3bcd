// SPDX-License-Identifier: MIT
#include <carepath/io/sweep_options.hpp>

#include <carepath/io/csv_reader.hpp>
#include <carepath/io/number_format.hpp>
#include <carepath/model/suggest.hpp>
#include <carepath/stats/kpi_ref.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>

namespace carepath::io {
namespace {

// More points than this is almost certainly a mistyped STEP, and would run for hours.
constexpr std::size_t kMaxPoints = 1000;

using run::Goal;
using run::GoalOperator;
using run::KeyPrice;
using run::SweepGrid;
using run::SweepRange;

[[noreturn]] void usage(const std::string& option, const std::string& message) {
  throw SweepOptionError(option, message);
}

bool is_integer_text(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Digits after the decimal point in a plain number ("0.25" -> 2, "3" -> 0); -1 with an exponent,
// where the written precision says nothing simple.
int decimals_of(std::string_view text) {
  if (text.find_first_of("eE") != std::string_view::npos) return -1;
  const std::size_t point = text.find('.');
  return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    parts.emplace_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// YYYY-MM-DD in digits; whether the date exists is the loader's to check.
bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

std::vector<std::string> names_of(const auto& list) {
  std::vector<std::string> names;
  for (const auto& element : list) names.push_back(element.name);
  return names;
}

// The goal's value in the metric's own unit: a share may be written "76%", a time (in days) with a
// duration unit ("4h", "18w"); a plain number is taken as it is.
double goal_value(const std::string& right, std::string_view unit, const std::string& text) {
  if (const auto number = parse_number(right)) return *number;
  const std::string in = "' in '" + text + "'";
  if (right.ends_with('%')) {
    if (unit != "share") usage("--goal", "a percentage fits a share, but this metric is in " + std::string(unit) + ": '" + right + in);
    if (const auto percent = parse_percent(right)) return *percent;
  } else if (const auto days = parse_duration(right)) {
    if (unit != "days") usage("--goal", "a duration fits a time, but this metric is in " + std::string(unit) + ": '" + right + in);
    return *days;
  }
  usage("--goal", "expected a number, a percentage (\"76%\") or a duration (\"18w\") after the comparison, got '" +
                      right + in);
}

}  // namespace

SweepOptionError::SweepOptionError(const std::string& option, const std::string& message)
    : std::invalid_argument(option + ": " + message) {}

SweepRange parse_sweep_key(const std::string& path, const model::Scenario& base, const std::string& option) {
  SweepRange range;
  range.path = path;
  const std::size_t first_dot = range.path.find('.');
  const std::size_t last_dot = range.path.rfind('.');
  if (first_dot == std::string::npos || last_dot == first_dot) {
    usage(option, "expected a path services.<name>.<key>, arrivals.<name>.<key> or resources.<name>.<key>, got '" +
                       range.path + "'");
  }
  range.part = range.path.substr(0, first_dot);
  range.name = range.path.substr(first_dot + 1, last_dot - first_dot - 1);
  range.key = range.path.substr(last_dot + 1);
  // services.<name>.capacity_from.<date>: the date is the last part, and has no dot.
  constexpr std::string_view kFromSuffix = ".capacity_from";
  if (range.part == "services" && range.name.ends_with(kFromSuffix)) {
    range.from_date = range.key;
    range.name.resize(range.name.size() - kFromSuffix.size());
    range.key = "capacity_from";
    if (!is_iso_date(range.from_date)) {
      usage(option, "expected a date such as 2023-02-01 after 'capacity_from.', got '" + range.from_date + "'");
    }
  }
  if (range.part != "services" && range.part != "arrivals" && range.part != "resources") {
    usage(option, "expected a path starting 'services.', 'arrivals.' or 'resources.', got '" + range.path + "'");
  }
  const std::vector<std::string> known = range.part == "services"    ? names_of(base.services)
                                         : range.part == "resources" ? names_of(base.resources)
                                                                     : names_of(base.arrivals);
  if (std::find(known.begin(), known.end(), range.name) == known.end()) {
    const char* what = range.part == "services" ? "service" : range.part == "resources" ? "shared pool" : "arrival source";
    usage(option, model::unknown_name_message(what, range.name, known));
  }
  if (range.key.empty()) usage(option, "expected a key after '" + range.part + "." + range.name + ".'");
  return range;
}

SweepRange parse_sweep_range(const std::string& text, const model::Scenario& base) {
  constexpr const char* kForm = "expected PATH=FROM:TO:STEP, such as services.clinic.capacity=2:6:1, got '";
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos) usage("--set", kForm + text + "'");
  SweepRange range = parse_sweep_key(text.substr(0, equals), base, "--set");

  const std::vector<std::string> bounds = split(std::string_view(text).substr(equals + 1), ':');
  if (bounds.size() != 3) usage("--set", kForm + text + "'");
  const auto from = parse_number(bounds[0]);
  const auto to = parse_number(bounds[1]);
  const auto step = parse_number(bounds[2]);
  if (!from || !to || !step) usage("--set", "FROM, TO and STEP must be numbers, got '" + text.substr(equals + 1) + "'");
  if (!(*step > 0)) usage("--set", "STEP must be above zero, got '" + bounds[2] + "'");
  if (*to < *from) usage("--set", "TO must not be below FROM, got '" + text.substr(equals + 1) + "'");
  range.integers = is_integer_text(bounds[0]) && is_integer_text(bounds[1]) && is_integer_text(bounds[2]);
  if (!range.from_date.empty() && !(range.integers && *from >= 0)) {
    usage("--set", "a capacity from a date takes whole numbers of servers from 0, got '" + text.substr(equals + 1) + "'");
  }
  // A little slack, so that 0.1:0.3:0.1 includes 0.3 despite binary fractions.
  const double steps = std::floor((*to - *from) / *step + 1e-9);
  if (steps + 1 > static_cast<double>(kMaxPoints)) {
    usage("--set", "at most " + std::to_string(kMaxPoints) + " values, got " + format_shortest(steps + 1));
  }
  // Values keep the decimals the planner wrote: 0.1:0.3:0.1 gives 0.3, not 0.30000000000000004.
  const std::array<int, 3> written{decimals_of(bounds[0]), decimals_of(bounds[1]), decimals_of(bounds[2])};
  const bool any_exponent = std::find(written.begin(), written.end(), -1) != written.end();
  // Beyond 15 decimals a double cannot hold the digits anyway.
  const int decimals = any_exponent ? -1 : std::min(15, *std::max_element(written.begin(), written.end()));
  const double unit = std::pow(10.0, decimals);
  for (std::size_t i = 0; i <= static_cast<std::size_t>(steps); ++i) {
    // FROM + i * STEP, not repeated addition, so rounding errors do not accumulate.
    double value = *from + static_cast<double>(i) * *step;
    if (decimals >= 0) value = std::round(value * unit) / unit;
    range.values.push_back(value);
    range.texts.push_back(format_shortest(value));
  }
  return range;
}

SweepGrid full_grid(std::vector<SweepRange> ranges) {
  SweepGrid grid;
  for (const SweepRange& range : ranges) {
    for (const SweepRange& other : grid.keys) {
      if (other.path == range.path) usage("--set", "the key " + range.path + " is given twice");
      // A variant holds one capacity_change per service.
      if (!range.from_date.empty() && !other.from_date.empty() && other.part == range.part && other.name == range.name) {
        usage("--set", "at most one capacity_from key per service, got " + other.path + " and " + range.path);
      }
    }
    grid.source += (grid.source.empty() ? "--set " : ", ") + range.path;
    grid.keys.push_back(range);
  }
  double count = 1;
  for (const SweepRange& key : grid.keys) count *= static_cast<double>(key.values.size());
  if (count > static_cast<double>(kMaxPoints)) {
    usage("--set", "at most " + std::to_string(kMaxPoints) + " points in the grid, got " + format_shortest(count));
  }
  // Counting in mixed radix, the last key fastest: the grid in the order a planner reads a table.
  std::vector<std::size_t> at(grid.keys.size(), 0);
  for (std::size_t p = 0; p < static_cast<std::size_t>(count); ++p) {
    grid.at.push_back(at);
    for (std::size_t k = grid.keys.size(); k-- > 0;) {
      if (++at[k] < grid.keys[k].values.size()) break;
      at[k] = 0;
    }
  }
  return grid;
}

SweepGrid read_sweep_points(const std::string& file, const model::Scenario& base) {
  const auto bad = [&](const std::string& message) { usage("--points", file + ": " + message); };
  std::ifstream in(file, std::ios::binary);
  if (!in) bad("cannot be read");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The header names the keys, so it is read first to tell the CSV reader which columns to expect.
  std::string header = text.substr(0, text.find('\n'));
  if (header.starts_with("\xEF\xBB\xBF")) header.erase(0, 3);
  if (header.ends_with('\r')) header.pop_back();
  std::vector<std::string> columns;
  for (std::string column : split(header, ',')) {
    column.erase(0, column.find_first_not_of(' '));
    column.erase(column.find_last_not_of(' ') + 1);
    columns.push_back(column);
  }
  std::vector<CsvProblem> problems;
  const auto table = parse_csv(text, columns, {}, problems);
  if (!problems.empty()) {
    bad((problems.front().line > 0 ? "line " + std::to_string(problems.front().line) + ": " : "") +
        problems.front().message);
  }
  if (!table || table->rows.empty()) bad("has no points (a header of keys, then a row of values per point)");
  if (table->rows.size() > kMaxPoints) bad("at most " + std::to_string(kMaxPoints) + " points, got " +
                                           std::to_string(table->rows.size()));
  std::vector<SweepRange> keys;
  for (const std::string& column : table->columns) keys.push_back(parse_sweep_key(column, base, "--points"));
  SweepGrid grid;
  grid.source = "--points " + file;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    for (std::size_t j = 0; j < k; ++j) {
      if (keys[j].path == keys[k].path) bad("the key " + keys[k].path + " is given twice");
      if (!keys[j].from_date.empty() && !keys[k].from_date.empty() && keys[j].name == keys[k].name) {
        bad("at most one capacity_from key per service, got " + keys[j].path + " and " + keys[k].path);
      }
    }
    keys[k].integers = true;
  }
  for (const CsvRow& row : table->rows) {
    grid.at.emplace_back();
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const auto value = parse_number(row.fields[k]);
      if (!value) bad("line " + std::to_string(row.line) + ": expected a number for " + keys[k].path + ", got '" + row.fields[k] + "'");
      keys[k].integers = keys[k].integers && is_integer_text(row.fields[k]);
      grid.at.back().push_back(keys[k].values.size());
      keys[k].values.push_back(*value);
      keys[k].texts.push_back(format_shortest(*value));
    }
  }
  for (std::size_t p = 0; p < grid.at.size(); ++p) {
    for (std::size_t q = 0; q < p; ++q) {
      bool same = true;
      for (std::size_t k = 0; k < keys.size() && same; ++k) same = keys[k].values[grid.at[p][k]] == keys[k].values[grid.at[q][k]];
      if (same) {
        bad("line " + std::to_string(table->rows[p].line) + " repeats the point of line " +
            std::to_string(table->rows[q].line));
      }
    }
  }
  for (const SweepRange& key : keys) {
    if (!key.from_date.empty() && !(key.integers && *std::min_element(key.values.begin(), key.values.end()) >= 0)) {
      bad("a capacity from a date takes whole numbers of servers from 0 (" + key.path + ")");
    }
  }
  grid.keys = std::move(keys);
  return grid;
}

KeyPrice parse_key_price(const std::string& text, const SweepGrid& grid) {
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos) usage("--cost", "expected PATH=PRICE, such as services.clinic.capacity=£1200, got '" + text + "'");
  const std::string path = text.substr(0, equals);
  std::vector<std::string> paths;
  for (const SweepRange& key : grid.keys) paths.push_back(key.path);
  const auto at = std::find(paths.begin(), paths.end(), path);
  if (at == paths.end()) usage("--cost", model::unknown_name_message("swept key", path, paths));
  std::string_view price = std::string_view(text).substr(equals + 1);
  // The currency's sign is read, not checked: the price is in whatever money the planner works in.
  for (const std::string_view sign : {"\xC2\xA3", "$", "\xE2\x82\xAC"}) {
    if (price.starts_with(sign)) price.remove_prefix(sign.size());
  }
  const auto value = parse_number(price);
  if (!value || *value < 0) usage("--cost", "expected a price of one unit, a number from 0 such as £1200, got '" +
                                                std::string(text.substr(equals + 1)) + "'");
  return {static_cast<std::size_t>(at - paths.begin()), *value};
}

Goal parse_goal(const std::string& text, const model::Scenario& base) {
  Goal goal;
  goal.text = text;
  const std::size_t at = text.find_first_of("<>");
  if (at == std::string::npos) {
    usage("--goal", "expected KIND.NAME.METRIC>=VALUE (or <=, >, <), such as 'service.clinic.wait_mean<=2', got '" +
                        text + "'");
  }
  const bool or_equal = at + 1 < text.size() && text[at + 1] == '=';
  goal.op = text[at] == '>' ? (or_equal ? GoalOperator::AtLeast : GoalOperator::Above)
                            : (or_equal ? GoalOperator::AtMost : GoalOperator::Below);
  const std::string left = text.substr(0, at);
  const std::string right = text.substr(at + (or_equal ? 2 : 1));

  auto resolved = stats::resolve_kpi(left, base);
  if (const auto* reason = std::get_if<std::string>(&resolved)) usage("--goal", *reason);
  const stats::KpiRef& kpi = std::get<stats::KpiRef>(resolved);
  goal.kind = kpi.kind;
  goal.name = kpi.name;
  goal.metric = kpi.metric;
  goal.table = kpi.table;
  goal.metric_index = kpi.metric_index;
  goal.cost = kpi.cost;
  goal.value = goal_value(right, kpi.unit, text);
  return goal;
}

std::string sweep_rule_text(const run::SweepRule& rule, std::size_t goals) {
  const std::string percent = format_shortest(rule.level * 100) + "%";
  if (!rule.confidence) return "in >= " + format_fixed(rule.level * 100, 0) + "% of replications";
  std::string text = "with " + percent + " confidence (one-sided bound of each goal's mean beyond the goal";
  if (goals > 1) text += ", Bonferroni over " + std::to_string(goals) + " goals";
  return text + ")";
}

}  // namespace carepath::io
