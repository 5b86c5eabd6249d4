#!/usr/bin/env bash
# Builds the SDK and runs its tests (node:test) against a running Platform host. Works from any directory.
#   PLATFORM_GRPC_URL=http://127.0.0.1:5080 PLATFORM_HTTP_URL=http://127.0.0.1:5081 \
#   PLATFORM_OPERATOR_KEY=tk_... sdk/typescript/run-tests.sh
# Missing variables fail the run (exit 2); nothing is skipped.
set -euo pipefail

SDK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$SDK_DIR"

missing=()
for var in PLATFORM_GRPC_URL PLATFORM_HTTP_URL PLATFORM_OPERATOR_KEY; do
  [[ -n "${!var:-}" ]] || missing+=("$var")
done
if ((${#missing[@]} > 0)); then
  echo "sdk/typescript/run-tests.sh: FAILED: ${missing[*]} not set; the SDK tests need a running Platform host" >&2
  echo "  (PLATFORM_GRPC_URL = its h2c gRPC URL, PLATFORM_HTTP_URL = its HTTP/1.1 URL, PLATFORM_OPERATOR_KEY = an operator key)" >&2
  exit 2
fi

if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund
fi

rm -rf dist
npm run --silent build

# node's spec reporter (with its own summary) on stdout; TAP to a file for the closing count line.
tap="$(mktemp)"
trap 'rm -f "$tap"' EXIT
set +e
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" dist/test/
rc=$?
set -e
pass=$(grep -E '^# pass [0-9]+$' "$tap" | tail -1 | grep -oE '[0-9]+' || echo 0)
fail=$(grep -E '^# fail [0-9]+$' "$tap" | tail -1 | grep -oE '[0-9]+' || echo 0)
if ((rc != 0 && fail == 0)); then fail=1; fi
if ((pass == 0 && fail == 0)); then fail=1; echo "no test ran" >&2; fi
echo "typescript-sdk: $pass passed, $fail failed"
exit "$rc"
