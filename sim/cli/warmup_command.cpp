// SPDX-License-Identifier: MIT
#include "cli/commands.hpp"

namespace carepath::cli {

int warmup_command(const Options&, std::ostream&, std::ostream&) { return kInternalError; }

}  // namespace carepath::cli
