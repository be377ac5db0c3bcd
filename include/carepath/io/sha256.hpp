// SPDX-License-Identifier: MIT
// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: the fingerprint a results
// folder records for the scenario and every input file it read (provenance.cpp). Written here
// because Debian's Boost 1.74 has only SHA-1 and carepath links no crypto library; the test
// checks it against the FIPS 180-4 example vectors.
#pragma once

#include <string>
#include <string_view>

namespace carepath::io {

[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace carepath::io
