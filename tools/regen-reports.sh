#!/usr/bin/env bash
# Regenerates the draft-report goldens of tests/cases/reports/ with the native CLI, in three languages and the trilingual form (all).
# After an intended change: run it, read `git diff tests/cases/reports`, explain it in the commit.
#   tools/regen-reports.sh [BUILD_DIR]      (default: build)
# Each sample is evaluated on its own application.date (no --on), so the bytes never depend on today.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
nv="$root/${1:-build}/cli/nvcheck"
[ -x "$nv" ] || { echo "no $nv: build first" >&2; exit 2; }
# The samples (inputs are copies of the spec's worked examples: HK, MO, GD; and the page's passing GD demo,
# the one report with the mark specimen).
samples=(example-05 example-06 example-12 gd-pass)
dir="$root/tests/cases/reports"
for name in "${samples[@]}"; do
  [ -f "$dir/$name.json" ] || { echo "missing input $dir/$name.json" >&2; exit 2; }
  for lang in en zh-Hans zh-Hant all; do
    rc=0
    "$nv" report "$dir/$name.json" --lang "$lang" -o "$dir/$name.$lang.html" >/dev/null || rc=$?
    # 0 pass, 1 fail: both write a report; 2 means the input is invalid or the command failed.
    [ "$rc" -le 1 ] || { echo "nvcheck report failed ($rc) for $name $lang" >&2; exit 2; }
  done
done
echo "reports written to tests/cases/reports/ (review: git diff --stat tests/cases/reports)"
