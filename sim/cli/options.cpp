// SPDX-License-Identifier: MIT
#include "cli/options.hpp"

#include <carepath/io/calendar_text.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/model/suggest.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace carepath::cli {

namespace {

struct CommandEntry {
  Command command;
  std::string_view name;
};

constexpr std::array<CommandEntry, 9> kCommands{{
    {Command::Run, "run"},
    {Command::Rerun, "rerun"},
    {Command::Warmup, "warmup"},
    {Command::Sweep, "sweep"},
    {Command::Optimise, "optimise"},
    {Command::Calibrate, "calibrate"},
    {Command::Validate, "validate"},
    {Command::Graph, "graph"},
    {Command::ImportPathsimr, "import-pathsimr"},
}};

struct OptionEntry {
  std::string_view name;
  bool takes_value;
  bool repeatable = false;
};

// Which options each command accepts; anything else is a usage error.
std::vector<OptionEntry> options_of(Command command) {
  switch (command) {
    case Command::Run:
      return {{"--out", true},      {"--replications", true}, {"--seed", true},
              {"--threads", true},  {"--quiet", false},       {"--variant", true, true},
              {"--no-variants", false}, {"--strict", false}, {"--trajectories", true},
              {"--precision", true}, {"--max-replications", true}, {"--window", true},
              {"--replication-trajectories", false}};
    case Command::Rerun:
      return {{"--out", true}, {"--check", false}, {"--scenario", true}, {"--quiet", false}};
    case Command::Warmup:
      return {{"--out", true},     {"--replications", true}, {"--seed", true}, {"--threads", true},
              {"--window", true},  {"--quiet", false}};
    case Command::Sweep:
      return {{"--set", true, true}, {"--points", true}, {"--cost", true, true}, {"--goal", true, true},
              {"--share", true},   {"--confidence", true}, {"--out", true},
              {"--replications", true}, {"--seed", true},   {"--threads", true}, {"--quiet", false},
              {"--strict", false}};
    case Command::Optimise:
      return {{"--set", true, true}, {"--cost", true, true}, {"--budget", true}, {"--goal", true, true},
              {"--confidence", true}, {"--tolerance", true}, {"--out", true}, {"--replications", true},
              {"--max-replications", true}, {"--seed", true}, {"--threads", true}, {"--quiet", false},
              {"--strict", false}};
    case Command::Calibrate:
      return {{"--out", true},     {"--replications", true}, {"--seed", true},
              {"--threads", true}, {"--quiet", false},       {"--strict", false}};
    case Command::Graph:
      return {{"--out", true, false}, {"--strict", false}};
    case Command::Validate:
      return {{"--strict", false}};
    case Command::ImportPathsimr:
      return {{"--out", true}, {"--force", false}, {"--time-unit", true}, {"--strict", false}};
    case Command::Help:
    case Command::Version:
      break;
  }
  return {};
}

bool is_help_flag(std::string_view arg) { return arg == "--help" || arg == "-h"; }

std::optional<Command> find_command(std::string_view name) {
  const auto* entry = std::find_if(kCommands.begin(), kCommands.end(),
                                   [&](const CommandEntry& e) { return e.name == name; });
  if (entry == kCommands.end()) return std::nullopt;
  return entry->command;
}

[[noreturn]] void throw_unknown_command(std::string_view name) {
  std::vector<std::string> known;
  for (const CommandEntry& e : kCommands) known.emplace_back(e.name);
  known.emplace_back("help");
  throw UsageError(model::unknown_name_message("command", name, known), "");
}

// Digits only: from_chars alone would accept "12abc" as 12 and the caller would never know.
template <class T>
std::optional<T> parse_integer(std::string_view text, T min, T max) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

template <class T>
T integer_option(std::string_view option, std::string_view text, T min, T max,
                 std::string_view expected, std::string_view command) {
  const std::optional<T> value = parse_integer(text, min, max);
  if (!value) {
    throw UsageError(std::string(option) + ": expected " + std::string(expected) + ", got '" +
                         std::string(text) + "'",
                     std::string(command));
  }
  return *value;
}

// A share of replications: a plain decimal number in (0, 1]. Digits and one point only, so that
// "0.9x", "nan" or "1e-1" are refused as typos rather than read in some surprising way.
double share_option(std::string_view text, std::string_view command, const std::string& option,
                    const std::string& example) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.';
  }) && std::count(text.begin(), text.end(), '.') <= 1 && text != ".";
  double value = 0;
  if (plain) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) value = 0;
  }
  if (!(value > 0 && value <= 1)) {
    throw UsageError(option + ": expected a number above 0 and at most 1, such as " + example + ", got '" +
                         std::string(text) + "'",
                     std::string(command));
  }
  return value;
}

