#!/usr/bin/env bash
# Release build into dist/: page, JS glue, wasm-opt'd .wasm and stylesheet; prints their sizes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_build_tools

say "cargo build (release, wasm32)"
cargo build --release --target wasm32-unknown-unknown --bin afterview

stage="$ROOT/target/web"
rm -rf "$stage" && mkdir -p "$stage"
say "wasm-bindgen"
wasm-bindgen --target web --no-typescript --out-dir "$stage" --out-name afterview \
  "$ROOT/target/wasm32-unknown-unknown/release/afterview.wasm"

say "wasm-opt -Oz"
wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  -o "$stage/afterview_bg.opt.wasm" "$stage/afterview_bg.wasm"

node "$ROOT/scripts/assemble.mjs" "$stage" "$ROOT/dist"
