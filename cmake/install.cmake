# SPDX-License-Identifier: MIT
# `cmake --install`: the carepath program, the static libraries (one per layer of sim/) and
# include/carepath, with a CMake package so that another project writes
#   find_package(carepath 0.2 REQUIRED)
#   target_link_libraries(app PRIVATE carepath::core)
# (or carepath::run, carepath::io ... for a layer and those below it)
# (tests/install builds such a project against an install in the build tree). Included from
# sim/CMakeLists.txt once the targets exist.
include(CMakePackageConfigHelpers)

set(CAREPATH_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/carepath)

set_target_properties(carepath_core PROPERTIES EXPORT_NAME core)
install(TARGETS carepath_version carepath_model carepath_stats carepath_engine carepath_run carepath_io
                carepath_report carepath_core
        EXPORT carepathTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS carepath RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/carepath DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT carepathTargets NAMESPACE carepath:: DESTINATION ${CAREPATH_INSTALL_CMAKEDIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/carepathConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/carepathConfig.cmake
                              INSTALL_DESTINATION ${CAREPATH_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/carepathConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/carepathConfig.cmake ${PROJECT_BINARY_DIR}/carepathConfigVersion.cmake
        DESTINATION ${CAREPATH_INSTALL_CMAKEDIR})
