#!/usr/bin/env bash
# Release build into dist/: page, JS glue, wasm-opt'd .wasm and stylesheet; prints their sizes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_build_tools

say "cargo build (release, wasm32)"
cargo build --release --target wasm32-unknown-unknown --bin afterview --features split

stage="$ROOT/target/web"
rm -rf "$stage" && mkdir -p "$stage/split"
# Views behind `#[wasm_split]` (src/components/lazy.rs) go to chunks fetched on first use; the
# main module keeps what Today needs. The splitter reads cargo's output (linked with
# --emit-relocs, see .cargo/config.toml) and writes the main module, the chunks and their loader.
say "wasm-split"
wasm-split-cli --target web --out-name afterview \
  "$ROOT/target/wasm32-unknown-unknown/release/afterview.wasm" "$stage/split"

say "wasm-bindgen"
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$stage" --out-name afterview \
  "$stage/split/afterview.wasm"

say "wasm-opt -Oz"
features=(--enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-multivalue)
# --converge repeats the passes until the module stops shrinking (about 0.2 kB brotli here).
wasm-opt -Oz --converge "${features[@]}" -o "$stage/afterview_bg.opt.wasm" "$stage/afterview_bg.wasm"
mkdir -p "$stage/chunks"
for chunk in "$stage"/split/*.wasm; do
  name="$(basename "$chunk")"
  [ "$name" = afterview.wasm ] && continue
  # The splitter writes a name subsection binaryen does not know; its warning is noise.
  wasm-opt -Oz "${features[@]}" -o "$stage/chunks/$name" "$chunk" \
    2> >(grep -v "unknown name subsection" >&2)
done
cp "$stage/split/__wasm_split.js" "$stage/chunks/"

node "$ROOT/scripts/assemble.mjs" "$stage" "$ROOT/dist"
