#!/usr/bin/env bash
# Prints one draft report per language to PDF with headless Chromium and checks that every section
# group starts on its own page: the PDF must have at least as many pages as the report has groups.
#   tests/report/pdf_check.sh BUILD_DIR [OUT_DIR]
# OUT_DIR (default: a temporary folder, removed afterwards) keeps the HTML and PDF files, e.g. to
# look at them with `pdftoppm -png -r 60 OUT_DIR/report.en.pdf page`.
# Needs chromium (or $CHROMIUM) and poppler-utils (pdfinfo, pdftotext). Exit 0 when all pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [OUT_DIR]" >&2; exit 2; }
build=$(cd "$1" && pwd)
nv="$build/cli/nvcheck"
[ -x "$nv" ] || { echo "no $nv: build first" >&2; exit 2; }
chromium=${CHROMIUM:-chromium}
command -v "$chromium" >/dev/null || { echo "no $chromium" >&2; exit 2; }
command -v pdfinfo >/dev/null || { echo "no pdfinfo (poppler-utils)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${2:-$tmp/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# One sample per language, each in the language its region reads first.
samples=("en:example-05" "zh-Hans:example-12" "zh-Hant:example-06")
status=0
for s in "${samples[@]}"; do
  lang=${s%%:*}
  name=${s#*:}
  html="$out/report.$lang.html"
  pdf="$out/report.$lang.pdf"
  rc=0
  "$nv" report "$root/tests/cases/reports/$name.json" --lang "$lang" -o "$html" >/dev/null || rc=$?
  if [ "$rc" -gt 1 ] || [ ! -s "$html" ]; then
    echo "FAIL $lang: nvcheck report exited $rc" >&2
    status=1
    continue
  fi
  rm -f "$pdf"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --no-pdf-header-footer --user-data-dir="$tmp/profile" \
    --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1 || true
  if [ ! -s "$pdf" ]; then
    echo "FAIL $lang: chromium wrote no PDF" >&2
    status=1
    continue
  fi
  groups=$(grep -o '<section class="group"' "$html" | wc -l)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  if [ "$groups" -lt 1 ] || [ "${pages:-0}" -lt "$groups" ]; then
    echo "FAIL $lang: $pages pages for $groups section groups ($pdf)" >&2
    status=1
  else
    echo "ok   $lang: $pages pages for $groups section groups, $size"
  fi
  case "$size" in *"(A4)"*) ;; *) echo "FAIL $lang: page size is not A4: $size" >&2; status=1 ;; esac
done
exit $status
