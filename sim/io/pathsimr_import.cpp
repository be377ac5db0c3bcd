// SPDX-License-Identifier: MIT
#include <carepath/io/pathsimr_import.hpp>

#include <carepath/io/number_format.hpp>
#include "io/pathsimr_calendar.hpp"
#include "io/pathsimr_cycle.hpp"
#include "io/pathsimr_distribution.hpp"
#include "io/pathsimr_network.hpp"
#include <carepath/io/text_file.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <tuple>

namespace carepath::io {

namespace {

using Json = nlohmann::ordered_json;

std::string join_problems(const std::vector<ImportProblem>& problems) {
  std::string text;
  for (const ImportProblem& problem : problems) text += (text.empty() ? "" : "\n") + format_import_problem(problem);
  return text;
}

double hours_per_unit(const std::string& unit) {
  if (unit == "min") return 1.0 / 60;
  if (unit == "h") return 1;
  if (unit == "w") return 168;
  return 24;
}

// carepath names are 1-64 of A-Z a-z 0-9 _ . - and never "exit" or "system"; PathSimR's are any
// text R reads as a row name.
std::string carepath_name(const std::string& name) {
  std::string result;
  for (const char c : name.substr(0, 64)) {
    const bool allowed = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
    result += allowed ? c : '_';
  }
  if (result.empty()) result = "node";
  if (result == "exit" || result == "system") result += "_node";
  return result;
}

// PathSimR gives each node one place count for patients from outside and one for patients from
// other nodes; a carepath service has one queue for both. Returns the places, or nullopt for
// unlimited.
std::optional<double> queue_places(const PathsimrNode& node, bool from_outside, bool from_nodes, const std::string& file,
                                   std::vector<ImportProblem>& warnings) {
  double places = node.ext_queue;
  if (from_nodes && !from_outside) places = node.int_queue;
  if (from_nodes && from_outside && node.ext_queue != node.int_queue) {
    places = std::max(node.ext_queue, node.int_queue);
    warnings.push_back({file, node.line, 1,
                        "'" + node.name + "' has ext_queue " + format_shortest(node.ext_queue) + " and int_queue " +
                            format_shortest(node.int_queue) +
                            "; a carepath service has one queue for patients from outside and from other services: "
                            "queue_limit is the larger, " + format_shortest(places)});
  }
  if (std::isinf(places)) return std::nullopt;
  return places;
}

// Problems are found a rule at a time; a reader wants them file by file, top to bottom.
std::vector<ImportProblem> in_file_order(std::vector<ImportProblem> problems) {
  std::vector<std::string> files;
  for (const ImportProblem& problem : problems) {
    if (std::find(files.begin(), files.end(), problem.file) == files.end()) files.push_back(problem.file);
  }
  const auto file_index = [&](const ImportProblem& p) { return std::find(files.begin(), files.end(), p.file) - files.begin(); };
  std::stable_sort(problems.begin(), problems.end(), [&](const ImportProblem& a, const ImportProblem& b) {
    return std::tuple(file_index(a), a.line, a.column) < std::tuple(file_index(b), b.line, b.column);
  });
  return problems;
}

class Mapper {
 public:
  /// `warnings`: those found before mapping, which the notes repeat with the mapping's own.
  Mapper(const PathsimrNetwork& network, const PathsimrCalendar& calendar, const std::string& network_file,
         const std::string& calendar_file, const PathsimrImportOptions& options, std::vector<ImportProblem> warnings)
      : network_(network), calendar_(calendar), network_file_(network_file), calendar_file_(calendar_file),
        options_(options), warnings_(std::move(warnings)) {}

