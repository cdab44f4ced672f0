# Shared helpers for the run, build, test and bench scripts: each installs only what is missing.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen crate version pinned in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    # A fresh machine's first download sometimes fails half-way: try again before giving up.
    rustup target add wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown \
      || { sleep 5; rustup target add wasm32-unknown-unknown; }
  fi
}

ensure_wasm_bindgen() {
  local want have
  want="$(wasm_bindgen_version)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (takes a few minutes once)"
    # Not --locked: the registry mirror lacks a version the CLI's own lock file pins.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# npm packages (Playwright driver, binaryen's wasm-opt, axe-core), exactly as package-lock.json says.
ensure_npm() {
  local stamp="$ROOT/node_modules/.afterview-installed"
  if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    say "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
}

# Debian's Chromium and ChromeDriver: the only browser that installs on these machines.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing chromium and chromium-driver from apt"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# The splitter that moves rarely used views into chunks loaded on first use.
WASM_SPLIT_VERSION="0.2.4"
ensure_wasm_split() {
  if ! command -v wasm-split-cli >/dev/null 2>&1 \
    || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (takes a few minutes once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_npm
}
