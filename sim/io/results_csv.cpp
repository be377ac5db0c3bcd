// SPDX-License-Identifier: MIT
#include "io/results_csv.hpp"

#include <carepath/io/csv_text.hpp>
#include <carepath/io/number_format.hpp>

#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace carepath::io {

namespace {

constexpr std::string_view kSummaryHeader = "service,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n";
constexpr std::string_view kReplicationsHeader = "replication,service,metric,unit,value\n";
constexpr std::string_view kPathwaySummaryHeader = "pathway,target_days,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n";
constexpr std::string_view kByTypeSummaryHeader = "patient_type,service,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n";
constexpr std::string_view kResourceSummaryHeader = "resource,unit_word,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n";
constexpr std::string_view kClinicSummaryHeader = "clinic,metric,unit,mean,ci_low,ci_high,sd,min,max,n\n";
constexpr std::string_view kPathwayReplicationsHeader = "replication,pathway,metric,unit,value\n";

// `leading`: the row's identifying fields, already joined by commas (service; or pathway and target).
void write_summary_row(std::ostream& out, std::string_view leading, const char* metric,
                       const char* unit, const stats::Estimate& e) {
  out << leading << ',' << metric << ',' << unit << ',' << format_shortest(e.mean) << ','
      << format_shortest(e.ci_low) << ',' << format_shortest(e.ci_high) << ','
      << format_shortest(e.sd) << ',' << format_shortest(e.min) << ','
      << format_shortest(e.max) << ',' << e.n << '\n';
}

template <class Table, class Estimates>
void write_summary_rows(std::ostream& out, std::string_view leading, const Table& table,
                        const Estimates& estimates) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    write_summary_row(out, leading, table[i].name, table[i].unit, estimates[i]);
  }
}

template <class Table, class Result>
void write_replication_rows(std::ostream& out, const std::string& replication,
                            std::string_view service, const Table& table, const Result& values) {
  const std::string prefix = replication + ',' + csv_text(service) + ',';
  for (const auto& metric : table) {
    out << prefix << metric.name << ',' << metric.unit << ','
        << format_shortest(values.*(metric.field)) << '\n';
  }
}

}  // namespace

void write_summary_services_csv(const stats::Summary& summary, std::ostream& out) {
  out << kSummaryHeader;
  for (const stats::ServiceSummary& service : summary.services) {
    write_summary_rows(out, csv_text(service.name), stats::kServiceMetrics, service.metrics);
  }
}

void write_summary_pathways_csv(const stats::Summary& summary, std::ostream& out) {
  out << kPathwaySummaryHeader;
  for (const stats::PathwaySummary& pathway : summary.pathways) {
    write_summary_rows(out, csv_text(pathway.name) + ',' + format_shortest(pathway.target), stats::kPathwayMetrics,
                       pathway.metrics);
  }
}

void write_summary_by_type_csv(const stats::Summary& summary, std::ostream& out) {
  out << kByTypeSummaryHeader;
  for (const stats::TypeServiceSummary& row : summary.by_type) {
    write_summary_rows(out, csv_text(row.patient_type) + ',' + csv_text(row.service), stats::kTypeServiceMetrics,
                       row.metrics);
  }
}

void write_summary_resources_csv(const stats::Summary& summary, std::ostream& out) {
  out << kResourceSummaryHeader;
  for (const stats::ResourceSummary& pool : summary.resources) {
    write_summary_rows(out, csv_text(pool.name) + ',' + csv_text(pool.unit), stats::kResourceMetrics, pool.metrics);
  }
}

void write_summary_clinics_csv(const stats::Summary& summary, std::ostream& out) {
  out << kClinicSummaryHeader;
  for (const stats::ClinicSummary& clinic : summary.clinics) {
    write_summary_rows(out, csv_text(clinic.name), stats::kClinicMetrics, clinic.metrics);
  }
}

void write_replications_pathways_csv(const run::BatchResult& result, std::ostream& out) {
  out << kPathwayReplicationsHeader;
  for (std::size_t rep = 0; rep < result.replications.size(); ++rep) {
    const std::string index = std::to_string(rep);
    const auto& pathways = result.replications[rep].pathways;
    for (std::size_t p = 0; p < pathways.size(); ++p) {
      write_replication_rows(out, index, result.labels.pathways.at(p), stats::kPathwayMetrics, pathways[p]);
    }
  }
}

void write_summary_system_csv(const stats::Summary& summary, std::ostream& out) {
  out << kSummaryHeader;
  write_summary_rows(out, csv_text(kSystemRowName), stats::kSystemMetrics, summary.system);
}

void write_replications_csv(const run::BatchResult& result, std::ostream& out) {
  out << kReplicationsHeader;
  for (std::size_t rep = 0; rep < result.replications.size(); ++rep) {
    const stats::ReplicationResult& replication = result.replications[rep];
    if (replication.services.size() != result.labels.services.size()) {
      throw std::invalid_argument("replication " + std::to_string(rep) + " has " +
                                  std::to_string(replication.services.size()) +
                                  " services, but the batch names " +
                                  std::to_string(result.labels.services.size()));
    }
    const std::string index = std::to_string(rep);
    for (std::size_t s = 0; s < replication.services.size(); ++s) {
      write_replication_rows(out, index, result.labels.services[s], stats::kServiceMetrics,
                             replication.services[s]);
    }
    write_replication_rows(out, index, kSystemRowName, stats::kSystemMetrics, replication.system);
  }
}

}  // namespace carepath::io
