# Builds the rule data under rules/ into a C++ source, so that the CLI has a built-in default and
# the WebAssembly module carries its rules (one source of truth, no copy by hand).
set(NVCHECK_RULES_FILES
  "${PROJECT_SOURCE_DIR}/rules/wq179.json"
  "${PROJECT_SOURCE_DIR}/rules/texts.json"
  "${PROJECT_SOURCE_DIR}/rules/report.json")
set(NVCHECK_RULES_CPP "${CMAKE_BINARY_DIR}/generated/builtin_rules_data.cpp")
# The built-in set's digest, compiled into the engine (nvcheck/rules_identity.hpp).
set(NVCHECK_RULES_DIGEST_CPP "${CMAKE_BINARY_DIR}/generated/builtin_rules_digest.cpp")
# Called from core/CMakeLists.txt: the rule must live in the directory of the target using it.
macro(nvcheck_embed_rules)
add_custom_command(
  OUTPUT "${NVCHECK_RULES_CPP}" "${NVCHECK_RULES_DIGEST_CPP}"
  COMMAND ${CMAKE_COMMAND} -DOUT=${NVCHECK_RULES_CPP} -DDIGEST_OUT=${NVCHECK_RULES_DIGEST_CPP} -DDIR=${PROJECT_SOURCE_DIR}/rules
          -P "${PROJECT_SOURCE_DIR}/cmake/write_rules_cpp.cmake"
  DEPENDS ${NVCHECK_RULES_FILES} "${PROJECT_SOURCE_DIR}/cmake/write_rules_cpp.cmake"
  COMMENT "Embedding rules/ into the engine")
endmacro()
