// SPDX-License-Identifier: MIT
// Runs the M/M/1 example through the installed library's public API and prints the clinic's mean
// wait by metric name; install_consumer.cmake checks that it runs and prints a number.
#include <carepath/carepath.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer SCENARIO\n";
    return 2;
  }
  const auto loaded = carepath::io::load_scenario(argv[1]);
  const auto result = carepath::run::run_batch(loaded.scenario, {.replications = 3, .threads = 1});
  std::cout << "wait_mean " << result.summary.service("clinic").metric("wait_mean").mean << '\n';
  return 0;
}
