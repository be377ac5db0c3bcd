// SPDX-License-Identifier: MIT
// Summary rows and metrics by name (sim/stats/summary_lookup.cpp): the right estimate whatever the
// table order, and an unknown name says which names exist.
#include <carepath/stats/results.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace carepath::stats {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

Summary two_services() {
  Summary s;
  s.services.resize(2);
  s.services[0].name = "ae";
  s.services[1].name = "acute_beds";
  for (std::size_t i = 0; i < kServiceMetrics.size(); ++i) s.services[1].metrics[i].mean = static_cast<double>(i);
  for (std::size_t i = 0; i < kSystemMetrics.size(); ++i) s.system[i].mean = 100.0 + static_cast<double>(i);
  s.pathways.resize(1);
  s.pathways[0].name = "four_hours";
  s.pathways[0].metrics[8].mean = 0.75;
  return s;
}

TEST(SummaryLookup, FindsAServiceMetricByName) {
  const Summary s = two_services();
  // wait_mean is the 7th column of kServiceMetrics (index 6), reneges the 5th.
  EXPECT_EQ(s.service("acute_beds").metric("wait_mean").mean, 6.0);
  EXPECT_EQ(s.service("acute_beds").metric("reneges").mean, 4.0);
  EXPECT_EQ(s.system_metric("time_in_system_mean").mean, 104.0);
  EXPECT_EQ(s.pathway("four_hours").metric("within_target").mean, 0.75);
}

TEST(SummaryLookup, UnknownNamesListWhatExists) {
  const Summary s = two_services();
  EXPECT_THAT([&] { (void)s.service("acute_bed"); },
              ThrowsMessage<std::out_of_range>(HasSubstr("unknown service 'acute_bed'; did you mean 'acute_beds'?")));
  EXPECT_THAT([&] { (void)s.service("ae").metric("wait_meen"); },
              ThrowsMessage<std::out_of_range>(HasSubstr("did you mean 'wait_mean'?")));
  EXPECT_THAT([&] { (void)s.resource("nurses"); }, ThrowsMessage<std::out_of_range>(HasSubstr("unknown resource 'nurses'")));
}

}  // namespace
}  // namespace carepath::stats
