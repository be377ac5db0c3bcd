// SPDX-License-Identifier: MIT
// render_report_fixtures DATA_DIR OUT_DIR: writes OUT_DIR/report.html from the fixtures (every
// section drawn: fan charts with a variant, forest plots, graph), for browser_test.py to open.
#include "fixtures.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: render_report_fixtures DATA_DIR OUT_DIR\n";
    return 2;
  }
  try {
    std::filesystem::create_directories(argv[2]);
    carepath::io::write_report(argv[2], carepath::testing::fixture_inputs(argv[1]));
  } catch (const std::exception& e) {
    std::cerr << "render_report_fixtures: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
