// SPDX-License-Identifier: MIT
// Scenario -> CompiledModel: resolve names to indices, build routing alias tables and samplers.
// The scenario must already have passed check_scenario; compile() only translates.
#pragma once

#include "engine/compiled_model.hpp"

#include <carepath/model/scenario.hpp>

namespace carepath::model {

[[nodiscard]] engine::CompiledModel compile(const Scenario& scenario);

}  // namespace carepath::model
