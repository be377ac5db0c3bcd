// SPDX-License-Identifier: MIT
#include "cli/progress.hpp"

#include <charconv>
#include <cmath>
#include <ostream>

namespace carepath::cli {

namespace {

std::string fixed1(double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 1);
  return std::string(text, end);
}

std::string two_digits(long value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string format_seconds(double seconds) {
  if (!(seconds >= 0)) seconds = 0;
  if (seconds < 59.95) return fixed1(seconds) + " s";
  const auto whole = std::lround(seconds);
  if (whole < 3600) return std::to_string(whole / 60) + " min " + two_digits(whole % 60) + " s";
  return std::to_string(whole / 3600) + " h " + two_digits(whole % 3600 / 60) + " min";
}

std::string progress_line(std::uint32_t done, std::uint32_t total, double seconds_left, double seconds_elapsed,
                          std::size_t width) {
  const std::size_t filled = total == 0 ? width : static_cast<std::size_t>(std::uint64_t{done} * width / total);
  std::string line = "[";
  if (filled >= width) {
    line.append(width, '=');
  } else {
    if (filled > 0) line.append(filled - 1, '=').append(1, '>');
    line.append(width - filled, ' ');
  }
  line += "] " + std::to_string(done) + "/" + std::to_string(total) + " replications";
  if (done >= total) return line + ", " + format_seconds(seconds_elapsed);
  if (seconds_left >= 0) line += ", " + format_seconds(seconds_left) + " left";
  return line;
}

ProgressReporter::ProgressReporter(std::ostream& err, bool terminal)
    : err_(err), terminal_(terminal), started_(Clock::now()) {}

void ProgressReporter::update(std::uint32_t done, std::uint32_t total) {
  const Clock::time_point now = Clock::now();
  const bool finished = done >= total;
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  // Replications take about the same time, so the rest should take as long again per replication.
  const double left = done > 0 ? elapsed / done * (total - done) : -1;
  if (terminal_) {
    // At most ten redraws a second: a terminal slows down a fast batch more than it informs.
    if (!finished && now - last_drawn_ < std::chrono::milliseconds(100)) return;
    last_drawn_ = now;
    err_ << '\r' << progress_line(done, total, left, elapsed) << "\x1b[K" << (finished ? "\n" : "") << std::flush;
    return;
  }
  const auto tenth = total == 0 ? 10U : static_cast<std::uint32_t>(std::uint64_t{done} * 10 / total);
  if (tenth <= last_tenth_) return;
  last_tenth_ = tenth;
  err_ << progress_line(done, total, left, elapsed) << '\n' << std::flush;
}

}  // namespace carepath::cli
