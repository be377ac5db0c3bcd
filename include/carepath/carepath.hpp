// SPDX-License-Identifier: MIT
// Umbrella header: everything a user of the carepath library needs.
#pragma once

#include <carepath/error.hpp>
#include <carepath/io/calibration_json.hpp>
#include <carepath/io/graph_dot.hpp>
#include <carepath/io/missing_notes.hpp>
#include <carepath/io/provenance.hpp>
#include <carepath/io/report_html.hpp>
#include <carepath/io/results_tables.hpp>
#include <carepath/io/results_writer.hpp>
#include <carepath/io/scenario_json.hpp>
#include <carepath/io/sweep_options.hpp>
#include <carepath/model/distribution.hpp>
#include <carepath/model/scenario.hpp>
#include <carepath/model/variant.hpp>
#include <carepath/report/optimise_page.hpp>
#include <carepath/report/warmup_page.hpp>
#include <carepath/run/batch.hpp>
#include <carepath/run/calibration.hpp>
#include <carepath/run/compare.hpp>
#include <carepath/run/headlines.hpp>
#include <carepath/run/ranks.hpp>
#include <carepath/run/sweep.hpp>
#include <carepath/stats/precision.hpp>
#include <carepath/stats/results.hpp>
#include <carepath/stats/trajectory.hpp>
#include <carepath/time.hpp>
#include <carepath/version.hpp>
