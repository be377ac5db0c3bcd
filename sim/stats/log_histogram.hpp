// SPDX-License-Identifier: MIT
// Percentiles without storing every wait: a histogram with logarithmic buckets, in the manner of
// HdrHistogram. A bucket is read straight from a positive double's bit pattern: its exponent and
// the top kMantissaBits bits of its mantissa, so each power of two is split into 128 buckets and
// any value's bucket is at most 1/128 of the value wide — a percentile's relative error is at
// most 0.4% (reported at the bucket's middle). Values below kMin (about 5 seconds of a day, and
// exact zeros such as "no wait") share bucket zero and read as 0; values above kMax (45,000 years)
// are clamped. Fixed size: 6,146 counters, allocated once per replication.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace carepath::stats {

class LogHistogram {
 public:
  static constexpr int kMinExponent = -24;  // 2^-24 days ~ 5 ms
  static constexpr int kMaxExponent = 24;   // 2^24 days ~ 45,000 years
  static constexpr unsigned kMantissaBits = 7;

  LogHistogram() : counts_(kBuckets, 0) {}

  void add(double value) noexcept {
    ++counts_[bucket_of(value)];
    ++total_;
  }

  [[nodiscard]] std::uint64_t count() const noexcept { return total_; }

  /// The q-quantile (0 < q <= 1) by the nearest-rank rule; NaN when empty.
  [[nodiscard]] double quantile(double q) const noexcept {
    if (total_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const auto rank = static_cast<std::uint64_t>(std::max(1.0, std::ceil(q * static_cast<double>(total_))));
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < counts_.size(); ++b) {
      seen += counts_[b];
      if (seen >= rank) return middle_of(b);
    }
    return middle_of(counts_.size() - 1);
  }

 private:
  static constexpr std::uint64_t kShift = 52 - kMantissaBits;
  static constexpr std::uint64_t kFirstKey = std::uint64_t(1023 + kMinExponent) << kMantissaBits;
  static constexpr std::uint64_t kLastKey = std::uint64_t(1023 + kMaxExponent) << kMantissaBits;
  static constexpr std::size_t kBuckets = kLastKey - kFirstKey + 2;  // + the zero bucket

  static std::size_t bucket_of(double value) noexcept {
    if (!(value >= std::ldexp(1.0, kMinExponent))) return 0;  // also catches NaN
    const std::uint64_t key = std::bit_cast<std::uint64_t>(value) >> kShift;
    return static_cast<std::size_t>(std::min(key, kLastKey) - kFirstKey) + 1;
  }

  static double middle_of(std::size_t bucket) noexcept {
    if (bucket == 0) return 0.0;
    const std::uint64_t key = kFirstKey + bucket - 1;
    const double low = std::bit_cast<double>(key << kShift);
    const double high = std::bit_cast<double>((key + 1) << kShift);
    return (low + high) / 2;
  }

  std::vector<std::uint64_t> counts_;
  std::uint64_t total_ = 0;
};

}  // namespace carepath::stats
