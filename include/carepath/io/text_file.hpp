// SPDX-License-Identifier: MIT
// Reads a whole file into memory: the scenario itself and the CSV files it names. Errors keep the
// operating system's reason (std::system_error), which the callers put into their diagnostics.
#pragma once

#include <filesystem>
#include <string>

namespace carepath::io {

/// The bytes of `path`. Throws std::system_error when it cannot be opened or read (a directory
/// opens on Linux but fails to read, with EISDIR).
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

}  // namespace carepath::io
