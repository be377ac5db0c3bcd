// SPDX-License-Identifier: MIT
#include <carepath/io/text_file.hpp>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

namespace carepath::io {

std::string read_text_file(const std::filesystem::path& path) {
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  const std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw std::system_error(errno, std::generic_category(), path.string());
  std::string text;
  char buffer[1 << 16];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, count);
  if (std::ferror(file.get())) throw std::system_error(errno, std::generic_category(), path.string());
  return text;
}

}  // namespace carepath::io
