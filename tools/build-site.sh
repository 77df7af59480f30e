#!/bin/sh
# Assembles the static site into dist/site/: the page (web/; its engine worker engine-worker.js,
# which imports engine.mjs, stays a file of its own, kept by the service worker as every file
# the bundle does not hold), the engine adapter
# (wasm/engine.mjs), the WebAssembly module (build-wasm/wasm/nvcheck.{mjs,wasm}), the demo
# samples (web/samples/) and the rule data (rules/wq179.json). Any static host can serve the
# folder; `node tools/serve.mjs` does. Then the first paint's texts (tools/first-paint.mjs), the
# page's modules and styles joined (tools/bundle.mjs, with Debian's esbuild), the service worker's
# list of files and version (tools/precache.mjs) and the precompressed .br/.gz copies
# (tools/precompress.mjs).
#
#   tools/build-site.sh            # needs tools/build-wasm.sh to have run
#   NVCHECK_WASM_DIR=dir tools/build-site.sh   # take nvcheck.{mjs,wasm} from elsewhere
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist/site"
wasm_dir="${NVCHECK_WASM_DIR:-$root/build-wasm/wasm}"

for f in "$wasm_dir/nvcheck.mjs" "$wasm_dir/nvcheck.wasm" "$root/wasm/engine.mjs" "$root/web/index.html"; do
  if [ ! -f "$f" ]; then
    echo "build-site: missing $f (build the WebAssembly module first: tools/build-wasm.sh)" >&2
    exit 1
  fi
done

rm -rf "$out"
mkdir -p "$out/samples"
for f in "$root"/web/*.html "$root"/web/*.js "$root"/web/*.css "$root"/web/*.webmanifest "$root"/web/icon*; do
  cp "$f" "$out/"
done
cp "$root"/web/samples/*.json "$out/samples/"
# The rule data beside the page: the page uses it when its id or version differs from the
# module's built-in copy, so an association can adjust the lists without a rebuild.
mkdir -p "$out/rules"
cp "$root/rules/wq179.json" "$out/rules/wq179.json"
cp "$root/rules/standard.json" "$out/rules/standard.json"  # the standard view's text (web/standard-view.js)
cp "$root/wasm/engine.mjs" "$out/engine.mjs"
cp "$wasm_dir/nvcheck.mjs" "$wasm_dir/nvcheck.wasm" "$out/"

node "$root/tools/first-paint.mjs" "$out"  # the first frame's texts in the three languages
node "$root/tools/bundle.mjs" "$out"       # the page's modules and styles in one file each
node "$root/tools/precache.mjs" "$out"
node "$root/tools/precompress.mjs" "$out"

count=$(find "$out" -type f ! -name '*.br' ! -name '*.gz' | wc -l)
echo "build-site: $count files in $out"
echo "serve it:   node tools/serve.mjs    (then open http://localhost:8179/)"
