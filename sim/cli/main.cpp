// SPDX-License-Identifier: MIT
// The `carepath` program: parse the command line (options.hpp), run one command (commands.hpp)
// and map what went wrong to the CLI contract's exit status: 2 for bad input or usage, with
// every diagnostic on stderr, and for what the user's machine refused (an --out that cannot be
// written or replaced, a full disk, memory running out); 130 after Ctrl-C or SIGTERM
// (interrupt.hpp), and 1 for anything that is carepath's own fault.
#include <carepath/error.hpp>
#include <carepath/io/folder_marker.hpp>
#include <carepath/io/sweep_options.hpp>
#include <carepath/run/batch.hpp>

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/options.hpp"
#include "cli/output_folder.hpp"

#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <system_error>
#include <vector>

namespace {

using namespace carepath::cli;

int dispatch(const Options& options) {
  switch (options.command) {
    case Command::Run: return run_command(options, std::cout, std::cerr);
    case Command::Rerun: return rerun_command(options, std::cout, std::cerr);
    case Command::Warmup: return warmup_command(options, std::cout, std::cerr);
    case Command::Sweep: return sweep_command(options, std::cout, std::cerr);
    case Command::Optimise: return optimise_command(options, std::cout, std::cerr);
    case Command::Calibrate: return calibrate_command(options, std::cout, std::cerr);
    case Command::Validate: return validate_command(options, std::cout, std::cerr);
    case Command::Graph: return graph_command(options, std::cout, std::cerr);
    case Command::ImportPathsimr: return import_pathsimr_command(options, std::cout, std::cerr);
    case Command::Help: std::cout << help_text(options.help_topic); return kSuccess;
    case Command::Version: std::cout << version_text() << '\n'; return kSuccess;
  }
  return kInternalError;
}

int run_program(const std::vector<std::string>& args) {
  try {
    const int status = dispatch(parse_options(args));
    // A full disk or closed pipe on stdout must not pass for success.
    if (!std::cout.flush()) {
      std::cerr << "carepath: cannot write to standard output\n";
      return kInternalError;
    }
    return status;
  } catch (const carepath::run::Interrupted&) {
    // Thrown before the results folder is in place; its staging folder is removed by AtomicDir.
    std::cerr << "interrupted: no results written\n";
    return kInterrupted;
  } catch (const UsageError& e) {
    const std::string command = e.help_command().empty() ? "" : e.help_command() + " ";
    std::cerr << "carepath: " << e.what() << "\nsee carepath " << command << "--help\n";
    return kBadInput;
  } catch (const carepath::io::SweepOptionError& e) {
    // --set, --points, --goal and --cost: `carepath sweep --help` explains them, for optimise too.
    std::cerr << "carepath: " << e.what() << "\nsee carepath sweep --help\n";
    return kBadInput;
  } catch (const carepath::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return kBadInput;
  } catch (const carepath::io::ReplaceRefused& e) {
    std::cerr << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const WriteFailed& e) {
    std::cerr << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const OutOfMemory& e) {
    std::cerr << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "carepath: out of memory\n";
    return kBadInput;
  } catch (const std::system_error& e) {
    // Disk full, permission denied: the message names the path and the system's reason. Not a bug,
    // so no "internal"; like bad input, the user's to change (another --out, some free space).
    std::cerr << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "carepath: internal error: " << e.what() << '\n';
    return kInternalError;
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_program(std::vector<std::string>(argv + 1, argv + argc));
  } catch (...) {
    // Nothing can be said reliably here (the error may be in writing to stderr itself).
    return kInternalError;
  }
}