  Json scenario(const std::string& name) {
    name_nodes();
    Json arrivals = Json::array();
    Json services = Json::array();
    std::vector<bool> reached(network_.nodes.size(), false);
    bool any_delay = false;
    bool any_normal = false;
    for (const PathsimrNode& node : network_.nodes) {
      for (const PathsimrRoute& route : node.routes) {
        reached[route.to] = true;
        any_delay = any_delay || route.delay.has_value();
      }
      any_normal = any_normal || (!node.exit && node.service.function == "norm");
    }
    for (std::size_t i = 0; i < network_.nodes.size(); ++i) {
      const PathsimrNode& node = network_.nodes[i];
      if (node.exit) continue;
      bool from_outside = false;
      if (const auto cycle = calendar_.arrivals.find(node.name); cycle != calendar_.arrivals.end()) {
        if (std::optional<Json> timing = pathsimr_arrival_json(cycle->second, options_.time_unit, context(node.name))) {
          Json source{{"name", names_[i] + "_arrivals"}, {"to", names_[i]}};
          source.update(*timing);
          arrivals.push_back(source);
          from_outside = true;
        }
      }
      services.push_back(service(i, from_outside, reached[i]));
    }
    if (arrivals.empty()) {
      problems_.push_back({calendar_file_, 0, 0, "no node has ext_arr above 0: no patient would ever arrive"});
    }
    std::vector<std::string> exits;
    for (std::size_t i = 0; i < network_.nodes.size(); ++i) {
      if (!network_.nodes[i].exit || !reached[i]) continue;
      exits.push_back(names_[i]);
      services.push_back({{"name", names_[i]},
                          {"capacity", "unlimited"},
                          {"service_time", {{"distribution", "deterministic"}, {"value", "0d"}}},
                          {"notes", "PathSimR exit node: patients leave the system here"}});
    }

    Json document;
    document["name"] = name;
    document["description"] = "Imported from the PathSimR templates " + network_file_ + " and " + calendar_file_;
    document["notes"] = notes(exits, any_delay, any_normal);
    // 1 January 2024 is a Monday: PathSimR's cycles start at time 0, carepath's weekly rosters and
    // hour-of-week shapes on Monday 00:00.
    document["start_date"] = "2024-01-01";
    document["run"] = {{"horizon", "365d"}, {"warm_up", "28d"}};
    document["arrivals"] = arrivals;
    document["services"] = services;
    return document;
  }

  [[nodiscard]] const std::vector<ImportProblem>& warnings() const { return warnings_; }
  [[nodiscard]] const std::vector<ImportProblem>& problems() const { return problems_; }

 private:
  CycleContext context(const std::string& node) {
    return {calendar_file_, node, hours_per_unit(options_.time_unit), warnings_, problems_};
  }

  void name_nodes() {
    std::set<std::string> taken;
    for (const PathsimrNode& node : network_.nodes) {
      std::string name = carepath_name(node.name);
      for (int k = 2; taken.contains(name); ++k) name = carepath_name(node.name) + "_" + std::to_string(k);
      if (name != node.name) {
        warnings_.push_back({network_file_, node.line, 1,
                             "node '" + node.name + "' is named '" + name +
                                 "': carepath names are letters, digits, _ . and -, unique, and not exit or system"});
      }
      taken.insert(name);
      names_.push_back(name);
    }
  }

  Json service(std::size_t i, bool from_outside, bool from_nodes) {
    const PathsimrNode& node = network_.nodes[i];
    Json entry{{"name", names_[i]}};
    const auto cycle = calendar_.capacity.find(node.name);
    entry["capacity"] = cycle == calendar_.capacity.end() ? Json(nullptr)
                                                          : pathsimr_capacity_json(cycle->second, context(node.name));
    entry["service_time"] = pathsimr_distribution_json(node.service, options_.time_unit);
    const std::optional<double> places = queue_places(node, from_outside, from_nodes, network_file_, warnings_);
    entry["queue_limit"] = places ? Json(static_cast<std::int64_t>(*places)) : Json("unlimited");
    Json next = Json::array();
    for (const PathsimrRoute& route : node.routes) {
      Json step{{"to", names_[route.to]}, {"probability", route.probability}};
      if (route.delay) step["transfer_delay"] = pathsimr_distribution_json(*route.delay, options_.time_unit);
      next.push_back(step);
    }
    entry["next"] = next;
    return entry;
  }

