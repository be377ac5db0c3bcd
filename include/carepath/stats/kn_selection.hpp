// SPDX-License-Identifier: MIT
// Kim and Nelson's fully sequential indifference-zone selection ("A fully sequential procedure
// for indifference-zone selection in simulation", ACM TOMACS 11(3), 2001), for the smallest
// mean. With k systems, n0 first-stage replications of each and the sample variance S2_il of
// the differences X_i - X_l over those n0 (common random numbers make them small), system i is
// eliminated after r replications when its mean exceeds some survivor l's by more than
//   W_il(r) = max(0, delta / (2 r) (h2 S2_il / delta^2 - r)),
//   h2 = 2 eta (n0 - 1),  eta = ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1) / 2.
// If the smallest mean is at least delta below every other and the data are normal, the one left
// is the best with probability at least 1 - alpha, however the systems are correlated. Checking
// at only some r (as carepath optimise does, doubling r) keeps the guarantee: it gives fewer
// chances to eliminate the best.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace carepath::stats {

/// h^2 of the procedure for `systems` systems, `first_stage` replications (>= 2) and error `alpha`.
[[nodiscard]] double kn_h2(std::size_t systems, std::uint32_t first_stage, double alpha);

/// The systems of `survivors` still in contention after `r` replications of each: `values[i]`
/// holds at least r values of system i (replication j of every system with the same random
/// numbers), the first `first_stage` of which give the variances; `systems` is the number the
/// selection started with.
[[nodiscard]] std::vector<std::size_t> kn_survivors(const std::vector<std::vector<double>>& values,
                                                    const std::vector<std::size_t>& survivors, std::size_t systems,
                                                    std::uint32_t first_stage, std::uint32_t r, double delta,
                                                    double alpha);

}  // namespace carepath::stats
