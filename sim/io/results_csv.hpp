// SPDX-License-Identifier: MIT
// The tidy CSV twins of summary.json, one observation per row so that R, pandas or a spreadsheet
// pivot can read them without reshaping: summary_services.csv and summary_system.csv
// (service,metric,unit,mean,ci_low,ci_high,sd,min,max,n) and replications.csv
// (replication,service,metric,unit,value; replications count from 0, as their random streams do).
// The whole system appears as service "system". Pathways get summary_pathways.csv
// (pathway,target_days,metric,unit,mean,...) and replications_pathways.csv; with several patient
// types, summary_by_type.csv (patient_type,service,metric,unit,mean,...); with shared resource pools,
// summary_resources.csv (resource,unit_word,metric,unit,mean,...); with clinics or panels (services
// with sessions), summary_clinics.csv (clinic,metric,unit,mean,...).
// Numbers use number_format.hpp: shortest round-trip text, and an empty field for NaN.
#pragma once

#include <carepath/run/batch.hpp>
#include <carepath/stats/results.hpp>

#include <iosfwd>

namespace carepath::io {

/// The service name the CSV files use for whole-system rows.
inline constexpr const char* kSystemRowName = "system";

void write_summary_services_csv(const stats::Summary& summary, std::ostream& out);
void write_summary_system_csv(const stats::Summary& summary, std::ostream& out);

void write_summary_pathways_csv(const stats::Summary& summary, std::ostream& out);
void write_summary_by_type_csv(const stats::Summary& summary, std::ostream& out);
void write_summary_resources_csv(const stats::Summary& summary, std::ostream& out);
void write_summary_clinics_csv(const stats::Summary& summary, std::ostream& out);
void write_replications_pathways_csv(const run::BatchResult& result, std::ostream& out);

/// Throws std::invalid_argument if a replication's service count differs from the batch's.
void write_replications_csv(const run::BatchResult& result, std::ostream& out);

}  // namespace carepath::io
