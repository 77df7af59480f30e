#!/usr/bin/env bash
# Builds the WebAssembly module (nvcheck.mjs + nvcheck.wasm + engine.mjs) into build-wasm/wasm/
# with Debian's emscripten, and prints its sizes raw and gzipped. Safe to run again.
#   tools/build-wasm.sh [BUILD_DIR]      (default: build-wasm; extra cmake -D options via NVCHECK_WASM_CMAKE_ARGS)
# Needs: emscripten (3.1.6), nodejs, nlohmann-json3-dev (docs/toolchain.md "WebAssembly").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/${1:-build-wasm}"

# emcc runs Debian's acorn through /usr/bin/node (docs/toolchain.md "WebAssembly").
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# Debian's cache (/usr/share/emscripten/cache) is frozen and already holds every library this
# build links, so a non-root user builds without writing to it. Should emcc ever need to write
# its cache, point EM_CACHE at a writable copy, e.g.
#   cp -r /usr/share/emscripten/cache "$build/.emcache" && export EM_CACHE="$build/.emcache"

command -v emcmake >/dev/null || { echo "build-wasm: emcmake not found (apt-get install emscripten)" >&2; exit 2; }
# shellcheck disable=SC2086
log=$(emcmake cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release ${NVCHECK_WASM_CMAKE_ARGS:-} 2>&1) || { echo "$log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)"

out="$build/wasm"
total_raw=0
total_gz=0
printf '%-14s %10s %10s\n' file bytes gzip-9
for f in nvcheck.mjs nvcheck.wasm; do
  raw=$(stat -c %s "$out/$f")
  gz=$(gzip -9c "$out/$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-14s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-14s %10d %10d  (%d KiB gzipped)\n' total "$total_raw" "$total_gz" $(((total_gz + 1023) / 1024))
echo "module: $out/nvcheck.mjs, $out/nvcheck.wasm; adapter: $out/engine.mjs"
