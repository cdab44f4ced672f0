#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on 127.0.0.1.
#   scripts/run.sh [--port N]      (or PORT=N; default 8080)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
port="${PORT:-8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
bash scripts/build.sh
say "serving dist/ (Ctrl-C to stop); the sample blog page with the widget is at /blog.html"
exec node scripts/serve.mjs --root dist --port "$port"
