// SPDX-License-Identifier: MIT
#include <carepath/io/atomic_dir.hpp>

#include <carepath/io/durable_file.hpp>
#include <carepath/run/batch.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include "scratch_dir.hpp"

namespace carepath::io {
namespace {

namespace fs = std::filesystem;
using carepath::testing::ScratchDir;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A folder as carepath leaves it: `files` (each holding "old") and a marker listing them.
void write_results_folder(const fs::path& folder, const std::vector<std::string>& files) {
  fs::create_directories(folder);
  for (const std::string& file : files) {
    fs::create_directories((folder / file).parent_path());
    write_text(folder / file, "old");
  }
  write_text(folder / kFolderMarkerFile, nlohmann::json{{"files", files}}.dump());
}

// The pid of a process that has ended (a child that exited at once and has been reaped).
pid_t ended_pid() {
  const pid_t child = ::fork();
  if (child == 0) std::_Exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

std::string leftover_name(const std::string& purpose, pid_t pid) {
  return ".out." + purpose + "-" + std::to_string(pid) + "-0123456789abcdef";
}

TEST(AtomicDirTest, StagesInAHiddenSiblingAndCommitsIntoPlace) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  {
    AtomicDir folder(target, "main.txt");
    EXPECT_EQ(folder.staging().parent_path(), scratch.path());
    EXPECT_EQ(folder.staging().filename().string().rfind(".out.tmp-", 0), 0U);
    EXPECT_FALSE(fs::exists(target));
    write_text(folder.staging() / "main.txt", "new");
    folder.commit();
  }
  EXPECT_EQ(read_text(target / "main.txt"), "new");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, MarksTheCommittedFolderWithEveryFileInIt) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  AtomicDir folder(target, "main.txt");
  write_text(folder.staging() / "main.txt", "new");
  fs::create_directories(folder.staging() / "variants" / "a");
  write_text(folder.staging() / "variants" / "a" / "main.txt", "new");
  folder.commit();
  const nlohmann::json marker = nlohmann::json::parse(read_text(target / kFolderMarkerFile));
  EXPECT_EQ(marker.at("files"), (nlohmann::json{"main.txt", "variants/a/main.txt"}));
  EXPECT_THAT(marker.at("written_by").get<std::string>(), HasSubstr("carepath "));
}

TEST(AtomicDirTest, ReplacesAnEarlierFolderWholly) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  write_results_folder(target, {"main.txt", "stale.csv", "variants/a/main.txt"});

  AtomicDir folder(target, "main.txt");
  write_text(folder.staging() / "main.txt", "new");
  folder.commit();

  EXPECT_EQ(read_text(target / "main.txt"), "new");
  EXPECT_FALSE(fs::exists(target / "stale.csv"));
  EXPECT_FALSE(fs::exists(target / "variants"));
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, WithoutCommitLeavesTheTargetAndNoStaging) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  write_results_folder(target, {"main.txt"});
  {
    AtomicDir folder(target, "main.txt");
    write_text(folder.staging() / "main.txt", "half");
  }
  EXPECT_EQ(read_text(target / "main.txt"), "old");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, StopFlagEndsTheWritingBeforeTheCommit) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  write_results_folder(target, {"main.txt"});
  std::atomic<bool> stop{false};
  {
    AtomicDir folder(target, "main.txt", &stop);
    EXPECT_NO_THROW(folder.check_stop());
    write_text(folder.staging() / "main.txt", "new");
    stop = true;
    EXPECT_THROW(folder.check_stop(), run::Interrupted);
    EXPECT_THROW(folder.commit(), run::Interrupted);
  }
  EXPECT_EQ(read_text(target / "main.txt"), "old");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, CreatesMissingParentFolders) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "results" / "nested" / "out";
  AtomicDir folder(target, "main.txt");
  folder.commit();
  EXPECT_TRUE(fs::is_directory(target));
}

