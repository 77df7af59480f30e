# cmake --install BUILD [--prefix DIR]: the headers (include/nvcheck/), the libraries
# (nvcheck_core, nvcheck_rules) and a package config, so that another project can
#   find_package(nvcheck 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE nvcheck::core nvcheck::rules)
# (nvcheck::rules: the built-in rule data, builtin_rules()). Included from core/CMakeLists.txt.
include(CMakePackageConfigHelpers)
set(NVCHECK_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/nvcheck")
install(TARGETS nvcheck_core nvcheck_rules EXPORT nvcheckTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/nvcheck DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT nvcheckTargets NAMESPACE nvcheck:: DESTINATION ${NVCHECK_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/nvcheckConfig.cmake.in
  ${PROJECT_BINARY_DIR}/nvcheckConfig.cmake INSTALL_DESTINATION ${NVCHECK_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/nvcheckConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/nvcheckConfig.cmake ${PROJECT_BINARY_DIR}/nvcheckConfigVersion.cmake
  DESTINATION ${NVCHECK_CMAKE_DIR})
