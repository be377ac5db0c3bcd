// SPDX-License-Identifier: MIT
// Folding replications into estimates. Replications are independent and identically
// distributed, so the mean of a per-replication statistic has a Student-t confidence interval
// with n - 1 degrees of freedom; this holds well once each replication averages many patients,
// which is why per-replication means, not individual patients, are the unit of analysis.
#include <carepath/stats/results.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace carepath::stats {

Estimate estimate(const std::vector<double>& values) {
  Estimate e;
  double mean = 0, m2 = 0;
  e.min = std::numeric_limits<double>::infinity();
  e.max = -std::numeric_limits<double>::infinity();
  for (double v : values) {
    if (std::isnan(v)) continue;
    ++e.n;
    const double delta = v - mean;
    mean += delta / e.n;
    m2 += delta * (v - mean);
    e.min = std::min(e.min, v);
    e.max = std::max(e.max, v);
  }
  if (e.n == 0) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan, nan, nan, nan, 0};
  }
  e.mean = mean;
  if (e.n < 2) {
    e.sd = std::numeric_limits<double>::quiet_NaN();
    e.ci_low = e.ci_high = mean;
    return e;
  }
  e.sd = std::sqrt(m2 / (e.n - 1));
  const boost::math::students_t t(e.n - 1);
  const double half_width = boost::math::quantile(boost::math::complement(t, 0.025)) * e.sd / std::sqrt(double(e.n));
  e.ci_low = mean - half_width;
  e.ci_high = mean + half_width;
  return e;
}

Summary summarise(const std::vector<std::string>& service_names, const std::vector<ReplicationResult>& replications) {
  Summary summary;
  std::vector<double> column(replications.size());
  for (std::size_t s = 0; s < service_names.size(); ++s) {
    ServiceSummary& service = summary.services.emplace_back();
    service.name = service_names[s];
    for (std::size_t m = 0; m < kServiceMetrics.size(); ++m) {
      for (std::size_t r = 0; r < replications.size(); ++r) {
        column[r] = replications[r].services[s].*kServiceMetrics[m].field;
      }
      service.metrics[m] = estimate(column);
    }
  }
  for (std::size_t m = 0; m < kSystemMetrics.size(); ++m) {
    for (std::size_t r = 0; r < replications.size(); ++r) column[r] = replications[r].system.*kSystemMetrics[m].field;
    summary.system[m] = estimate(column);
  }
  return summary;
}

}  // namespace carepath::stats
