// SPDX-License-Identifier: MIT
// `carepath run` on each input class the black-box test of issue 9 found crashing, hanging or
// writing NaN: the scenario must be refused before the engine starts (exit 2, its diagnostics,
// no output folder). The cases are the tests/errors files of those classes, which also pin the
// exact messages. A hang (the self-renege loop) would show as this test timing out.
#include "cli_workspace.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using namespace carepath::cli_test;
using ::testing::HasSubstr;

class LimitsCliTest : public CliWorkspace {
 protected:
  LimitsCliTest() : CliWorkspace("limits") {}
};

TEST_F(LimitsCliTest, RunRefusesEveryClassBeforeSimulating) {
  for (const char* name : {"bad_nesting_depth", "bad_number_overflow", "bad_arrival_overflow",
                           "bad_variant_scaled_limits", "bad_sampler_range", "bad_horizon_too_long",
                           "bad_patients_present", "bad_initial_ages", "bad_special_file", "bad_self_renege",
                           "bad_renege_cycle"}) {
    SCOPED_TRACE(name);
    const std::string scenario = std::string(CAREPATH_SOURCE_DIR) + "/tests/errors/" + name + ".json";
    const Outcome o = carepath("run '" + scenario + "' --out out");
    EXPECT_EQ(o.status, 2) << o.err;
    EXPECT_THAT(o.err, HasSubstr(std::string(name) + ".json:"));
    EXPECT_TRUE(entries(work()).empty());
  }
}

}  // namespace
