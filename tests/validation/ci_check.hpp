// SPDX-License-Identifier: MIT
// The one statistical assertion of the validation tests: a theoretical value must lie in a
// Student-t confidence interval built from replication means. Why the tolerance holds:
//  - replications use disjoint random streams (rng_streams.hpp), so their results are iid;
//  - each replication mean averages thousands of patients or a long time window, so by the
//    (Markov-chain) central limit theorem it is close to normal, and the t interval on R of them
//    has its stated coverage; where a per-replication value is a snapshot or an edge effect
//    instead (warm_up_test.cpp, little_law_test.cpp), that test says how it keeps this true;
//  - the warm-up removes the empty-start bias and horizons are long, so the remaining
//    finite-horizon bias is far below the interval's half-width;
//  - seeds are fixed and each test makes a single attempt: a failure is reproducible evidence,
//    never something to retry.
// A test that checks k values states them as one family, and each interval is built at level
// 1 - 0.01/k (Bonferroni), so the test as a whole is a 99% statement however many values it
// checks. The sizes were calibrated by resampling pools of 20 to 60 times each test's
// replications: a correct engine fails a test with probability between 0.3% and 1.2%.
// Read analytic.hpp for the formulas.
#pragma once

#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <boost/math/distributions/students_t.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

namespace carepath::validation {

/// True in the ASan/UBSan build, where tests run far slower and may use fewer replications or a
/// shorter horizon. The interval then comes from the smaller run, so it widens honestly.
inline constexpr bool kUnderSanitizer =
#if defined(__SANITIZE_ADDRESS__)
    true;
#else
    false;
#endif

/// The release-build size, or the smaller one under sanitizers.
template <class T>
[[nodiscard]] constexpr T sized(T release, T sanitized) {
  return kUnderSanitizer ? sanitized : release;
}

/// A two-sided Student-t interval for the mean of iid values.
struct Interval {
  double mean = 0;
  double half_width = 0;
  double confidence = 0;
  std::size_t n = 0;
  [[nodiscard]] double low() const { return mean - half_width; }
  [[nodiscard]] double high() const { return mean + half_width; }
};

[[nodiscard]] inline Interval t_interval(const std::vector<double>& values, double confidence) {
  Interval ci;
  ci.confidence = confidence;
  ci.n = values.size();
  if (ci.n < 2) return ci;
  const auto n = static_cast<double>(ci.n);
  double sum = 0;
  for (const double x : values) sum += x;
  ci.mean = sum / n;
  double squares = 0;
  for (const double x : values) squares += (x - ci.mean) * (x - ci.mean);
  const double sd = std::sqrt(squares / (n - 1));
  const boost::math::students_t t(n - 1);
  const double quantile = boost::math::quantile(boost::math::complement(t, (1 - confidence) / 2));
  ci.half_width = quantile * sd / std::sqrt(n);
  return ci;
}

/// The checks of one test, holding jointly at `confidence` (Bonferroni over `checks`).
class CiFamily {
 public:
  explicit CiFamily(unsigned checks, double confidence = 0.99) : checks_(checks), confidence_(confidence) {}

  [[nodiscard]] double per_check_confidence() const { return 1.0 - (1.0 - confidence_) / checks_; }

  /// Success when `expected` lies in the interval of `values`; the message on failure carries
  /// everything needed to judge the evidence.
  [[nodiscard]] ::testing::AssertionResult contains(const std::string& what, const std::vector<double>& values,
                                                    double expected) {
    Interval ci;
    if (auto invalid = interval_of(what, values, ci); !invalid) return invalid;
    const bool inside = ci.low() <= expected && expected <= ci.high();
    return verdict(inside, what, ci) << ", theory " << expected;
  }

  /// Success when the whole interval of `values` lies below `bound`: the simulated mean is
  /// significantly smaller, as a transient must be.
  [[nodiscard]] ::testing::AssertionResult below(const std::string& what, const std::vector<double>& values,
                                                 double bound) {
    Interval ci;
    if (auto invalid = interval_of(what, values, ci); !invalid) return invalid;
    return verdict(ci.high() < bound, what, ci) << ", which should lie wholly below " << bound;
  }

 private:
  /// Counts the check against the family and builds its interval; fails on too few or NaN values.
  ::testing::AssertionResult interval_of(const std::string& what, const std::vector<double>& values, Interval& ci) {
    ++used_;
    if (used_ > checks_) {
      return ::testing::AssertionFailure() << what << ": the family was declared with " << checks_
                                           << " checks, so this one is not covered by its level";
    }
    for (std::size_t r = 0; r < values.size(); ++r) {
      if (std::isnan(values[r])) return ::testing::AssertionFailure() << what << ": replication " << r << " is NaN";
    }
    if (values.size() < 2) {
      return ::testing::AssertionFailure() << what << ": needs at least 2 replications, got " << values.size();
    }
    ci = t_interval(values, per_check_confidence());
    return ::testing::AssertionSuccess();
  }

  static ::testing::AssertionResult verdict(bool ok, const std::string& what, const Interval& ci) {
    std::ostringstream text;
    text.precision(6);
    text << what << ": simulated mean " << ci.mean << ", " << 100 * ci.confidence << "% CI [" << ci.low() << ", "
         << ci.high() << "] over " << ci.n << " replications";
    return (ok ? ::testing::AssertionSuccess() : ::testing::AssertionFailure()) << text.str();
  }

  unsigned checks_;
  double confidence_;
  unsigned used_ = 0;
};

/// Every metric of service `service` is the very same number in each replication of `a` and `b`
/// (NaN where the other is NaN): for a feature that must change nothing when it never binds.
inline void expect_same_service_results(const run::BatchResult& a, const run::BatchResult& b, std::size_t service) {
  ASSERT_EQ(a.replications.size(), b.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    for (const auto& metric : stats::kServiceMetrics) {
      const double x = a.replications[r].services.at(service).*metric.field;
      const double y = b.replications[r].services.at(service).*metric.field;
      if (std::isnan(x)) {
        EXPECT_TRUE(std::isnan(y)) << metric.name << ", replication " << r;
      } else {
        EXPECT_EQ(x, y) << metric.name << ", replication " << r;
      }
    }
  }
}

/// One service metric of every replication, in replication order.
[[nodiscard]] inline std::vector<double> per_replication(const run::BatchResult& batch, std::size_t service,
                                                         double stats::ServiceResult::*field) {
  std::vector<double> values;
  values.reserve(batch.replications.size());
  for (const auto& rep : batch.replications) values.push_back(rep.services.at(service).*field);
  return values;
}

/// One system metric of every replication, in replication order.
[[nodiscard]] inline std::vector<double> per_replication(const run::BatchResult& batch,
                                                         double stats::SystemResult::*field) {
  std::vector<double> values;
  values.reserve(batch.replications.size());
  for (const auto& rep : batch.replications) values.push_back(rep.system.*field);
  return values;
}

}  // namespace carepath::validation
