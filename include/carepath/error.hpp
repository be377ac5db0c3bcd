// SPDX-License-Identifier: MIT
// Input errors. A bad scenario is reported all at once: every problem found becomes a Diagnostic
// (where, in JSON-pointer form, and what), and loading throws one ScenarioError holding them all.
// Internal invariants are never reported this way; they are asserts or std::logic_error.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace carepath {

enum class Severity { Error, Warning };

/// One problem in a scenario, e.g. `{Error, "/services/2/capacity", "expected a positive integer
/// or \"unlimited\", got -3"}`.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;     ///< JSON pointer into the scenario document ("" for the whole file).
  std::string message;  ///< What is wrong, in domain words, with the value found.
  /// Where the pointer lands in the file, from 1 (0: not known); filled by the loader.
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// The pointer with elements named where they have a name ("/services[ward]/capacity"); empty
  /// when not known, and then `path` is shown.
  std::string named_path = {};
};

/// `source:line:column: named path: message` (the parts that are known; `source: message` for a
/// whole-file problem), with "warning: " for warnings.
[[nodiscard]] std::string format_diagnostic(const std::string& source, const Diagnostic& d);

/// Thrown when a scenario cannot be used; what() lists every diagnostic, one per line.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string source, std::vector<Diagnostic> diagnostics);

  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::string source_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace carepath
