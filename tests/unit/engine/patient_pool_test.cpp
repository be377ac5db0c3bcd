// SPDX-License-Identifier: MIT
#include "engine/patient_pool.hpp"

#include <gtest/gtest.h>

namespace carepath::engine {
namespace {

TEST(PatientPool, ReusesReleasedSlots) {
  PatientPool pool;
  const PatientId a = pool.acquire();
  const PatientId b = pool.acquire();
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.in_use(), 2U);
  pool.release(a);
  EXPECT_EQ(pool.in_use(), 1U);
  EXPECT_EQ(pool.acquire(), a);
  EXPECT_EQ(pool.in_use(), 2U);
}

TEST(PatientPool, SlotsHoldTheirPatient) {
  PatientPool pool;
  const PatientId a = pool.acquire();
  pool[a].system_arrival = 3.0;
  pool[a].service = 7;
  for (int i = 0; i < 100; ++i) static_cast<void>(pool.acquire());  // growth must not lose a's data
  EXPECT_EQ(pool[a].system_arrival, 3.0);
  EXPECT_EQ(pool[a].service, 7U);
}

}  // namespace
}  // namespace carepath::engine
