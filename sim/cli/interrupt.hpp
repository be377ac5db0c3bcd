// SPDX-License-Identifier: MIT
// Ctrl-C and SIGTERM for `carepath run`. The handler only sets an atomic flag, the one thing a
// signal handler may safely do; the batch (run::BatchOptions::stop) looks at it between
// replications and every few thousand events, and throws run::Interrupted, which main.cpp turns
// into "interrupted: no results written" and exit status 130 (128 + SIGINT, as shells report).
// The results writer looks at the same flag before each file and before its final rename
// (io/atomic_dir.hpp), so a Ctrl-C after the replications still writes nothing. The handler is
// one-shot: a second Ctrl-C ends the program at once; the results folder is then untouched, and
// the staging folder left behind is removed by the next run (io/leftover_folders.hpp). The
// library itself never touches signals, so a program embedding it keeps control of its own.
#pragma once

#include <atomic>

namespace carepath::cli {

/// Installs the handler for SIGINT and SIGTERM (idempotent) and returns the flag it sets.
[[nodiscard]] const std::atomic<bool>& install_interrupt_handler();

}  // namespace carepath::cli
