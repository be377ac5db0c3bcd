// SPDX-License-Identifier: MIT
// Patients present at the start, in each of the three forms: cohorts, a histogram spread evenly
// over each bin, and a CSV file; with patient types checked where they are written.
#include "scenario_documents.hpp"
#include "scratch_dir.hpp"

#include <carepath/time.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

namespace carepath::io {
namespace {

using namespace carepath::io::test_documents;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::IsEmpty;

nlohmann::json with_initial(const char* initial) {
  auto document = minimal_scenario();
  document["patient_types"] = nlohmann::json::parse(R"([{"name": "urgent", "priority": 0}, {"name": "routine"}])");
  document["services"][0]["capacity"] = 10;
  document["services"][0]["initial"] = nlohmann::json::parse(initial);
  return document;
}

model::Service service_with_initial(const char* initial) {
  return parse(with_initial(initial), data_folder()).scenario.services.at(0);
}

auto cohort(double elapsed, std::uint32_t count, const std::string& type) {
  return AllOf(Field(&model::InitialCohort::elapsed, ::testing::DoubleEq(elapsed)),
               Field(&model::InitialCohort::count, count), Field(&model::InitialCohort::patient_type, type));
}

TEST(InitialState, IsEmptyUnlessGiven) {
  const auto s = parse(minimal_scenario()).scenario.services[0];
  EXPECT_THAT(s.initial_waiting, IsEmpty());
  EXPECT_THAT(s.initial_in_service, IsEmpty());
}

TEST(InitialState, ReadsCohortsInDays) {
  const auto s = service_with_initial(R"({
      "waiting": [{"waited": "10w", "count": 5, "patient_type": "routine"}, {"waited": "0d", "count": 2}],
      "in_service": [{"elapsed": "36h", "count": 3}]})");
  EXPECT_THAT(s.initial_waiting, ElementsAre(cohort(70, 5, "routine"), cohort(0, 2, "")));
  EXPECT_THAT(s.initial_in_service, ElementsAre(cohort(1.5, 3, "")));
}

TEST(InitialState, SpreadsEachHistogramBinEvenly) {
  // 4 patients waited 0 to 4 weeks: one at the middle of each week, 3.5, 10.5, 17.5 and 24.5 days.
  const auto s = service_with_initial(R"({"waiting": {"histogram": [
      {"from": "0w", "to": "4w", "count": 4, "patient_type": "urgent"},
      {"from": "4w", "to": "8w", "count": 0},
      {"from": "8w", "to": "10w", "count": 1}]}})");
  EXPECT_THAT(s.initial_waiting, ElementsAre(cohort(3.5, 1, "urgent"), cohort(10.5, 1, "urgent"),
                                             cohort(17.5, 1, "urgent"), cohort(24.5, 1, "urgent"), cohort(63, 1, "")));
}

TEST(InitialState, ReadsCsvFilesWithAnOptionalPatientType) {
  const auto s = service_with_initial(R"({"waiting": "camhs_waiting.csv", "in_service": "camhs_in_service.csv"})");
  EXPECT_THAT(s.initial_waiting, ElementsAre(cohort(weeks(2), 3, "routine"), cohort(weeks(10), 2, "urgent"),
                                             cohort(weeks(26), 1, "")));
  EXPECT_THAT(s.initial_in_service, ElementsAre(cohort(1, 4, ""), cohort(3.5, 2, "")));
}

// Opening a FIFO for reading blocks until something writes to it: `validate` hung on one
// (issue 9). The loader must refuse it from its type alone, so this test returns at once.
TEST(InitialState, RefusesAFifoAsItsCsvFileWithoutOpeningIt) {
  const carepath::testing::ScratchDir folder;
  ASSERT_EQ(::mkfifo((folder.path() / "waiting.csv").c_str(), 0600), 0);
  EXPECT_THAT(error_lines(with_initial(R"({"waiting": "waiting.csv"})"), folder.path()),
              ElementsAre("/services/0/initial/waiting: waiting.csv: expected a regular CSV file, got a named pipe "
                          "(FIFO)"));
}

TEST(InitialState, RefusesAgesBeyondTheLongestHorizonInCsvFiles) {
  const carepath::testing::ScratchDir folder;
  std::ofstream(folder.path() / "waiting.csv") << "waited,count\n1e300d,1\n";
  EXPECT_THAT(error_lines(with_initial(R"({"waiting": "waiting.csv"})"), folder.path()),
              ElementsAre("/services/0/initial/waiting: waiting.csv: line 2: waited: expected a duration of at most "
                          "1000 years (\"365250d\"), got '1e300d'"));
}

TEST(InitialState, ChecksPatientTypesWhereTheyAreWritten) {
  EXPECT_THAT(error_lines(with_initial(R"({"waiting": [{"waited": "1w", "count": 1, "patient_type": "urgnt"}],
                                          "in_service": {"histogram": [{"from": "0d", "to": "1d", "count": 1,
                                                                        "patient_type": "emergency"}]}})")),
              ElementsAre("/services/0/initial/waiting/0/patient_type: unknown patient type 'urgnt'; did you mean "
                          "'urgent'? (known: urgent, routine)",
                          "/services/0/initial/in_service/histogram/0/patient_type: unknown patient type 'emergency' "
                          "(known: urgent, routine)"));
}

TEST(InitialState, RefusesMoreThanAMillionPatientsBeforeExpandingThem) {
  EXPECT_THAT(error_lines(with_initial(R"({"waiting": {"histogram": [
      {"from": "0w", "to": "4w", "count": 1000000}, {"from": "4w", "to": "8w", "count": 1000000}]}})")),
              ElementsAre("/services/0/initial/waiting: expected at most 1000000 patients in all, got 2000000"));
}

TEST(InitialState, ComparesThePatientsInServiceWithTheCapacity) {
  EXPECT_THAT(error_lines(with_initial(R"({"in_service": [{"elapsed": "1d", "count": 11}]})")),
              ElementsAre("/services/0/initial/in_service: 11 patients are in service at the start, but the capacity "
                          "then is 10"));
}

}  // namespace
}  // namespace carepath::io
