# Dependencies from Debian's packages (nlohmann-json3-dev, doctest-dev for the tests).
# Under Emscripten the sysroot cannot see /usr/include: a folder holding only the nlohmann header
# directory is put on the include path instead.
if(EMSCRIPTEN)
  set(NVCHECK_HOST_INCLUDE "/usr/include" CACHE PATH "Where the nlohmann headers are")
  set(_inc "${CMAKE_BINARY_DIR}/host-include")
  file(MAKE_DIRECTORY "${_inc}")
  foreach(dir nlohmann)
    if(NOT EXISTS "${_inc}/${dir}")
      file(CREATE_LINK "${NVCHECK_HOST_INCLUDE}/${dir}" "${_inc}/${dir}" SYMBOLIC)
    endif()
  endforeach()
  add_library(nvcheck_deps INTERFACE)
  target_include_directories(nvcheck_deps SYSTEM INTERFACE "${_inc}")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(nvcheck_deps INTERFACE)
  target_link_libraries(nvcheck_deps INTERFACE nlohmann_json::nlohmann_json)
endif()