// An empty current folder would pass every other check; `--out .` must not replace it.
TEST(AtomicDirTest, RefusesTheCurrentFolderAndTheFoldersAboveIt) {
  ScratchDir scratch;
  const fs::path before = fs::current_path();
  fs::create_directory(scratch.path() / "here");
  fs::current_path(scratch.path() / "here");
  EXPECT_THAT([] { AtomicDir folder(".", "main.txt"); }, ThrowsMessage<ReplaceRefused>(HasSubstr("current folder")));
  EXPECT_THROW(AtomicDir("..", "main.txt"), ReplaceRefused);
  EXPECT_THROW(AtomicDir("/", "main.txt"), ReplaceRefused);
  EXPECT_NO_THROW(AtomicDir("results", "main.txt"));
  EXPECT_NO_THROW(AtomicDir("../here-too", "main.txt"));
  fs::current_path(before);
}

TEST(AtomicDirTest, TrailingSlashNamesTheSameFolder) {
  ScratchDir scratch;
  AtomicDir folder(scratch.path().string() + "/out/", "main.txt");
  EXPECT_EQ(folder.target(), scratch.path() / "out");
}

// The constructor writes a file in the staging folder, so an unwritable place fails before any work.
TEST(AtomicDirTest, UnwritableLocationFailsInTheConstructorNamingThePath) {
  ScratchDir scratch;
  write_text(scratch.path() / "a_file", "");
  EXPECT_THAT([&] { AtomicDir folder(scratch.path() / "a_file" / "out", "main.txt"); },
              ThrowsMessage<std::system_error>(HasSubstr("a_file")));
}

TEST(AtomicDirTest, ReplacesOnlyAbsentEmptyOrMarkedFolders) {
  ScratchDir scratch;
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "absent", "main.txt"));

  fs::create_directory(scratch.path() / "empty");
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "empty", "main.txt"));

  write_results_folder(scratch.path() / "marked", {"main.txt", "variants/a/main.txt"});
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "marked", "main.txt"));
  // A listed file the user deleted takes nothing away from the user.
  fs::remove(scratch.path() / "marked" / "main.txt");
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "marked", "main.txt"));

  fs::create_directory(scratch.path() / "thesis");
  write_text(scratch.path() / "thesis" / "chapter1.tex", "precious");
  EXPECT_THAT([&] { check_replaceable(scratch.path() / "thesis", "main.txt"); },
              ThrowsMessage<ReplaceRefused>(HasSubstr("not a folder carepath wrote")));
  EXPECT_THROW(AtomicDir(scratch.path() / "thesis", "main.txt"), ReplaceRefused);
  EXPECT_EQ(read_text(scratch.path() / "thesis" / "chapter1.tex"), "precious");

  write_text(scratch.path() / "file", "");
  EXPECT_THROW(check_replaceable(scratch.path() / "file", "main.txt"), ReplaceRefused);
}

// The data-loss case: a folder of the user's that happens to hold a file of carepath's name.
TEST(AtomicDirTest, RefusesAFolderWithTheMainFileButNoMarker) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  fs::create_directory(target);
  write_text(target / "main.txt", "{}");
  write_text(target / "analysis.R", "precious");
  EXPECT_THAT([&] { check_replaceable(target, "main.txt"); },
              ThrowsMessage<ReplaceRefused>(HasSubstr("holds main.txt but no .carepath-results file")));
}

TEST(AtomicDirTest, RefusesAMarkedFolderHoldingFilesNotInItsList) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  write_results_folder(target, {"main.txt", "variants/a/main.txt"});
  write_text(target / "notes.txt", "precious");
  write_text(target / "variants" / "a" / "plot.png", "precious");
  fs::create_directory(target / "drafts");
  EXPECT_THAT([&] { check_replaceable(target, "main.txt"); },
              ThrowsMessage<ReplaceRefused>(HasSubstr("did not write: drafts/, notes.txt, variants/a/plot.png;")));
  EXPECT_THROW(AtomicDir(target, "main.txt"), ReplaceRefused);
  EXPECT_EQ(read_text(target / "notes.txt"), "precious");
}

