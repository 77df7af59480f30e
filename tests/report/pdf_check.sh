#!/usr/bin/env bash
# Prints draft reports to PDF with headless Chromium, in each language and in the trilingual form
# (--lang all), and checks the document a client hands over: A4 pages, no page under a fifth full
# (sections flow across pages; tests/report/page_fill.awk measures how far down each page's text
# reaches), and clause 10's five parts printed as headings (in all three forms for --lang all).
#   tests/report/pdf_check.sh BUILD_DIR [OUT_DIR]
# OUT_DIR (default: a temporary folder, removed afterwards) keeps the HTML and PDF files, e.g. to
# look at them with `pdftoppm -png -r 60 OUT_DIR/report.en.example-05.pdf page`.
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
command -v pdftotext >/dev/null || { echo "no pdftotext (poppler-utils)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${2:-$tmp/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
min_fill=20  # percent of the text area: "no page under a fifth full"

# Clause 10's parts as the report prints them (rules/report.json report.part), per language.
part_words() {
  case "$1" in
    zh-Hans) echo "基本信息 守法信息 遵规信息 践约信息 其他诚信信息" ;;
    zh-Hant) echo "基本資訊 守法資訊 遵規資訊 踐約資訊 其他誠信資訊" ;;
    en) echo "Basic@information Law-abiding@information Rule-abiding@information Commitment-keeping@information Other@integrity@information" ;;
    all) echo "$(part_words zh-Hans) $(part_words zh-Hant) $(part_words en)" ;;
  esac
}

# One sample per language, each in the language its region reads first; the trilingual form of each.
samples=("en:example-05" "zh-Hans:example-12" "zh-Hant:example-06" "all:example-05" "all:example-06" "all:example-12"
         "zh-Hans:gd-pass" "en:gd-pass" "all:gd-pass")
status=0
for s in "${samples[@]}"; do
  lang=${s%%:*}
  name=${s#*:}
  bad=0
  html="$out/report.$lang.$name.html"
  pdf="$out/report.$lang.$name.pdf"
  rc=0
  "$nv" report "$root/tests/cases/reports/$name.json" --lang "$lang" -o "$html" >/dev/null || rc=$?
  if [ "$rc" -gt 1 ] || [ ! -s "$html" ]; then
    echo "FAIL $lang $name: nvcheck report exited $rc" >&2
    status=1
    continue
  fi
  rm -f "$pdf"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --no-pdf-header-footer --user-data-dir="$tmp/profile" \
    --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1 || true
  if [ ! -s "$pdf" ]; then
    echo "FAIL $lang $name: chromium wrote no PDF" >&2
    status=1
    continue
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  case "$size" in *"(A4)"*) ;; *) echo "FAIL $lang $name: page size is not A4: $size" >&2; bad=1 ;; esac
  fills=$(pdftotext -bbox "$pdf" - | awk -f "$root/tests/report/page_fill.awk")
  [ "$(echo "$fills" | wc -l)" -eq "${pages:-0}" ] || { echo "FAIL $lang $name: measured $(echo "$fills" | wc -l) of $pages pages" >&2; bad=1; }
  short=$(echo "$fills" | awk -v min="$min_fill" '$2 < min {printf "%s page %d is %d%% full", sep, $1, $2; sep = "; "}')
  if [ -n "$short" ]; then
    echo "FAIL $lang $name: $short (under a fifth: $pdf)" >&2
    bad=1
  fi
  text=$(pdftotext -layout "$pdf" - | tr -s ' \n' '@@')
  for word in $(part_words "$lang"); do
    case "$text" in *"$word"*) ;; *) echo "FAIL $lang $name: clause 10's heading ${word//@/ } is not printed" >&2; bad=1 ;; esac
  done
  [ "$bad" -eq 0 ] && echo "ok   $lang $name: $pages A4 pages, filled $(echo "$fills" | awk '{printf "%s%d%%", sep, $2; sep = " "}')"
  [ "$bad" -eq 0 ] || status=1
done
[ "$status" -eq 0 ] && echo "pdf_check: all passed"
exit $status
