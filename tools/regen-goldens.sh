#!/usr/bin/env bash
# Regenerates the byte goldens of tests/cases/golden/ with the native CLI, in three languages.
# After an intended change: run it, read `git diff tests/cases/golden`, explain it in the commit.
#   tools/regen-goldens.sh [BUILD_DIR]      (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
nv="$root/${1:-build}/cli/nvcheck"
[ -x "$nv" ] || { echo "no $nv: build first" >&2; exit 2; }
for dir in good invalid; do
  mkdir -p "$root/tests/cases/golden/$dir"
  for f in "$root"/tests/cases/$dir/*.json; do
    case "$f" in *.expect.json) continue ;; esac
    name=$(basename "$f" .json)
    on=$(sed -n 's/.*"on": *"\([0-9-]*\)".*/\1/p' "$root/tests/cases/$dir/$name.expect.json" | head -n1)
    for lang in en zh-Hans zh-Hant; do
      args=(--lang "$lang")
      [ -n "$on" ] && args+=(--on "$on")
      "$nv" check "$f" "${args[@]}" > "$root/tests/cases/golden/$dir/$name.$lang.result.json" 2>/dev/null || true
      "$nv" plan "$f" "${args[@]}" > "$root/tests/cases/golden/$dir/$name.$lang.plan.json" 2>/dev/null || true
    done
  done
done
echo "goldens written to tests/cases/golden/ (review: git diff --stat tests/cases/golden)"
