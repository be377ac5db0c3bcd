// SPDX-License-Identifier: MIT
// The `carepath` program: parse the command line (options.hpp), run one command (commands.hpp)
// and map what went wrong to the CLI contract's exit status: 2 for bad input or usage, with
// every diagnostic on stderr, and for what the user's machine refused (an --out that cannot be
// written or replaced, a full disk, memory running out); 130 after Ctrl-C or SIGTERM
// (interrupt.hpp), and 1 for anything that is carepath's own fault. Started by mpirun (launch.hpp),
// every rank runs it; rank 0 speaks, the others keep what they would say for when they fail.
#include <carepath/error.hpp>
#include <carepath/io/folder_marker.hpp>
#include <carepath/io/sweep_options.hpp>
#include <carepath/run/batch.hpp>

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/launch.hpp"
#include "cli/options.hpp"
#include "cli/output_folder.hpp"

#include <exception>
#include <iostream>
#include <memory>
#include <new>
#include <sstream>
#include <streambuf>
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

// The commands whose replications are shared among the ranks of a launch; any other runs on rank 0 alone.
bool shares_replications(Command command) {
  return command == Command::Run || command == Command::Sweep || command == Command::Optimise;
}

int run_program(const std::vector<std::string>& args, const carepath::run::Ranks* ranks, std::ostream& err) {
  try {
    Options options = parse_options(args);
    if (ranks != nullptr) {
      if (shares_replications(options.command)) {
        options.ranks = ranks;
      } else if (ranks->rank() != 0) {
        return kSuccess;
      }
    }
    const int status = dispatch(options);
    // A full disk or closed pipe on stdout must not pass for success.
    if (!std::cout.flush()) {
      err << "carepath: cannot write to standard output\n";
      return kInternalError;
    }
    return status;
  } catch (const carepath::run::Interrupted&) {
    // Thrown before the results folder is in place; its staging folder is removed by AtomicDir.
    err << "interrupted: no results written\n";
    return kInterrupted;
  } catch (const carepath::run::RankFailed& e) {
    // Another rank of the launch ended instead of taking part: rank 0 ended, which has said why
    // (the others end with its status), or another rank failed, which rank 0 reports.
    if (e.rank() == 0) return e.status();
    const std::string said = e.what();
    err << "carepath: rank " << e.rank() << " failed: " << said << (said.ends_with('\n') ? "" : "\n");
    return kInternalError;
  } catch (const UsageError& e) {
    const std::string command = e.help_command().empty() ? "" : e.help_command() + " ";
    err << "carepath: " << e.what() << "\nsee carepath " << command << "--help\n";
    return kBadInput;
  } catch (const carepath::io::SweepOptionError& e) {
    // --set, --points, --goal and --cost: `carepath sweep --help` explains them, for optimise too.
    std::cerr << "carepath: " << e.what() << "\nsee carepath sweep --help\n";
    return kBadInput;
  } catch (const carepath::ScenarioError& e) {
    err << e.what() << '\n';
    return kBadInput;
  } catch (const carepath::io::ReplaceRefused& e) {
    err << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const WriteFailed& e) {
    err << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const OutOfMemory& e) {
    err << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::bad_alloc&) {
    err << "carepath: out of memory\n";
    return kBadInput;
  } catch (const std::system_error& e) {
    // Disk full, permission denied: the message names the path and the system's reason. Not a bug,
    // so no "internal"; like bad input, the user's to change (another --out, some free space).
    err << "carepath: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::exception& e) {
    err << "carepath: internal error: " << e.what() << '\n';
    return kInternalError;
  }
}

// Where a rank other than 0 sends its stdout and stderr: nowhere.
class Discard : public std::streambuf {
 protected:
  int overflow(int c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// Silences std::cout and std::cerr for its lifetime.
class Silenced {
 public:
  Silenced() : out_(std::cout.rdbuf(&discard_)), err_(std::cerr.rdbuf(&discard_)) {}
  ~Silenced() {
    std::cout.rdbuf(out_);
    std::cerr.rdbuf(err_);
  }
  Silenced(const Silenced&) = delete;
  Silenced& operator=(const Silenced&) = delete;

 private:
  Discard discard_;
  std::streambuf* out_;
  std::streambuf* err_;
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::unique_ptr<LaunchRanks> ranks;
    try {
      ranks = join_launch();
    } catch (const std::runtime_error& e) {
      std::cerr << "carepath: " << e.what() << '\n';
      return kBadInput;
    }
    if (!ranks) return run_program(args, nullptr, std::cerr);
    if (ranks->rank() == 0) return ranks->finish(run_program(args, ranks.get(), std::cerr), "", std::cerr);
    std::ostringstream said;
    int status = kSuccess;
    {
      const Silenced silenced;
      status = run_program(args, ranks.get(), said);
    }
    return ranks->finish(status, said.str(), said);
  } catch (...) {
    // Nothing can be said reliably here (the error may be in writing to stderr itself).
    return kInternalError;
  }
}
