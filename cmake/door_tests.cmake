# CTest entries for the doors beyond the native binaries, each labelled with its door. Included
# from tests/CMakeLists.txt. Node test files are found when the test runs (DIR/*.test.mjs), so a
# new tests/browser/x.test.mjs or tests/wasm/x.test.mjs is run without editing this file.
# The WebAssembly module is built by tools/build-wasm.sh (tools/run.sh does it before these).
find_program(NVCHECK_NODE node REQUIRED)
find_program(NVCHECK_NPM npm REQUIRED)
set(NVCHECK_WASM_DIR "${PROJECT_SOURCE_DIR}/build-wasm/wasm" CACHE PATH
  "The WebAssembly module (nvcheck.mjs, nvcheck.wasm, engine.mjs) the wasm, browser and npm tests use")
set(_src "${PROJECT_SOURCE_DIR}")
set(_npm_env "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1;PUPPETEER_SKIP_DOWNLOAD=1")

# nvcheck_node_tests(NAME LABEL DIR [FIXTURES f...]): node --test over DIR/*.test.mjs, one at a time.
function(nvcheck_node_tests name label dir)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "" "FIXTURES")
  add_test(NAME ${name}
    COMMAND sh -c "set -- \"$0\"/*.test.mjs; [ -e \"$1\" ] || { echo \"no test files in $0\"; exit 1; }; exec \"${NVCHECK_NODE}\" --test --test-concurrency=1 \"$@\"" "${dir}")
  set_tests_properties(${name} PROPERTIES LABELS ${label} TIMEOUT 1800
    ENVIRONMENT "NVCHECK_WASM_DIR=${NVCHECK_WASM_DIR};NVCHECK_BUILD_DIR=${PROJECT_BINARY_DIR}")
  if(arg_FIXTURES)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${arg_FIXTURES}")
  endif()
endfunction()

# nvcheck_npm_ci(NAME DIR LABEL): installs DIR's locked packages once, as a fixture NAME.
function(nvcheck_npm_ci name dir label)
  add_test(NAME setup.${name} COMMAND "${NVCHECK_NPM}" ci --no-audit --no-fund --loglevel=error WORKING_DIRECTORY "${dir}")
  set_tests_properties(setup.${name} PROPERTIES FIXTURES_SETUP ${name} LABELS ${label} ENVIRONMENT "${_npm_env}")
endfunction()

# wasm: the golden cases through the module under Node, byte for byte.
nvcheck_node_tests(wasm.parity wasm "${_src}/tests/wasm")

# browser: the page in Debian's chromium (dist/site built from the module first).
add_test(NAME setup.site COMMAND "${_src}/tools/build-site.sh")
set_tests_properties(setup.site PROPERTIES FIXTURES_SETUP site LABELS browser ENVIRONMENT "NVCHECK_WASM_DIR=${NVCHECK_WASM_DIR}")
nvcheck_npm_ci(browser_npm "${_src}/tests/browser" browser)
nvcheck_node_tests(browser.page browser "${_src}/tests/browser" FIXTURES site browser_npm)

# report: the draft report printed to PDF through chromium.
add_test(NAME report.pdf COMMAND "${_src}/tests/report/pdf_check.sh" "${PROJECT_BINARY_DIR}")
set_tests_properties(report.pdf PROPERTIES LABELS report TIMEOUT 1800)

# fuzz: libFuzzer smoke run (its own clang build in build-fuzz/), 100,000 seeded runs.
add_test(NAME fuzz.smoke COMMAND "${_src}/tests/fuzz/run.sh" 100000)
set_tests_properties(fuzz.smoke PROPERTIES LABELS fuzz TIMEOUT 3600)

# schemas: schemas/*.schema.json against the rule data, the parser and every golden file (ajv).
nvcheck_npm_ci(schemas_npm "${_src}/tests/schemas" schemas)
nvcheck_node_tests(schemas.golden schemas "${_src}/tests/schemas" FIXTURES schemas_npm)

# consumer: cmake --install into a temporary prefix, then find_package(nvcheck) from outside.
add_test(NAME consumer.find_package
  COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DSOURCE=${_src}
          -DWORK=${PROJECT_BINARY_DIR}/consumer-test -DCXX=${CMAKE_CXX_COMPILER}
          -P "${_src}/tests/consumer/run.cmake")
set_tests_properties(consumer.find_package PROPERTIES LABELS consumer TIMEOUT 900)

# npm: the package built into dist/npm/ and packed (tools/build-npm.sh), installed offline into an
# empty project and run under Node.
add_test(NAME setup.npm_package COMMAND "${_src}/tools/build-npm.sh")
set_tests_properties(setup.npm_package PROPERTIES FIXTURES_SETUP npm_package LABELS npm
  ENVIRONMENT "NVCHECK_WASM_DIR=${NVCHECK_WASM_DIR}")
nvcheck_node_tests(npm.package npm "${_src}/tests/npm" FIXTURES npm_package browser_npm)

# engines: one scenario in chromium, WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb) and
# firefox-esr, Debian's browsers only (tests/engines/).
nvcheck_npm_ci(engines_npm "${_src}/tests/engines" engines)
nvcheck_node_tests(engines.scenario engines "${_src}/tests/engines" FIXTURES site engines_npm)

# docs: docs/formats.md names every error code, command and option; links reach their headings.
add_test(NAME docs.check COMMAND bash "${_src}/tests/docs/check_docs.sh")
set_tests_properties(docs.check PROPERTIES LABELS docs)
