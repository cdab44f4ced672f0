#!/usr/bin/env bash
# Performance benchmark (not part of the test command). Installs what is missing, builds the
# release and small Yew and Leptos anchors with the same profile, then measures side by side in
# one headless Chromium (app, anchors, plain-JS floor, interleaved; CPU 1x and 4x): transfer
# sizes, startup, long tasks, DOM size, rendering, and the planner in wasm; prints a table with
# PASS/FAIL budget lines and writes it to docs/PERFORMANCE.md. Takes several minutes.
#   scripts/bench.sh            (BENCH_RUNS=N changes the browser runs per figure; default 7)
#   BENCH_REUSE=1 scripts/bench.sh   keeps the previous run's wasm planner figures, stored data,
#                                    anchor and twiggy output (a quick re-run after an app change)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

work="$ROOT/target/bench"
reuse="${BENCH_REUSE:-0}"
if [ "$reuse" = 1 ] && [ -f "$work/anchor/anchor_bg.wasm" ] && [ -f "$work/backup-1000.json" ]; then
  rm -rf "$work/site"
else
  reuse=0
  rm -rf "$work" && mkdir -p "$work"
fi

say "installing what is missing"
ensure_build_tools
ensure_chromium

say "release build"
bash scripts/build.sh

if [ "$reuse" = 0 ]; then
# build_anchor DIR CRATE NAME: builds benches/DIR (package CRATE) with the app's release profile
# and flags into $work/DIR, as NAME.js and NAME_bg.wasm beside its index.html. Each anchor has
# its own target directory: its dependency set differs from the app's. It is built without the
# app's --emit-relocs (.cargo/config.toml): only the split needs the relocations, and an
# unsplit module would carry them into the shipped file (an empty RUSTFLAGS replaces the
# config's flags; a --config array would be added to them).
build_anchor() {
  local dir="$1" crate="$2" name="$3" out="$work/$1"
  # Chained: called as an `if` condition, the function runs without `set -e`.
  (cd "$ROOT/benches/$dir" && RUSTFLAGS="" cargo build --release --target wasm32-unknown-unknown \
    --target-dir "$ROOT/target/$dir") &&
    mkdir -p "$out" &&
    wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
      "$ROOT/target/$dir/wasm32-unknown-unknown/release/$crate.wasm" &&
    wasm-opt -Oz --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-multivalue \
      -o "$out/${name}_bg.opt.wasm" "$out/${name}_bg.wasm" &&
    mv "$out/${name}_bg.opt.wasm" "$out/${name}_bg.wasm" &&
    cp "$ROOT/benches/$dir/index.html" "$out/index.html"
}

say "benchmark anchor: a small Yew app with the same release profile"
build_anchor anchor afterview-bench-anchor anchor

say "benchmark anchor: the same in Leptos, with the same release profile"
# A column of comparison, not a budget: if it cannot be built (say, no registry), the bench
# goes on without it.
if ! build_anchor anchor-leptos afterview-bench-anchor-leptos anchor_leptos; then
  rm -rf "$work/anchor-leptos"
  say "the Leptos anchor could not be built: its column is left out"
fi

say "planner and storage in the browser (wasm-bindgen-test, release)"
export CHROMEDRIVER="$(command -v chromedriver)"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
# A failure here is reported in the table as missing figures rather than ending the run.
timeout 900 cargo test --release --target wasm32-unknown-unknown --test wasm_bench \
  -- --nocapture 2>&1 | tee "$work/wasm-bench.txt" || true

say "synthetic stored data (0, 50, 200 and 1,000 processes)"
for count in 0 50 200 1000; do
  cargo run --quiet --release --example synthetic_backup -- "$count" >"$work/backup-$count.json"
done

fi

say "wasm size contributors (twiggy)"
if ! command -v twiggy >/dev/null 2>&1; then
  say "installing twiggy (once)"
  cargo install --quiet twiggy >"$work/twiggy-install.log" 2>&1 || true
fi
# wasm-bindgen's output before wasm-opt still carries the function names (wasm-opt drops them).
if command -v twiggy >/dev/null 2>&1; then
  if twiggy top -n 15 "$ROOT/target/web/afterview_bg.wasm" >"$work/twiggy.txt" 2>&1; then
    # Every item, for the per-crate summary bench.mjs adds.
    twiggy top -f csv "$ROOT/target/web/afterview_bg.wasm" >"$work/twiggy-all.csv" 2>/dev/null || true
  else
    echo "twiggy failed: $(head -c 300 "$work/twiggy.txt")" >"$work/twiggy-note.txt"
  fi
else
  echo "twiggy could not be installed (cargo install twiggy failed); skipped" >"$work/twiggy-note.txt"
fi

say "browser measurements (headless Chromium, release build on 127.0.0.1)"
# Served from a copy of dist/ with two helper pages: an empty page used to seed localStorage,
# and the app's page without the widget, the baseline when the blog pages are not built.
site="$work/site"
cp -r "$ROOT/dist" "$site"
printf '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>seed</title></head><body></body></html>\n' \
  >"$site/bench-blank.html"
sed -e '/<link rel="/d' -e '/<script /d' -e '/<style>/d' "$site/index.html" >"$site/bench-plain.html"
cp -r "$work/anchor" "$site/anchor"
if [ -f "$work/anchor-leptos/index.html" ]; then cp -r "$work/anchor-leptos" "$site/anchor-leptos"; fi
cp "$ROOT/benches/anchor/floor.html" "$site/floor.html"

server_log="$work/server.log"
# Served brotli-compressed, as a static host serves it (and as the budgets' first figures were
# measured). The server stops itself after 15 minutes whatever happens; the trap stops it sooner.
node scripts/serve.mjs --root "$site" --port 0 --max-seconds 900 --brotli >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 600); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$server_log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the benchmark server did not start:" >&2
  cat "$server_log" >&2
  exit 1
fi

timeout 600 node scripts/bench.mjs --url "$url" --work "$work" --dist "$ROOT/dist" \
  --out "$ROOT/docs/PERFORMANCE.md"
