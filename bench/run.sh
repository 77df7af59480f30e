#!/usr/bin/env bash
# Runs the benchmark: generates bench/data/, builds what is missing, times the native library and
# the WebAssembly module against V8's JSON.parse, and prints one table; then, when chromium and the
# built site are there, times the page (bench/page_bench.mjs). Asserts nothing.
#   bench/run.sh                      (NVCHECK_BENCH_SECONDS per measurement, default 1.5)
# Build folders: NVCHECK_BUILD_DIR (default build), NVCHECK_WASM_BUILD_DIR (default build-wasm);
# the site: NVCHECK_SITE_DIR (default dist/site, from tools/build-site.sh); NVCHECK_PAGE_BENCH=0
# skips the page.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${NVCHECK_BUILD_DIR:-$root/build}"
wasm_build="${NVCHECK_WASM_BUILD_DIR:-$root/build-wasm}"
seconds="${NVCHECK_BENCH_SECONDS:-1.5}"
data="$root/bench/data"

node "$root/bench/gen.mjs" --out "$data"
[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target nvcheck_bench nvcheck >/dev/null
"$root/tools/build-wasm.sh" "$(realpath --relative-to="$root" "$wasm_build")" | tail -n 4

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for size in small medium large; do
  file="$data/$size.jsonl"
  echo "timing $size ..." >&2
  # One process per size and door, so that each peak RSS is that run's own.
  "$build/bench/nvcheck_bench" "$file" --json --seconds "$seconds" >> "$results"
  NVCHECK_WASM_DIR="$wasm_build/wasm" node "$root/bench/bench_wasm.mjs" "$file" --json --seconds "$seconds" >> "$results"
  # The CLI's lines, to compare with the module's (exit 1 just says some enterprise failed).
  sha=$({ "$build/cli/nvcheck" check --jsonl "$file" --lang en || true; } | sha256sum | cut -d' ' -f1)
  echo "{\"door\":\"cli\",\"file\":\"$file\",\"output_sha256\":\"$sha\"}" >> "$results"
done

node - "$results" <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const by = (door, file) => rows.find((r) => r.door === door && r.file === file);
const files = [...new Set(rows.map((r) => r.file))];
const table = [['size', 'enterprises', 'KiB each', 'pass', 'JSON.parse floor µs', 'native µs (ratio)',
                'wasm µs (ratio)', 'wasm/native', 'peak RSS native / node+wasm (loaded)', 'wasm output = CLI']];
for (const file of files) {
  const n = by('native', file), w = by('wasm', file), c = by('cli', file);
  const floor = w.floor_us;
  table.push([
    path.basename(file, '.jsonl'), String(n.enterprises), n.input_kib.toFixed(1),
    `${Math.round((100 * n.verdicts.pass) / n.enterprises)}%`, floor.toFixed(1),
    `${n.us_per_enterprise.toFixed(1)} (${(n.us_per_enterprise / floor).toFixed(1)}x)`,
    `${w.us_per_enterprise.toFixed(1)} (${(w.us_per_enterprise / floor).toFixed(1)}x)`,
    `${(w.us_per_enterprise / n.us_per_enterprise).toFixed(1)}x`,
    `${(n.peak_rss_kib / 1024).toFixed(0)} MiB / ${(w.peak_rss_kib / 1024).toFixed(0)} MiB (${(w.rss_loaded_kib / 1024).toFixed(0)})`,
    w.output_sha256 === c.output_sha256 ? 'identical' : 'DIFFERENT',
  ]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log('');
console.log(line(table[0]));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log('\nµs per enterprise, best round of 0.1 s (lower is better); ratios are to the JSON.parse floor;\n' +
            'wasm = engine.mjs evaluate() under Node, a JS string in and out; (loaded) = Node\'s RSS with the\n' +
            'module started, before any data; "wasm output = CLI": sha-256 of all result lines vs nvcheck check --jsonl.');
EOF

# The batch door: 100,000 medium enterprises streamed through `nvcheck check --jsonl -` with every
# core, constant memory (issue 8: peak RSS under 64 MiB), output order kept.
echo ""
nv="$build/cli/nvcheck"
if [ -x "$nv" ] && [ -x /usr/bin/time ]; then
  rounds=${NVCHECK_BATCH_ROUNDS:-100}
  n=$((rounds * $(wc -l < "$root/bench/data/medium.jsonl")))
  start=$(date +%s.%N)
  stats=$( { for _ in $(seq "$rounds"); do cat "$root/bench/data/medium.jsonl"; done; } |
           /usr/bin/time -f "%M %U %S" "$nv" check --jsonl - 2>&1 >/dev/null | tail -n1 || true)
  end=$(date +%s.%N)
  read -r rss user sys <<<"$stats"
  awk -v n="$n" -v s="$start" -v e="$end" -v rss="$rss" -v u="$user" -v y="$sys" -v j="$(nproc)" 'BEGIN {
    w = e - s; printf "batch: %d medium enterprises through nvcheck check --jsonl - (--jobs %d): %.1f s wall, %.0f enterprises/s, %.1f us CPU each, peak RSS %.1f MiB\n", n, j, w, n / w, (u + y) * 1e6 / n, rss / 1024 }'
else
  echo "batch skipped: needs $nv and GNU time (/usr/bin/time, Debian package time)"
fi

# The page in headless chromium: optional, skipped with a message when something is missing.
site="${NVCHECK_SITE_DIR:-$root/dist/site}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
echo ""
if [ "${NVCHECK_PAGE_BENCH:-1}" = 0 ]; then
  echo "page benchmark skipped (NVCHECK_PAGE_BENCH=0)"
elif [ ! -x "$chromium" ]; then
  echo "page benchmark skipped: no chromium at $chromium (apt-get install chromium)"
elif [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
  echo "page benchmark skipped: no playwright-core (cd tests/browser && npm ci)"
elif [ ! -f "$site/index.html" ]; then
  echo "page benchmark skipped: no site in $site (tools/build-site.sh)"
else
  if ! cmp -s "$site/nvcheck.wasm" "$wasm_build/wasm/nvcheck.wasm"; then
    echo "note: $site holds another module than $wasm_build/wasm (tools/build-site.sh to update it)"
  fi
  NVCHECK_SITE_DIR="$site" CHROMIUM="$chromium" node "$root/bench/page_bench.mjs" ||
    echo "page benchmark failed (exit $?); the table above stands"
fi