// FROM:TO, two ISO dates: the colon cannot be part of a date, so the first one splits them.
model::DateWindow date_window_option(std::string_view text, std::string_view command) {
  const std::size_t colon = text.find(':');
  const io::ParsedDate from = io::parse_iso_date(text.substr(0, colon));
  const io::ParsedDate to = io::parse_iso_date(colon == std::string_view::npos ? "" : text.substr(colon + 1));
  if (!from.date || !to.date) {
    const io::ParsedDate& bad = from.date ? to : from;
    std::string message = "--window: expected FROM:TO, two dates such as 2025-12-01:2026-03-31, got '" +
                          std::string(text) + "'";
    if (!bad.reason.empty()) message += " (" + bad.reason + ")";
    throw UsageError(message, std::string(command));
  }
  if (*to.date < *from.date) {
    throw UsageError("--window: " + model::format_window({*from.date, *to.date}) + " ends before it starts",
                     std::string(command));
  }
  return {*from.date, *to.date};
}

// The replication limit is the scenario format's (run.replications), so both reject alike.
constexpr std::uint32_t kMaxReplications = 1'000'000;

void apply_option(Options& options, std::string_view name, std::string_view value,
                  std::string_view command) {
  if (name == "--out") {
    if (value.empty()) throw UsageError("--out: expected a path, got ''", std::string(command));
    options.out = std::filesystem::path(value);
  } else if (name == "--replications") {
    options.replications = integer_option<std::uint32_t>(
        name, value, 1, kMaxReplications, "an integer from 1 to 1000000", command);
  } else if (name == "--seed") {
    options.seed = integer_option<std::uint64_t>(name, value, 0,
                                                 std::numeric_limits<std::uint64_t>::max(),
                                                 "a non-negative integer below 2^64", command);
  } else if (name == "--threads") {
    options.threads = integer_option<unsigned>(name, value, 1, std::numeric_limits<unsigned>::max(),
                                               "a positive integer", command);
  } else if (name == "--trajectories") {
    options.trajectories = model::parse_trajectory_period(value);
    if (!options.trajectories) {
      throw UsageError("--trajectories: expected day, week, month or off, got '" + std::string(value) + "'",
                       std::string(command));
    }
  } else if (name == "--quiet") {
    options.quiet = true;
  } else if (name == "--variant") {
    if (value.empty()) throw UsageError("--variant: expected a variant name, got ''", std::string(command));
    options.variants.emplace_back(value);
  } else if (name == "--replication-trajectories") {
    options.replication_trajectories = true;
  } else if (name == "--no-variants") {
    options.no_variants = true;
  } else if (name == "--strict") {
    options.strict = true;
  } else if (name == "--set") {
    options.sets.emplace_back(value);
  } else if (name == "--points") {
    options.points = std::filesystem::path(std::string(value));
  } else if (name == "--cost") {
    options.costs.emplace_back(value);
  } else if (name == "--confidence") {
    options.confidence = share_option(value, command, "--confidence", "0.95");
    if (*options.confidence == 1) {
      throw UsageError("--confidence: expected a number above 0 and below 1, such as 0.95, got '" + std::string(value) +
                           "'",
                       std::string(command));
    }
  } else if (name == "--goal") {
    options.goals.emplace_back(value);
  } else if (name == "--share") {
    options.share = share_option(value, command, "--share", "0.9");
  } else if (name == "--precision") {
    options.precision = io::parse_precision(std::string(value));
    if (!options.precision) {
      throw UsageError("--precision: expected a share of the mean above 0% and below 100%, such as 5%, or a positive "
                       "absolute half-width, such as 0.5, got '" + std::string(value) + "'",
                       std::string(command));
    }
  } else if (name == "--max-replications") {
    options.max_replications = integer_option<std::uint32_t>(
        name, value, 1, kMaxReplications, "an integer from 1 to 1000000", command);
  } else if (name == "--check") {
    options.check = true;
  } else if (name == "--scenario") {
    if (value.empty()) throw UsageError("--scenario: expected a path, got ''", std::string(command));
    options.original = std::filesystem::path(value);
    options.check = true;
  } else if (name == "--force") {
    options.force = true;
  } else if (name == "--time-unit") {
    options.time_unit = std::string(value);
  } else if (name == "--budget") {
    double budget = -1;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), budget);
    if (value.empty() || error != std::errc{} || end != value.data() + value.size() || !(budget >= 0) ||
        !std::isfinite(budget)) {
      throw UsageError("--budget: expected the most a plan may cost, a number from 0, got '" + std::string(value) + "'",
                       std::string(command));
    }
    options.budget = budget;
  } else if (name == "--tolerance") {
    options.tolerance = share_option(value, command, "--tolerance", "0.05");
  } else if (name == "--window" && command == "warmup") {
    options.window = integer_option<unsigned>(name, value, 1, 10'000, "an integer from 1 to 10000", command);
  } else if (name == "--window") {
    options.dates = date_window_option(value, command);
  }
}

