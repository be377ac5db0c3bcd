# SPDX-License-Identifier: MIT
# The layering of sim/, checked at every build (sim/CMakeLists.txt, target carepath_layers, which
# the library and the program depend on): each folder may include, privately ("engine/x.hpp") or
# through the public headers (<carepath/run/batch.hpp>), only its own layer and those below:
#
#   model <- stats <- engine <- run <- io <- report <- cli
#
# stats sits below the engine because the recorder streams into its accumulators. report sits
# above io: it draws the results documents io builds, and io::write_results, which writes
# report.html with the rest of a results folder, is report's (report/results_writer.cpp). Each
# folder is one static library linking the one below it (sim/CMakeLists.txt).
# The CLI is the public API's first client: besides its own folder it includes only
# include/carepath, so a private include from sim/ in sim/cli/ fails the build. Run as
# cmake -DSOURCE_DIR=... -DSTAMP=... -P.
cmake_minimum_required(VERSION 3.25)
set(rank_model 0)
set(rank_stats 1)
set(rank_engine 2)
set(rank_run 3)
set(rank_io 4)
set(rank_report 5)
set(rank_cli 6)

set(problems "")

foreach(folder model stats engine run io report cli)
  file(GLOB files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/sim/${folder}/*.cpp" "${SOURCE_DIR}/sim/${folder}/*.hpp")
  foreach(file ${files})
    file(STRINGS "${SOURCE_DIR}/${file}" includes REGEX "^#include [\"<](carepath/)?[a-z_]+/")
    foreach(line ${includes})
      string(REGEX MATCH "^#include ([\"<])(carepath/)?([a-z_]+)/" _ "${line}")
      set(private "${CMAKE_MATCH_1}")
      set(target "${CMAKE_MATCH_3}")
      if(NOT DEFINED rank_${target})
        continue()  # a system header such as <boost/...> or <nlohmann/...>
      endif()
      if(private STREQUAL "<" AND NOT CMAKE_MATCH_2 STREQUAL "carepath/")
        continue()
      endif()
      if(rank_${target} GREATER rank_${folder})
        list(APPEND problems "${file}: ${line}: ${folder} may not include ${target}, a layer above it")
      elseif(folder STREQUAL "cli" AND private STREQUAL "\"" AND NOT target STREQUAL "cli")
        list(APPEND problems "${file}: ${line}: the CLI includes only include/carepath and its own folder")
      endif()
    endforeach()
  endforeach()
endforeach()

# The public headers themselves: include/carepath/<layer>/ only from its layer and below.
file(GLOB public RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/include/carepath/*/*.hpp")
foreach(file ${public})
  string(REGEX MATCH "^include/carepath/([a-z_]+)/" _ "${file}")
  set(folder "${CMAKE_MATCH_1}")
  file(STRINGS "${SOURCE_DIR}/${file}" includes REGEX "^#include [\"<]")
  foreach(line ${includes})
    if(line MATCHES "^#include \"")
      list(APPEND problems "${file}: ${line}: a public header includes only <carepath/...> and system headers")
    elseif(line MATCHES "^#include <carepath/([a-z_]+)/")
      if(rank_${CMAKE_MATCH_1} GREATER rank_${folder})
        list(APPEND problems "${file}: ${line}: ${folder} may not include ${CMAKE_MATCH_1}, a layer above it")
      endif()
    elseif(line MATCHES "^#include <(nlohmann|boost|oneapi|tbb)/")
      list(APPEND problems "${file}: ${line}: the public API names no third-party type")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n" text)
  message(FATAL_ERROR "layering of sim/ broken (cmake/check_layers.cmake):\n${text}")
endif()
file(TOUCH "${STAMP}")
