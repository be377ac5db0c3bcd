// SPDX-License-Identifier: MIT
// The small CSV reader: columns found by header name in any order, spreadsheet habits (byte-order
// mark, Windows line ends, blank lines, spaces) accepted, and every structural problem reported
// with its line instead of a guess.
#include <carepath/io/csv_reader.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace carepath::io {
namespace {

using testing::ElementsAre;
using testing::Field;
using testing::IsEmpty;

const std::vector<std::string> kRequired{"date", "arrivals"};
const std::vector<std::string> kOptional{"note"};

struct Parsed {
  std::optional<CsvTable> table;
  std::vector<CsvProblem> problems;
};

Parsed parse(std::string_view text) {
  Parsed parsed;
  parsed.table = parse_csv(text, kRequired, kOptional, parsed.problems);
  return parsed;
}

auto problem(std::size_t line, const std::string& message) {
  return testing::AllOf(Field(&CsvProblem::line, line), Field(&CsvProblem::message, message));
}

TEST(ParseCsv, ReadsRowsByHeaderName) {
  const auto parsed = parse("arrivals,date\n140,2022-12-01\n 139 , 2022-12-02\n");
  ASSERT_TRUE(parsed.table.has_value());
  EXPECT_THAT(parsed.problems, IsEmpty());
  EXPECT_EQ(parsed.table->column("date"), 1U);
  EXPECT_EQ(parsed.table->column("note"), std::nullopt);
  ASSERT_EQ(parsed.table->rows.size(), 2U);
  EXPECT_EQ(parsed.table->rows[1].line, 3U);
  EXPECT_THAT(parsed.table->rows[1].fields, ElementsAre("139", "2022-12-02"));
}

TEST(ParseCsv, AcceptsWhatSpreadsheetsWrite) {
  const auto parsed = parse("\xEF\xBB\xBF" "date,arrivals,note\r\n2022-12-01,140,\r\n\r\n2022-12-02,139,snow\r\n");
  ASSERT_TRUE(parsed.table.has_value());
  EXPECT_THAT(parsed.problems, IsEmpty());
  ASSERT_EQ(parsed.table->rows.size(), 2U);
  EXPECT_THAT(parsed.table->rows[0].fields, ElementsAre("2022-12-01", "140", ""));
  EXPECT_EQ(parsed.table->rows[1].line, 4U);
}

TEST(ParseCsv, ReadsALastLineWithoutANewline) {
  const auto parsed = parse("date,arrivals\n2022-12-01,140");
  ASSERT_TRUE(parsed.table.has_value());
  EXPECT_EQ(parsed.table->rows.size(), 1U);
}

TEST(ParseCsv, ReportsRowsOfTheWrongWidthAndQuotesAndSkipsThem) {
  const auto parsed = parse("date,arrivals\n2022-12-01\n2022-12-02,1,2\n\"2022-12-03\",3\n2022-12-04,4\n");
  ASSERT_TRUE(parsed.table.has_value());
  EXPECT_THAT(parsed.problems,
              ElementsAre(problem(2, "expected 2 fields (date,arrivals), got 1"),
                          problem(3, "expected 2 fields (date,arrivals), got 3"),
                          problem(4, "quoted fields are not supported: write plain values separated by commas")));
  ASSERT_EQ(parsed.table->rows.size(), 1U);
  EXPECT_EQ(parsed.table->rows[0].line, 5U);
}

TEST(ParseCsv, ReadsNothingWithoutASoundHeader) {
  EXPECT_THAT(parse("").problems,
              ElementsAre(problem(0, "expected a header line date,arrivals[,note], got an empty file")));
  EXPECT_THAT(parse("\n\n").problems, testing::SizeIs(1));
  const auto parsed = parse("date,arivals,date,extra\n2022-12-01,1,2,3\n");
  EXPECT_FALSE(parsed.table.has_value());
  EXPECT_THAT(parsed.problems,
              ElementsAre(problem(1, "unknown column 'arivals'; did you mean 'arrivals'? (known: date, arrivals, note)"),
                          problem(1, "column 'date' appears twice"),
                          problem(1, "unknown column 'extra' (known: date, arrivals, note)"),
                          problem(1, "missing column 'arrivals' (expected the header date,arrivals[,note])")));
}

}  // namespace
}  // namespace carepath::io
