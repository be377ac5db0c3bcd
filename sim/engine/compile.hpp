// SPDX-License-Identifier: MIT
// model::Scenario -> CompiledModel, the engine's own form of a model: resolve names to indices, build routing alias tables and samplers.
// The scenario must already have passed check_scenario; compile() only translates.
#pragma once

#include "engine/compiled_model.hpp"

#include <carepath/model/scenario.hpp>

namespace carepath::engine {

[[nodiscard]] CompiledModel compile(const model::Scenario& scenario);

}  // namespace carepath::engine