  Json notes(const std::vector<std::string>& exits, bool any_delay, bool any_normal) const {
    Json notes = Json::array();
    notes.push_back("Imported by carepath import-pathsimr from " + network_file_ + " and " + calendar_file_ +
                    "; PathSimR's times read as " + options_.time_unit + ".");
    notes.push_back("PathSimR sets the run length, warm-up and replications in its app, not in its templates: "
                    "run.horizon and run.warm_up here are carepath's choice; set them to the model's.");
    notes.push_back("Calendar cycles start at time 0, the run's start (Monday 00:00); a warm-up therefore does not "
                    "shift them as PathSimR's does, unless it is a whole number of cycles.");
    if (!exits.empty()) {
      std::string list;
      for (const std::string& exit : exits) list += (list.empty() ? "" : ", ") + exit;
      notes.push_back("PathSimR's exit nodes (" + list + ") are services of unlimited capacity and no time, so that "
                      "each counts the patients leaving through it.");
    }
    if (any_delay) {
      notes.push_back("Transfer delays keep the bed being left (keeps_bed). PathSimR starts a delay only once the next "
                      "node has room and holds the next bed too during it; carepath starts it when service ends and the "
                      "patient then joins the next service's line, blocked in the bed if it is full: no equivalent of "
                      "holding both beds at once.");
    }
    if (any_normal) {
      notes.push_back("Normal service times are truncated at zero by carepath (R's rnorm can draw negative times).");
    }
    notes.push_back("PathSimR serves a node's internal queue, external queue and blocked patients in order of arrival; "
                    "carepath serves its one queue first come, first served, then patients blocked upstream.");
    for (const ImportProblem& warning : in_file_order(warnings_)) notes.push_back(format_import_problem(warning));
    return notes;
  }

  const PathsimrNetwork& network_;
  const PathsimrCalendar& calendar_;
  const std::string& network_file_;
  const std::string& calendar_file_;
  const PathsimrImportOptions& options_;
  std::vector<ImportProblem> warnings_;
  std::vector<ImportProblem> problems_;
  std::vector<std::string> names_;  ///< carepath's name of each node, in network order.
};

}  // namespace

PathsimrImportError::PathsimrImportError(const std::vector<ImportProblem>& problems)
    : std::runtime_error(join_problems(in_file_order(problems))), problems_(in_file_order(problems)) {}

const std::vector<std::string>& pathsimr_time_units() {
  static const std::vector<std::string> units{"min", "h", "d", "w"};
  return units;
}

PathsimrImport import_pathsimr_text(std::string_view network_text, const std::string& network_file,
                                    std::string_view calendar_text, const std::string& calendar_file,
                                    const PathsimrImportOptions& options) {
  std::vector<ImportProblem> problems;
  const PathsimrNetwork network = read_pathsimr_network(network_text, network_file, problems);
  // The calendar needs only the nodes' names and which are exits, so its problems are found
  // alongside the network's, unless a node could not be read at all: then its names would mislead.
  PathsimrCalendar calendar;
  if (!network.nodes.empty()) calendar = read_pathsimr_calendar(calendar_text, calendar_file, network, network_file, problems);
  if (!problems.empty()) throw PathsimrImportError(problems);

  std::vector<ImportProblem> warnings = network.warnings;
  if (!options.time_unit_given) {
    warnings.push_back({network_file, 0, 0,
                        "PathSimR's times have no unit; read as days (--time-unit min, h, d or w to say which)"});
  }
  Mapper mapper(network, calendar, network_file, calendar_file, options, std::move(warnings));
  const Json document = mapper.scenario(carepath_name(std::filesystem::path(network_file).stem().string()));
  if (!mapper.problems().empty()) throw PathsimrImportError(mapper.problems());
  return {document.dump(2) + "\n", in_file_order(mapper.warnings())};
}

PathsimrImport import_pathsimr(const std::filesystem::path& network, const std::filesystem::path& calendar,
                               const PathsimrImportOptions& options) {
  return import_pathsimr_text(read_text_file(network), network.string(), read_text_file(calendar), calendar.string(),
                              options);
}

}  // namespace carepath::io
