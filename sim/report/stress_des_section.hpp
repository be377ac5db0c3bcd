// SPDX-License-Identifier: MIT
// "How this model was built": the report's answer to STRESS-DES (Monks et al., "Strengthening
// the reporting of empirical simulation studies: Introducing the STRESS guidelines", Journal of
// Simulation 13(1), 2019), the checklist NHS modelling teams report discrete-event models by.
// Each item is filled from what the run already knows: objectives from the description and the
// variants, logic from the service graph, data from the notes and the CSV inputs, experimentation
// from the run settings, implementation from provenance.json. Items the scenario leaves empty are
// said to be empty, item by item, and named together at the end, so a reviewer sees the gaps.
#pragma once

#include "report/report_inputs.hpp"

#include <string>
#include <vector>

namespace carepath::report {

/// One checklist item as filled for a run: its number ("2.5.3"), title and the HTML describing
/// the model, or empty `html` with the reason in `missing`.
struct StressItem {
  std::string number;
  std::string title;
  std::string html;
  std::string missing;  ///< Why the item is empty ("the scenario has no description"); "" when filled.
};

/// Every STRESS-DES item for these inputs, in the checklist's order.
[[nodiscard]] std::vector<StressItem> stress_des_items(const io::ReportInputs& inputs);

/// The section's HTML: a table of the items and the list of empty ones.
[[nodiscard]] std::string render_stress_des_section(const io::ReportInputs& inputs);

}  // namespace carepath::report