// Everything after the command word.
void parse_command_arguments(Options& options, const std::vector<std::string>& args) {
  const std::string command(command_name(options.command));
  const std::vector<OptionEntry> accepted = options_of(options.command);
  std::vector<std::string> seen;
  bool have_scenario = false;
  bool options_ended = false;

  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool is_option = !options_ended && arg.size() > 1 && arg.front() == '-';
    if (!is_option) {
      if (have_scenario && options.command == Command::ImportPathsimr && options.calendar.empty()) {
        options.calendar = arg;
        continue;
      }
      if (have_scenario) {
        throw UsageError("expected one scenario file, got a second: '" + arg + "'", command);
      }
      options.scenario = arg;
      have_scenario = true;
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }

    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    const auto entry = std::find_if(accepted.begin(), accepted.end(),
                                    [&](const OptionEntry& e) { return e.name == name; });
    if (entry == accepted.end()) {
      std::vector<std::string> known;
      for (const OptionEntry& e : accepted) known.emplace_back(e.name);
      known.emplace_back("--help");
      throw UsageError(model::unknown_name_message("option", name, known), command);
    }
    if (!entry->repeatable && std::find(seen.begin(), seen.end(), name) != seen.end()) {
      throw UsageError(name + " given twice", command);
    }
    seen.push_back(name);

    std::string value;
    if (equals != std::string::npos) {
      if (!entry->takes_value) throw UsageError(name + " takes no value", command);
      value = arg.substr(equals + 1);
    } else if (entry->takes_value) {
      if (i + 1 == args.size()) throw UsageError(name + ": expected a value", command);
      value = args[++i];
    }
    apply_option(options, name, value, command);
  }
  if (options.command == Command::ImportPathsimr && options.calendar.empty()) {
    throw UsageError(have_scenario ? "missing the calendar template (after the network template)"
                                   : "missing the network and calendar templates",
                     command);
  }
  if (!have_scenario) {
    throw UsageError(options.command == Command::Calibrate ? "missing the calibration file"
                     : options.command == Command::Rerun   ? "missing the results folder"
                                                           : "missing the scenario file",
                     command);
  }

  if (options.no_variants && !options.variants.empty()) {
    throw UsageError("--variant and --no-variants contradict each other", command);
  }
  if (options.command == Command::Sweep && options.sets.empty() && !options.points) {
    throw UsageError("missing --set PATH=FROM:TO:STEP, such as --set services.clinic.capacity=2:6:1", command);
  }
  if (!options.sets.empty() && options.points) {
    throw UsageError("--set and --points contradict each other: give the values one way", command);
  }
  if (options.command == Command::Optimise && options.sets.empty()) {
    throw UsageError("missing --set PATH=LOW:HIGH:STEP, such as --set services.clinic.capacity=2:6:1", command);
  }
  if (options.command == Command::Optimise && options.goals.empty()) {
    throw UsageError("missing --goal: optimise finds the cheapest plan meeting every goal", command);
  }
  if (options.share && options.goals.empty()) throw UsageError("--share needs at least one --goal", command);
  if (options.confidence && options.goals.empty()) throw UsageError("--confidence needs at least one --goal", command);
  if (options.share && options.confidence) {
    throw UsageError("--share and --confidence are two rules for meeting the goals: give one", command);
  }
}

}  // namespace

std::string_view command_name(Command command) {
  switch (command) {
    case Command::Run: return "run";
    case Command::Rerun: return "rerun";
    case Command::Warmup: return "warmup";
    case Command::Sweep: return "sweep";
    case Command::Optimise: return "optimise";
    case Command::Calibrate: return "calibrate";
    case Command::Validate: return "validate";
    case Command::Graph: return "graph";
    case Command::ImportPathsimr: return "import-pathsimr";
    case Command::Help: return "help";
    case Command::Version: return "--version";
  }
  return "";
}

Options parse_options(const std::vector<std::string>& args) {
  Options options;
  if (args.empty()) throw UsageError("no command given", "");

  const std::string& first = args[0];
  if (is_help_flag(first) || first == "help") {
    options.command = Command::Help;
    if (first == "help" && args.size() > 1) {
      options.help_topic = find_command(args[1]);
      if (!options.help_topic) throw_unknown_command(args[1]);
    }
    return options;
  }
  if (first == "--version") {
    options.command = Command::Version;
    return options;
  }
  if (!first.empty() && first.front() == '-') throw UsageError("unknown option '" + first + "'", "");

  const std::optional<Command> command = find_command(first);
  if (!command) throw_unknown_command(first);
  options.command = *command;

  // `carepath run --help` explains run whatever else is on the line, even if it is wrong.
  if (std::any_of(args.begin() + 1, args.end(), [](const std::string& a) { return is_help_flag(a); })) {
    options.help_topic = options.command;
    options.command = Command::Help;
    return options;
  }
  parse_command_arguments(options, args);
  options.command_line.emplace_back("carepath");
  options.command_line.insert(options.command_line.end(), args.begin(), args.end());
  return options;
}

}  // namespace carepath::cli
