#!/usr/bin/env bash
# One command from a fresh checkout: install what is missing, build, start.
#   ./start.sh            the app (an Electron window where it can run, else the UI at a printed local URL)
#   ./start.sh --demo     the same, with the demo restaurant loaded
# Other flags are passed on (see `npm start -- --help`).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20.19 or newer is needed: sudo apt-get install -y nodejs npm (or use nvm)." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "Node.js $(node -v) is too old: 20.19 or newer is needed." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (the first time takes a few minutes: better-sqlite3 is compiled)…"
  npm ci --no-audit --no-fund
fi
exec npm start --silent -- "$@"
