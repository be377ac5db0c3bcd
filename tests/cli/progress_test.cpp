// SPDX-License-Identifier: MIT
// The progress line of `carepath run` (sim/cli/progress.cpp): the bar's arithmetic (floor of
// done x width / total filled, the last filled cell an arrow until the end), the time left, and
// when the reporter writes: redrawn in place on a terminal, a line per tenth otherwise.
#include "cli/progress.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace carepath::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ProgressLine, DrawsTheBarAndTheTimeLeft) {
  EXPECT_EQ(progress_line(412, 1000, 3.14, 2.0, 10), "[===>      ] 412/1000 replications, 3.1 s left");
  EXPECT_EQ(progress_line(500, 1000, 3, 3, 10), "[====>     ] 500/1000 replications, 3.0 s left");
  EXPECT_EQ(progress_line(0, 1000, -1, 0, 10), "[          ] 0/1000 replications");
  EXPECT_EQ(progress_line(99, 1000, 12, 1, 10), "[          ] 99/1000 replications, 12.0 s left");
  EXPECT_EQ(progress_line(1000, 1000, 0, 7.25, 10), "[==========] 1000/1000 replications, 7.2 s");
  EXPECT_EQ(progress_line(1, 3, 0.5, 0.25, 6), "[=>    ] 1/3 replications, 0.5 s left");
  EXPECT_EQ(progress_line(3, 3, 0, 0.25, 30).size(), std::string("[] 3/3 replications, 0.2 s").size() + 30);
}

TEST(ProgressLine, FormatsLongTimes) {
  EXPECT_EQ(format_seconds(0), "0.0 s");
  EXPECT_EQ(format_seconds(59.9), "59.9 s");
  EXPECT_EQ(format_seconds(60), "1 min 00 s");
  EXPECT_EQ(format_seconds(245), "4 min 05 s");
  EXPECT_EQ(format_seconds(7620), "2 h 07 min");
  EXPECT_EQ(format_seconds(-3), "0.0 s");
}

TEST(ProgressReporter, WritesOneLinePerTenthWhenNotATerminal) {
  std::ostringstream err;
  ProgressReporter reporter(err, false);
  for (std::uint32_t done = 1; done <= 40; ++done) reporter.update(done, 40);
  const std::string text = err.str();
  std::size_t lines = 0;
  for (const char c : text) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 10u);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_THAT(text, StartsWith("[==>                           ] 4/40 replications, "));
  EXPECT_THAT(text, HasSubstr("] 40/40 replications, "));
}

TEST(ProgressReporter, RedrawsInPlaceOnATerminal) {
  std::ostringstream err;
  ProgressReporter reporter(err, true);
  reporter.update(1, 2);
  reporter.update(2, 2);
  const std::string text = err.str();
  EXPECT_THAT(text, StartsWith("\r[==============>               ] 1/2 replications"));
  EXPECT_THAT(text, HasSubstr("\r[==============================] 2/2 replications"));
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace carepath::cli
