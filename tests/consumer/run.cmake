# cmake -DBUILD=dir -DSOURCE=dir -DWORK=dir -P run.cmake: installs the build tree BUILD into
# WORK/prefix, builds tests/consumer against it with find_package(nvcheck) and checks that it gives
# the golden result of a good case byte for byte.
file(REMOVE_RECURSE "${WORK}")
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()
run(${CMAKE_COMMAND} --install "${BUILD}" --prefix "${WORK}/prefix")
foreach(f include/nvcheck/nvcheck.hpp lib/cmake/nvcheck/nvcheckConfig.cmake)
  if(NOT EXISTS "${WORK}/prefix/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S "${SOURCE}/tests/consumer" -B "${WORK}/build" -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_PREFIX_PATH=${WORK}/prefix" -DCMAKE_CXX_COMPILER=${CXX})
run(${CMAKE_COMMAND} --build "${WORK}/build")
set(case 01-gd-pass-on-anniversaries)  # its evaluation date is the file's application date
execute_process(COMMAND "${WORK}/build/consumer" "${SOURCE}/tests/cases/good/${case}.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
file(READ "${SOURCE}/tests/cases/golden/good/${case}.en.result.json" golden)
if(NOT rc EQUAL 0 OR NOT out STREQUAL golden)
  message(FATAL_ERROR "consumer gave (${rc}):\n${out}\nexpected:\n${golden}")
endif()
file(REMOVE_RECURSE "${WORK}")
message(STATUS "consumer: find_package(nvcheck) built and gave the golden result")
