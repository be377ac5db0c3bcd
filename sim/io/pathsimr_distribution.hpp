// SPDX-License-Identifier: MIT
// PathSimR's service times and transfer delays are R random-number functions named in a cell
// (`exp`, `unif`, `lnorm`, ...) with their parameters in the next, separated by semicolons, which
// PathSimR passes positionally: rexp(1, rate), runif(1, min, max), rlnorm(1, meanlog, sdlog),
// rgamma(1, shape, rate), rweibull(1, shape, scale), rnorm(1, mean, sd). This file knows those
// functions: which exist here, how many parameters each takes and in what range, and the carepath
// distribution with the same law (a lognormal's meanlog and sdlog become the mean and sd of the
// times themselves, as carepath's lognormal takes them).
#pragma once

#include <carepath/io/pathsimr_csv.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace carepath::io {

struct PathsimrDistribution {
  std::string function;            ///< R's name without the `r`: "exp", "unif", ...
  std::vector<double> parameters;  ///< In R's positional order.
};

/// Reads a distribution from its name cell and its parameter cell; a problem (unknown function,
/// a parameter that is not a number, too few or too many, out of range) is added to `problems`
/// at the cell at fault, and the result is then nullopt.
[[nodiscard]] std::optional<PathsimrDistribution> read_pathsimr_distribution(const std::string& file,
                                                                             const PathsimrCell& function,
                                                                             const PathsimrCell& parameters,
                                                                             std::vector<ImportProblem>& problems);

/// The carepath distribution object with the same law, times written with `unit` ("h", "d", ...)
/// because PathSimR's times are numbers in the unit its user chose.
[[nodiscard]] nlohmann::ordered_json pathsimr_distribution_json(const PathsimrDistribution& distribution,
                                                                const std::string& unit);

/// `value` with its unit, in the shortest text that reads back exactly: "3.25h".
[[nodiscard]] std::string duration_text(double value, const std::string& unit);

}  // namespace carepath::io
