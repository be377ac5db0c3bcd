// SPDX-License-Identifier: MIT
#include "model/bank_holidays.hpp"

#include <algorithm>

namespace carepath::model {

unsigned rule_weekday(const std::vector<Date>& bank_holidays, const Date& date) {
  constexpr unsigned kSunday = 6;
  return std::binary_search(bank_holidays.begin(), bank_holidays.end(), date) ? kSunday : iso_weekday_index(date);
}

}  // namespace carepath::model
