#!/usr/bin/env bash
# Builds and runs the libFuzzer target over parse, validate, evaluate, plan and report.
#   tests/fuzz/run.sh [RUNS]           deterministic short run (fixed seed), as in the test command
#   tests/fuzz/run.sh --time SECONDS   a longer, time-boxed run (not part of the tests)
# A crash leaves crash-* in build-fuzz/; turn it into a case in tests/cases/invalid (or good).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
b="$root/build-fuzz"
CXX=clang++ cmake -S "$root" -B "$b" -DNVCHECK_FUZZ=ON -DNVCHECK_BUILD_TESTS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$b" -j"$(nproc)" --target nvcheck_fuzz nvcheck_fuzz_rules >/dev/null
corpus="$b/corpus"
rm -rf "$corpus" && mkdir -p "$corpus"
for f in "$root"/tests/cases/good/*.json "$root"/tests/cases/invalid/*.json; do
  case "$f" in *.expect.json) continue ;; esac
  cp "$f" "$corpus/"
done
cd "$b"
if [ "${1:-}" = "--time" ]; then
  ./tests/nvcheck_fuzz -max_total_time="${2:-600}" -max_len=16384 "$corpus"
else
  ./tests/nvcheck_fuzz -seed=1 -runs="${1:-20000}" -max_len=8192 "$corpus" 2>&1 | tail -n 3
fi
# The rule data target: edits of the built-in rule set (short, seeded: each run loads a rule set).
rules_corpus="$b/rules-corpus"
rm -rf "$rules_corpus" && mkdir -p "$rules_corpus" && cp "$root"/tests/fuzz/rules_corpus/* "$rules_corpus/"
if [ "${1:-}" = "--time" ]; then
  ./tests/nvcheck_fuzz_rules -max_total_time="${2:-600}" -max_len=4096 "$rules_corpus"
else
  ./tests/nvcheck_fuzz_rules -seed=1 -runs="${NVCHECK_FUZZ_RULES_RUNS:-100}" -max_len=2048 "$rules_corpus" 2>&1 | tail -n 3
fi
echo "fuzz: no finding"
