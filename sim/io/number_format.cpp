// SPDX-License-Identifier: MIT
#include <carepath/io/number_format.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace carepath::io {

namespace {

// Enough for any double in shortest form (at most 24 characters) and for fixed notation of the
// magnitudes a summary shows; a larger value fails loudly rather than being cut.
constexpr std::size_t kBufferSize = 512;

using Buffer = std::array<char, kBufferSize>;

std::string checked(std::to_chars_result result, const Buffer& buffer) {
  if (result.ec != std::errc{}) throw std::logic_error("number does not fit the format buffer");
  return std::string(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
}

}  // namespace

std::string format_shortest(double value) {
  if (!std::isfinite(value)) return {};
  Buffer buffer{};
  return checked(std::to_chars(buffer.data(), buffer.data() + buffer.size(), value), buffer);
}

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  Buffer buffer{};
  return checked(std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                               std::chars_format::fixed, decimals),
                 buffer);
}

std::string format_money(double value, std::string_view symbol, int decimals) {
  std::string digits = format_fixed(std::abs(value), decimals);
  if (digits == "-") return digits;
  const std::size_t point = std::min(digits.find('.'), digits.size());
  for (std::size_t at = point; at > 3; at -= 3) digits.insert(at - 3, 1, ',');
  const bool negative = value < 0 && digits.find_first_not_of("0.,") != std::string::npos;
  return (negative ? "-" : "") + std::string(symbol) + digits;
}

}  // namespace carepath::io
