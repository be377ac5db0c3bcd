// SPDX-License-Identifier: MIT
#include "io/atomic_dir.hpp"
#include "io/durable_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "scratch_dir.hpp"

namespace carepath::io {
namespace {

namespace fs = std::filesystem;
using carepath::testing::ScratchDir;

void write_text(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(AtomicDirTest, StagesInAHiddenSiblingAndCommitsIntoPlace) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  {
    AtomicDir folder(target, "marker");
    EXPECT_EQ(folder.staging().parent_path(), scratch.path());
    EXPECT_EQ(folder.staging().filename().string().rfind(".out.tmp-", 0), 0U);
    EXPECT_FALSE(fs::exists(target));
    write_text(folder.staging() / "marker", "new");
    folder.commit();
  }
  EXPECT_EQ(read_text(target / "marker"), "new");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, ReplacesAnEarlierFolderWholly) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  fs::create_directory(target);
  write_text(target / "marker", "old");
  write_text(target / "stale.csv", "old");

  AtomicDir folder(target, "marker");
  write_text(folder.staging() / "marker", "new");
  folder.commit();

  EXPECT_EQ(read_text(target / "marker"), "new");
  EXPECT_FALSE(fs::exists(target / "stale.csv"));
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, WithoutCommitLeavesTheTargetAndNoStaging) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "out";
  fs::create_directory(target);
  write_text(target / "marker", "old");
  {
    AtomicDir folder(target, "marker");
    write_text(folder.staging() / "marker", "half");
  }
  EXPECT_EQ(read_text(target / "marker"), "old");
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"out"});
}

TEST(AtomicDirTest, CreatesMissingParentFolders) {
  ScratchDir scratch;
  const fs::path target = scratch.path() / "results" / "nested" / "out";
  AtomicDir folder(target, "marker");
  folder.commit();
  EXPECT_TRUE(fs::is_directory(target));
}

TEST(AtomicDirTest, TrailingSlashNamesTheSameFolder) {
  ScratchDir scratch;
  AtomicDir folder(scratch.path().string() + "/out/", "marker");
  EXPECT_EQ(folder.target(), scratch.path() / "out");
}

TEST(AtomicDirTest, ReplacesOnlyAbsentEmptyOrMarkedFolders) {
  ScratchDir scratch;
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "absent", "marker"));

  fs::create_directory(scratch.path() / "empty");
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "empty", "marker"));

  fs::create_directory(scratch.path() / "marked");
  write_text(scratch.path() / "marked" / "marker", "");
  EXPECT_NO_THROW(check_replaceable(scratch.path() / "marked", "marker"));

  fs::create_directory(scratch.path() / "thesis");
  write_text(scratch.path() / "thesis" / "chapter1.tex", "precious");
  EXPECT_THROW(check_replaceable(scratch.path() / "thesis", "marker"), ReplaceRefused);
  EXPECT_THROW(AtomicDir(scratch.path() / "thesis", "marker"), ReplaceRefused);
  EXPECT_EQ(read_text(scratch.path() / "thesis" / "chapter1.tex"), "precious");

  write_text(scratch.path() / "file", "");
  EXPECT_THROW(check_replaceable(scratch.path() / "file", "marker"), ReplaceRefused);
}

TEST(AtomicDirTest, RefusedFolderLeavesNoStaging) {
  ScratchDir scratch;
  fs::create_directory(scratch.path() / "thesis");
  write_text(scratch.path() / "thesis" / "chapter1.tex", "precious");
  EXPECT_THROW(AtomicDir(scratch.path() / "thesis", "marker"), ReplaceRefused);
  EXPECT_EQ(scratch.entries(), std::vector<std::string>{"thesis"});
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
