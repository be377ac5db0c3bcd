# SPDX-License-Identifier: MIT
# Run by ctest (tests/install/CMakeLists.txt) as cmake -P: installs the build tree into PREFIX,
# then configures, builds and runs tests/install/consumer against it with find_package(carepath).
# Fails with the failing step's output.
file(REMOVE_RECURSE "${PREFIX}" "${WORK}")
function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${output}")
  endif()
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

step("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
step("configuring the consumer" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/install/consumer" -B "${WORK}"
     -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DCMAKE_CXX_COMPILER=${CXX}")
step("building the consumer" "${CMAKE_COMMAND}" --build "${WORK}")
step("running the consumer" "${WORK}/consumer" "${SOURCE_DIR}/scenarios/examples/mm1.json")
if(NOT step_output MATCHES "^wait_mean [0-9.e+-]+\n$")
  message(FATAL_ERROR "the consumer printed: ${step_output}")
endif()
