// SPDX-License-Identifier: MIT
// The progress of `carepath run` on stderr: a bar redrawn in place when stderr is a terminal,
// "[=====>    ] 412/1000 replications, 3.1 s left", or the same line once per tenth of the
// replications when it is a file or a pipe (a log should not fill with carriage returns).
// run::BatchOptions::progress calls the reporter one call at a time (commands.cpp wires it).
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace carepath::cli {

/// "3.1 s", "4 min 05 s", "2 h 07 min": how long, to a reader, in at most two units.
[[nodiscard]] std::string format_seconds(double seconds);

/// One progress line: a bar `width` characters wide between brackets, then "done/total
/// replications" and, while unfinished, ", T left" (`seconds_left` < 0: not yet known), or when
/// finished ", T" with `seconds_elapsed`.
[[nodiscard]] std::string progress_line(std::uint32_t done, std::uint32_t total, double seconds_left,
                                        double seconds_elapsed, std::size_t width = 30);

class ProgressReporter {
 public:
  using Clock = std::chrono::steady_clock;

  /// `terminal`: whether `err` is a terminal, so the bar can be redrawn in place.
  ProgressReporter(std::ostream& err, bool terminal);

  /// Reports that `done` of `total` replications have finished.
  void update(std::uint32_t done, std::uint32_t total);

 private:
  std::ostream& err_;
  bool terminal_;
  Clock::time_point started_;
  Clock::time_point last_drawn_{};
  std::uint32_t last_tenth_ = 0;
};

}  // namespace carepath::cli
