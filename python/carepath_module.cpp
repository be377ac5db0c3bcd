// SPDX-License-Identifier: MIT
// carepath._carepath: the C++ half of the Python module, a client of include/carepath alone.
// It loads scenarios (a ScenarioError becomes carepath.ScenarioError carrying the same located
// messages), runs a base and its variants, and hands back every results table as CSV text
// (io::batch_tables), which carepath/__init__.py reads into pandas DataFrames: the frames then
// have exactly the columns and numbers of the files `carepath run` writes.
//
// While simulating the GIL is released and the batch runs on a thread of its own; the calling
// thread wakes every 100 ms to check for Ctrl-C (PyErr_CheckSignals works only on Python's main
// thread, which may be busy in a long replication if it joined the batch) and to call the
// progress callback. Ctrl-C sets the batch's stop flag, so replications stop within a few
// thousand events and KeyboardInterrupt is raised with no result.
#include <carepath/carepath.hpp>
#include <carepath/io/results_tables.hpp>
#include <carepath/model/suggest.hpp>

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace py = pybind11;
using namespace carepath;

namespace {

// A loaded scenario with its variants, and the text it came from (a sweep reloads it with
// variants of its own).
struct PyScenario {
  io::LoadedScenarioSet set;
  std::string source;  // The file, or the name a dict was given.
};

std::vector<std::string> formatted_warnings(const PyScenario& s) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : s.set.warnings) lines.push_back(format_diagnostic(s.source, d));
  return lines;
}

py::dict tables_dict(const std::vector<io::CsvFile>& tables) {
  py::dict out;
  for (const io::CsvFile& table : tables) out[py::str(table.file)] = py::str(table.text);
  return out;
}

py::dict batch_dict(const std::string& name, const run::BatchResult& result) {
  py::dict out;
  out["name"] = name;
  out["seed"] = result.seed;
  out["replications"] = result.replications.size();
  out["threads"] = result.threads;
  out["wall_seconds"] = result.wall_seconds;
  out["tables"] = tables_dict(io::batch_tables(result));
  return out;
}

// Runs `work` on its own thread with the GIL released, checking for Ctrl-C and reporting
// progress from the calling thread. Returns what work returned, or raises what it threw.
run::ComparisonResult run_interruptibly(const std::function<run::ComparisonResult(const run::BatchOptions&)>& work,
                                        run::BatchOptions options, const py::object& progress) {
  std::atomic<bool> stop{false};
  std::atomic<std::uint32_t> done{0};
  std::atomic<std::uint32_t> total{0};
  options.stop = &stop;
  options.progress = [&](std::uint32_t finished, std::uint32_t all) {
    total.store(all, std::memory_order_relaxed);
    done.store(finished, std::memory_order_relaxed);
  };
  std::optional<py::error_already_set> python_error;
  std::packaged_task<run::ComparisonResult()> task([&] { return work(options); });
  std::future<run::ComparisonResult> finished = task.get_future();
  {
    py::gil_scoped_release release;
    std::thread worker(std::move(task));
    std::uint32_t reported = 0;
    while (finished.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
      const py::gil_scoped_acquire acquire;
      if (python_error) continue;
      try {
        if (PyErr_CheckSignals() != 0) throw py::error_already_set();
        const std::uint32_t now = done.load(std::memory_order_relaxed);
        if (!progress.is_none() && now != reported) {
          reported = now;
          progress(now, total.load(std::memory_order_relaxed));
        }
      } catch (py::error_already_set& e) {
        python_error.emplace(std::move(e));
        stop.store(true, std::memory_order_relaxed);
      }
    }
    worker.join();
  }
  if (python_error) {
    // Interrupted by Ctrl-C or by the progress callback: raise that, not run::Interrupted.
    try {
      (void)finished.get();
    } catch (...) {
    }
    throw std::move(*python_error);
  }
  run::ComparisonResult result = finished.get();
  if (!progress.is_none()) progress(done.load(), total.load());
  return result;
}