TEST(AtomicDirTest, RefusesAFolderWhoseMarkerCannotBeRead) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  fs::create_directory(target);
  write_text(target / kFolderMarkerFile, "not json");
  EXPECT_THAT([&] { check_replaceable(target, "main.txt"); },
              ThrowsMessage<ReplaceRefused>(HasSubstr("cannot read")));
}

TEST(AtomicDirTest, RefusedFolderLeavesNoStaging) {
  ScratchDir scratch;
  fs::create_directory(scratch.path() / "thesis");
  write_text(scratch.path() / "thesis" / "chapter1.tex", "precious");
  EXPECT_THROW(AtomicDir(scratch.path() / "thesis", "main.txt"), ReplaceRefused);
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"thesis"});
}

// What a killed run leaves: its staging folder (marked in progress) or the old results moved aside.
TEST(AtomicDirTest, RemovesStagingFoldersOfEndedRuns) {
  ScratchDir scratch;
  const pid_t ended = ended_pid();
  const fs::path staging = scratch.path() / leftover_name("tmp", ended);
  write_results_folder(staging, {"main.txt"});
  const fs::path old = scratch.path() / leftover_name("old", ended);
  fs::create_directory(old);

  AtomicDir folder(scratch.path() / "out", "main.txt");
  EXPECT_FALSE(fs::exists(staging));
  EXPECT_FALSE(fs::exists(old));
  EXPECT_EQ(folder.leftovers().removed.size(), 2U);
  EXPECT_TRUE(folder.leftovers().kept.empty());
}

TEST(AtomicDirTest, KeepsLeftoversOfLiveRunsUnmarkedOnesAndOtherNames) {
  ScratchDir scratch;
  // pid 1 is always alive.
  const fs::path live = scratch.path() / leftover_name("tmp", 1);
  write_results_folder(live, {"main.txt"});
  const fs::path unmarked = scratch.path() / leftover_name("tmp", ended_pid());
  fs::create_directory(unmarked);
  write_text(unmarked / "mine.txt", "precious");
  const fs::path other_target = scratch.path() / ".other.tmp-1-0123456789abcdef";
  fs::create_directory(other_target);
  const fs::path odd_name = scratch.path() / ".out.tmp-12-notrandom";
  fs::create_directory(odd_name);

  AtomicDir folder(scratch.path() / "out", "main.txt");
  EXPECT_TRUE(fs::exists(live));
  EXPECT_EQ(read_text(unmarked / "mine.txt"), "precious");
  EXPECT_TRUE(fs::exists(other_target));
  EXPECT_TRUE(fs::exists(odd_name));
  EXPECT_TRUE(folder.leftovers().removed.empty());
  std::vector<fs::path> kept = folder.leftovers().kept;
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(kept, (std::vector<fs::path>{live, unmarked}));
}

// /dev/full fails every write with ENOSPC: the message names the file and the system's reason,
// not a stream's "iostream error".
TEST(DurableFileTest, FullDiskIsReportedWithTheSystemsReason) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  DurableFile file("/dev/full");
  file.stream() << std::string(std::size_t{1} << 20U, 'x');
  EXPECT_THAT([&] { file.close(); },
              ThrowsMessage<std::system_error>(HasSubstr("cannot write '/dev/full': No space left on device")));
}

TEST(WriteFileAtomicallyTest, ReplacesTheFileAndLeavesNothingElse) {
  ScratchDir scratch;
  const fs::path file = scratch.path() / "graph.dot";
  write_text(file, "old old old");
  write_file_atomically(file, "digraph {}\n");
  EXPECT_EQ(read_text(file), "digraph {}\n");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"graph.dot"});
}

TEST(WriteFileAtomicallyTest, FailureLeavesNoTemporaryFile) {
  ScratchDir scratch;
  fs::create_directory(scratch.path() / "a_folder");
  // Renaming a file over a folder fails, after the temporary file has been written.
  EXPECT_THROW(write_file_atomically(scratch.path() / "a_folder", "x"), std::exception);
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"a_folder"});
}

}  // namespace
}  // namespace carepath::io
