#!/bin/sh
# Builds the npm package into dist/npm/ (package.json, index.mjs + index.d.ts, the adapter
# engine.mjs, the module nvcheck.mjs + nvcheck.wasm, README.md) and packs it into
# dist/nvcheck-VERSION.tgz. Its version is the engine's (CMakeLists.txt project VERSION); its
# "nvcheck" field names the engine and the rule data built into the module.
#   tools/build-npm.sh                          # after tools/build-wasm.sh
#   NVCHECK_WASM_DIR=dir tools/build-npm.sh     # take nvcheck.{mjs,wasm} from elsewhere
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist/npm"
wasm_dir="${NVCHECK_WASM_DIR:-$root/build-wasm/wasm}"
for f in "$wasm_dir/nvcheck.mjs" "$wasm_dir/nvcheck.wasm"; do
  [ -f "$f" ] || { echo "build-npm: missing $f (build the module first: tools/build-wasm.sh)" >&2; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"
cp "$root/wasm/engine.mjs" "$wasm_dir/nvcheck.mjs" "$wasm_dir/nvcheck.wasm" \
   "$root/tools/npm/index.mjs" "$root/tools/npm/index.d.ts" "$root/tools/npm/README.md" "$out/"
NVCHECK_ROOT="$root" node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
const root = process.env.NVCHECK_ROOT;
const cmake = readFileSync(`${root}/CMakeLists.txt`, "utf8");
const version = /project\(nvcheck\s+VERSION\s+([0-9.]+)/.exec(cmake)[1];
const rules = JSON.parse(readFileSync(`${root}/rules/wq179.json`, "utf8"));
const pkg = {
  name: "nvcheck",
  version,
  description: `Pre-check against ${rules.id} (GBA "No Violation" Green Certification), rule data ${rules.version}: WebAssembly engine for Node and browsers`,
  type: "module",
  main: "./index.mjs",
  types: "./index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", default: "./index.mjs" },
    "./engine.mjs": "./engine.mjs",
    "./nvcheck.mjs": "./nvcheck.mjs",
    "./nvcheck.wasm": "./nvcheck.wasm",
    "./package.json": "./package.json",
  },
  files: ["index.mjs", "index.d.ts", "engine.mjs", "nvcheck.mjs", "nvcheck.wasm", "README.md"],
  sideEffects: false,
  engines: { node: ">=18" },
  keywords: ["wq-179", "greater-bay-area", "credit", "compliance", "webassembly"],
  nvcheck: { engine: version, rules: { id: rules.id, version: rules.version } },
};
writeFileSync(`${root}/dist/npm/package.json`, JSON.stringify(pkg, null, 2) + "\n");
'
cd "$root/dist"
rm -f nvcheck-*.tgz
tgz=$(npm pack ./npm --silent)
echo "build-npm: $out, packed as dist/$tgz"
