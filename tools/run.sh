#!/usr/bin/env bash
# nvcheck's two jobs on a fresh Debian (bookworm) machine, as the README gives them:
#   tools/run.sh serve [PORT]   install what is missing, build engine + WebAssembly + page, serve it
#   tools/run.sh test           install what is missing, build, run every test
# Also: tools/run.sh install | build | bench
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)

# Debian packages the project needs (docs/toolchain.md "Packages"): build, sanitizers and fuzzing,
# WebAssembly, browser tests and PDF, CJK fonts; the other two engines (WebKitGTK's
# WebKitWebDriver and MiniBrowser under Xvfb, Firefox ESR); the bundler of the site's modules.
packages=(cmake make g++ nlohmann-json3-dev doctest-dev emscripten clang libclang-rt-14-dev
          chromium poppler-utils fonts-wqy-zenhei ca-certificates
          webkit2gtk-driver xvfb firefox-esr esbuild)

install() {
  local missing=() p sudo=""
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "installing: ${missing[*]}"
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" || {
      echo "run.sh: apt-get install failed" >&2; exit 2; }
  fi
}

# Build folders and options are CMakePresets.json's: native (build/), asan (build-asan/), wasm.
build_native() {
  cmake --preset native >/dev/null && cmake --build --preset native -j"$jobs"
}
build_wasm() { tools/build-wasm.sh build-wasm; }
build_site() { tools/build-site.sh; }
build() { build_native && build_wasm && build_site; }

# --- tests: every runner's counts are summed into one closing line ---------------------------
passed=0
failed=0
stage_failed=()
log=$(mktemp)
count_ctest() {  # "100% tests passed, 0 tests failed out of 15"
  local line t f
  line=$(grep -E "tests failed out of [0-9]+" "$log" | tail -n1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  f=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
  t=$(sed -E 's/.* tests failed out of ([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + t - f)); failed=$((failed + f))
}
count_ctest_node() {  # node --test under ctest -V prints "N: # pass P" and "N: # fail F" per test
  local p f cf
  p=$(grep -E "^[0-9]+: # pass [0-9]+" "$log" | awk '{s += $4} END {print s + 0}')
  f=$(grep -E "^[0-9]+: # fail [0-9]+" "$log" | awk '{s += $4} END {print s + 0}')
  cf=$(grep -E "tests failed out of [0-9]+" "$log" | tail -n1 | sed -E 's/.* ([0-9]+) tests failed out of.*/\1/')
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + p)); failed=$((failed + f))
  # a setup step (npm ci, the site) that failed shows no node counts: count it
  if [ "$f" -eq 0 ] && [ "${cf:-0}" -gt 0 ]; then failed=$((failed + cf)); fi
}
count_node() {  # node --test prints "# pass N" and "# fail N"
  local p f
  p=$(grep -E "^# pass [0-9]+" "$log" | tail -n1 | awk '{print $3}')
  f=$(grep -E "^# fail [0-9]+" "$log" | tail -n1 | awk '{print $3}')
  if [ -z "$p" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + p)); failed=$((failed + ${f:-0}))
}
stage() {  # stage NAME COUNTER COMMAND...
  local name=$1 counter=$2 rc
  shift 2
  echo
  echo "=== $name"
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  case "$counter" in
    ctest) count_ctest ;;
    node) count_node ;;
    ctest-node) count_ctest_node ;;
    one) if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi ;;
  esac
  [ "$rc" -eq 0 ] || stage_failed+=("$name")
}

# Every suite is a CTest test labelled with its door (tests/CMakeLists.txt, cmake/door_tests.cmake);
# each stage runs one test preset of CMakePresets.json in the native build.
native_tests() { build_native >/dev/null && ctest --preset native -j"$jobs"; }
sanitizer_tests() {
  cmake --preset asan >/dev/null &&
    cmake --build --preset asan -j"$jobs" >/dev/null &&
    ctest --preset asan -j"$jobs"
}
fuzz_test() { ctest --preset fuzz; }
wasm_tests() { build_wasm >/dev/null && ctest --preset wasm -V; }
report_pdf_test() { ctest --preset report; }
browser_tests() { ctest --preset browser -V; }   # builds dist/site and installs its packages first
engines_tests() { ctest --preset engines -V; }   # the page in chromium, WebKit and Firefox (Xvfb started by the tests)
npm_tests() { ctest --preset npm -V; }

run_tests() {
  install
  stage "native: unit, golden, CLI, schema, CMake package and docs tests (ctest)" ctest native_tests
  stage "sanitizers: the same under ASan + UBSan (ctest)" ctest sanitizer_tests
  stage "fuzz: libFuzzer, 100000 seeded runs (ctest)" ctest fuzz_test
  stage "wasm: golden parity under Node (ctest, node --test)" ctest-node wasm_tests
  stage "report: PDF through chromium (ctest)" ctest report_pdf_test
  stage "browser: the page in chromium (ctest, node --test)" ctest-node browser_tests
  stage "engines: the page in chromium, WebKit and Firefox (ctest, node --test)" ctest-node engines_tests
  stage "npm: the packed package installed and run under Node (ctest, node --test)" ctest-node npm_tests
  echo
  if [ ${#stage_failed[@]} -gt 0 ]; then
    printf 'failed stage: %s\n' "${stage_failed[@]}"
  fi
  echo "nvcheck: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ ${#stage_failed[@]} -eq 0 ]
}

case "${1:-}" in
  install) install ;;
  build) install && build ;;
  serve) install && build && exec node tools/serve.mjs dist/site "${2:-8179}" ;;
  test) run_tests ;;
  bench) install && build_native && build_wasm && bench/run.sh ;;
  *) echo "usage: tools/run.sh serve [PORT] | test | install | build | bench" >&2; exit 2 ;;
esac
