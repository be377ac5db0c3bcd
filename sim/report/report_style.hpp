// SPDX-License-Identifier: MIT
// The report's inline stylesheet and its one small script. Colours are the Okabe-Ito palette
// (distinguishable with the common colour-vision deficiencies) and every series also differs in
// dash pattern or fill lightness, so a greyscale print still tells them apart. The script only
// switches the fan charts between weeks and days; without it the page is complete.
#pragma once

#include <string_view>

namespace carepath::report {

[[nodiscard]] std::string_view report_css();
[[nodiscard]] std::string_view report_script();

}  // namespace carepath::report