std::vector<model::ScenarioVariant> chosen_variants(const PyScenario& s, const std::optional<std::vector<std::string>>& names) {
  if (!names) return s.set.variants;
  std::vector<model::ScenarioVariant> chosen;
  for (const std::string& name : *names) {
    const auto found = std::find_if(s.set.variants.begin(), s.set.variants.end(),
                                    [&](const model::ScenarioVariant& v) { return v.name == name; });
    if (found == s.set.variants.end()) {
      std::vector<std::string> known;
      for (const auto& v : s.set.variants) known.push_back(v.name);
      throw py::key_error(model::unknown_name_message("variant", name, known));
    }
    chosen.push_back(*found);
  }
  return chosen;
}

py::dict run_scenario(const PyScenario& s, std::optional<std::uint32_t> replications, std::optional<std::uint64_t> seed,
                      unsigned threads, const std::optional<std::vector<std::string>>& variant_names,
                      bool trajectories, const py::object& progress) {
  const std::vector<model::ScenarioVariant> variants = chosen_variants(s, variant_names);
  run::BatchOptions options;
  options.replications = replications;
  options.seed = seed;
  options.threads = threads;
  options.trajectories = trajectories;
  const run::ComparisonResult comparison = run_interruptibly(
      [&](const run::BatchOptions& o) { return run::run_comparison(s.set.base, variants, o); }, options, progress);
  py::dict out;
  out["base"] = batch_dict(s.set.base.name, comparison.base);
  py::list variant_list;
  for (const run::NamedBatch& batch : comparison.variants) variant_list.append(batch_dict(batch.name, batch.result));
  out["variants"] = variant_list;
  out["comparison"] = tables_dict(io::comparison_tables(comparison));
  return out;
}

}  // namespace

PYBIND11_MODULE(_carepath, m) {
  m.doc() = "carepath's C++ core; use the carepath package, which wraps it in pandas.";
  m.attr("version") = std::string(version());

  static py::exception<ScenarioError> scenario_error(m, "ScenarioError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const ScenarioError& e) {
      py::list messages;
      for (const Diagnostic& d : e.diagnostics()) messages.append(format_diagnostic(e.source(), d));
      py::object error = py::handle(scenario_error.ptr())(e.what());  // an instance, to carry the messages
      error.attr("messages") = messages;
      error.attr("source") = e.source();
      PyErr_SetObject(scenario_error.ptr(), error.ptr());
    }
  });

  py::class_<PyScenario>(m, "Scenario")
      .def_property_readonly("name", [](const PyScenario& s) { return s.set.base.name; })
      .def_property_readonly("source", [](const PyScenario& s) { return s.source; })
      .def_property_readonly("text", [](const PyScenario& s) { return s.set.text; })
      .def_property_readonly("services",
                             [](const PyScenario& s) {
                               std::vector<std::string> names;
                               for (const auto& service : s.set.base.services) names.push_back(service.name);
                               return names;
                             })
      .def_property_readonly("variants",
                             [](const PyScenario& s) {
                               std::vector<std::string> names;
                               for (const auto& variant : s.set.variants) names.push_back(variant.name);
                               return names;
                             })
      .def_property_readonly("warnings", &formatted_warnings);

  m.def(
      "load_file",
      [](const std::filesystem::path& path, std::optional<std::string> variants_json) {
        PyScenario s{variants_json ? io::load_scenario_set(path, *variants_json) : io::load_scenario_set(path),
                     path.string()};
        return s;
      },
      py::arg("path"), py::arg("variants_json") = py::none());
  m.def(
      "load_text",
      [](const std::string& text, const std::string& source, const std::filesystem::path& csv_folder) {
        return PyScenario{io::parse_scenario_set(text, source, csv_folder), source};
      },
      py::arg("text"), py::arg("source"), py::arg("csv_folder"));
  m.def("run", &run_scenario, py::arg("scenario"), py::arg("replications") = py::none(),
        py::arg("seed") = py::none(), py::arg("threads") = 0u, py::arg("variants") = py::none(),
        py::arg("trajectories") = true, py::arg("progress") = py::none());
}
