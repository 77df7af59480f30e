#!/usr/bin/env bash
# Builds the WebAssembly module with several sets of flags and times each under Node
# (bench/bench_wasm.mjs on small, medium and large), rounds interleaved so that a disturbance on a
# shared machine spreads over all of them; prints one table (best round, median in brackets).
# Asserts nothing. The table in bench/README.md was made with it (a longer list of variants).
#   bench/wasm_variants.sh [ROUNDS]        (default 3; NVCHECK_BENCH_SECONDS per file, default 1)
# Variants: NVCHECK_WASM_VARIANTS, lines "tag|cmake options" (default: the list below). Each one is
# built into build-wasm-variants/TAG (NVCHECK_VARIANTS_DIR), ~20 s apiece on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds="${1:-3}"
seconds="${NVCHECK_BENCH_SECONDS:-1}"
dir="${NVCHECK_VARIANTS_DIR:-$root/build-wasm-variants}"
data="$root/bench/data"
dl="-DNVCHECK_WASM_MALLOC=dlmalloc"
variants="${NVCHECK_WASM_VARIANTS:-"\
Oz (former default)|-DNVCHECK_WASM_OPT=-Oz $dl -DNVCHECK_WASM_BULK_MEMORY=OFF
Os|-DNVCHECK_WASM_OPT=-Os $dl -DNVCHECK_WASM_BULK_MEMORY=OFF
O3|-DNVCHECK_WASM_OPT=-O3 $dl -DNVCHECK_WASM_BULK_MEMORY=OFF
O2|-DNVCHECK_WASM_OPT=-O2 $dl -DNVCHECK_WASM_BULK_MEMORY=OFF
O2 + emmalloc + bulk memory|-DNVCHECK_WASM_OPT=-O2 -DNVCHECK_WASM_MALLOC=emmalloc
O3 + bulk memory|-DNVCHECK_WASM_OPT=-O3 $dl
O2 + bulk memory (default)|-DNVCHECK_WASM_OPT=-O2 $dl"}"

node "$root/bench/gen.mjs" --out "$data" >/dev/null
results=$(mktemp)
trap 'rm -f "$results"' EXIT

tags=()
while IFS='|' read -r tag args; do
  [ -n "$tag" ] || continue
  slug=$(echo "$tag" | tr -c 'A-Za-z0-9\n' '-' | tr -s '-' | sed 's/-$//')
  [ -n "$slug" ] || { echo "wasm_variants: bad variant name '$tag'" >&2; exit 2; }
  rel=$(realpath -m --relative-to="$root" "$dir/$slug")  # build-wasm.sh takes a folder under the root
  echo "building $tag ($args) into $rel ..." >&2
  NVCHECK_WASM_CMAKE_ARGS="$args" "$root/tools/build-wasm.sh" "$rel" >/dev/null
  tags+=("$tag|$slug|$args")
done <<< "$variants"

for r in $(seq 1 "$rounds"); do
  for entry in "${tags[@]}"; do
    IFS='|' read -r tag slug args <<< "$entry"
    echo "round $r/$rounds: $tag" >&2
    gz=0
    for f in nvcheck.mjs nvcheck.wasm; do gz=$((gz + $(gzip -9c "$dir/$slug/wasm/$f" | wc -c))); done
    NVCHECK_WASM_DIR="$dir/$slug/wasm" node "$root/bench/bench_wasm.mjs" "$data/small.jsonl" "$data/medium.jsonl" \
      "$data/large.jsonl" --json --seconds "$seconds" | while read -r line; do
        printf '{"tag":"%s","args":"%s","gzip":%d,%s\n' "$tag" "$args" "$gz" "${line#\{}"
      done >> "$results"
  done
done

node - "$results" <<'EOF'
const fs = require('node:fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const tags = [...new Set(rows.map((r) => r.tag))];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const first = {};
for (const r of rows.filter((x) => x.tag === tags[0])) first[r.file] = r.output_sha256;
const cell = (tag, size) => {
  const xs = rows.filter((r) => r.tag === tag && r.file.endsWith(`/${size}.jsonl`)).map((r) => r.us_per_enterprise);
  return { best: Math.min(...xs), median: median(xs) };
};
const base = cell(tags[0], 'medium').best;
const table = [['variant', 'cmake options', 'gzipped', 'small µs', 'medium µs', 'large µs', 'speed (medium)', 'output']];
for (const tag of tags) {
  const any = rows.find((r) => r.tag === tag);
  const c = ['small', 'medium', 'large'].map((s) => cell(tag, s));
  const same = rows.filter((r) => r.tag === tag).every((r) => r.output_sha256 === first[r.file]);
  table.push([tag, `\`${any.args}\``, `${any.gzip} B (${Math.round(any.gzip / 1024)} KiB)`,
    ...c.map((x) => `${x.best.toFixed(1)} (${x.median.toFixed(1)})`), `${(base / c[1].best).toFixed(2)}x`,
    same ? 'same' : 'DIFFERENT']);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log('');
console.log(line(table[0]));
console.log(`|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log(`\nµs per enterprise under Node: best of ${rows.length / tags.length / 3} rounds (median in brackets); gzipped = gzip -9 of ` +
            `nvcheck.mjs + nvcheck.wasm; speed relative to the first row; output: sha-256 of all result lines vs the first row.`);
EOF
