#!/usr/bin/env bash
# Installs what is missing, then runs every check and test, stopping at the first failure:
# rustfmt, clippy (host and wasm32), native cargo test, wasm-bindgen-test in headless Chromium,
# Playwright end-to-end tests of the release build served on loopback.
# Ends with one line: "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

passed=0
failed=0
logs="$ROOT/target/test-logs"
mkdir -p "$logs"

summary() {
  echo "$passed passed, $failed failed"
}

# Adds the counts a cargo/wasm-bindgen-test log reports ("test result: ok. N passed; M failed").
count_cargo() {
  local log="$1" p f
  p=$(grep -aoE 'test result: [A-Za-z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
  f=$(grep -aoE '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p))
  failed=$((failed + f))
}

# A step that is a check rather than a test counts as one pass or one failure.
check() {
  local name="$1"; shift
  say "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name" >&2
    summary
    exit 1
  fi
}

# A step that runs tests: counts come from its log; any failure stops the run.
tests() {
  local name="$1" log="$logs/$2"; shift 2
  say "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  count_cargo "$log"
  if [ "$status" -ne 0 ]; then
    # A build error reports no test result: still a failure.
    [ "$(grep -c 'test result' "$log")" -gt 0 ] || failed=$((failed + 1))
    echo "FAILED: $name" >&2
    summary
    exit 1
  fi
}

say "installing what is missing"
if ! { ensure_build_tools && ensure_chromium; }; then
  echo "could not install the test tools" >&2
  failed=$((failed + 1)); summary; exit 1
fi

check "rustfmt" cargo fmt --all -- --check
check "clippy (host)" cargo clippy --all-targets --quiet -- -D warnings
check "clippy (wasm32)" cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
check "clippy (wasm32, split release build)" \
  cargo clippy --bin afterview --quiet --target wasm32-unknown-unknown --features split -- -D warnings

tests "native tests (cargo test)" native.log cargo test --quiet

export CHROMEDRIVER="$(command -v chromedriver)"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
tests "browser tests (wasm-bindgen-test, headless Chromium)" browser.log \
  cargo test --target wasm32-unknown-unknown --test browser --test intl_zone

check "release build" bash scripts/build.sh

say "end-to-end tests (Playwright, release build on 127.0.0.1)"
server_log="$logs/server.log"
# The server stops itself after 25 minutes whatever happens, and the trap stops it sooner.
node scripts/serve.mjs --root dist --port 0 --max-seconds 1500 >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$server_log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the test server did not start:" >&2; cat "$server_log" >&2
  failed=$((failed + 1)); summary; exit 1
fi
rm -f target/e2e/report.json
AFTERVIEW_URL="$url" timeout 1500 playwright test
e2e_status=$?
if [ -f target/e2e/report.json ]; then
  read -r p f < <(node -e '
    const s = require("./target/e2e/report.json").stats;
    console.log(`${s.expected + s.flaky} ${s.unexpected}`);')
  passed=$((passed + p)); failed=$((failed + f))
fi
if [ "$e2e_status" -ne 0 ]; then
  [ -f target/e2e/report.json ] || failed=$((failed + 1))
  echo "FAILED: end-to-end tests" >&2
  summary; exit 1
fi

summary
