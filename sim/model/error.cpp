// SPDX-License-Identifier: MIT
#include <carepath/error.hpp>

namespace carepath {

std::string format_diagnostic(const std::string& source, const Diagnostic& d) {
  std::string line = source;
  if (d.line != 0) line += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  if (!line.empty()) line += ": ";
  if (!d.path.empty()) line += (d.named_path.empty() ? d.path : d.named_path) + ": ";
  if (d.severity == Severity::Warning) line += "warning: ";
  return line + d.message;
}

namespace {
std::string join_diagnostics(const std::string& source, const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += format_diagnostic(source, d);
  }
  return text;
}
}  // namespace

ScenarioError::ScenarioError(std::string source, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(source, diagnostics)),
      source_(std::move(source)),
      diagnostics_(std::move(diagnostics)) {}

}  // namespace carepath
