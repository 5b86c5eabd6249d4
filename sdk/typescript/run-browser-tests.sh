#!/usr/bin/env bash
# Browser test of the TypeScript SDK: headless Chromium loads browser-test/index.html, which imports the SDK's
# browser entry (gRPC-Web, binary) and calls the running Platform host; node:test reads the result from the page.
#   PLATFORM_HTTP_URL=http://127.0.0.1:5081 PLATFORM_OPERATOR_KEY=tk_... sdk/typescript/run-browser-tests.sh
# Optional: PLATFORM_BROWSER_PORT=<port> serves the page on that port and calls the host cross-origin (the host
# must have been started with Platform__Cors__Origins__0=http://127.0.0.1:<port>); unset, the page server proxies
# gRPC-Web to the host (same-origin). PLATFORM_SDK_NO_BUILD=1 reuses an existing dist/. CHROMIUM_PATH overrides
# /usr/bin/chromium. Missing variables fail the run (exit 2). Last line: `browser: N passed, N failed`.
set -euo pipefail

SDK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$SDK_DIR"

missing=()
for var in PLATFORM_HTTP_URL PLATFORM_OPERATOR_KEY; do
  [[ -n "${!var:-}" ]] || missing+=("$var")
done
if ((${#missing[@]} > 0)); then
  echo "sdk/typescript/run-browser-tests.sh: FAILED: ${missing[*]} not set; the browser test needs a running Platform host" >&2
  echo "browser: 0 passed, 1 failed"
  exit 2
fi

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$chromium_bin" ]]; then
  if [[ -z "${CHROMIUM_PATH:-}" && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing Debian chromium…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
  fi
  if [[ ! -x "$chromium_bin" ]]; then
    echo "sdk/typescript/run-browser-tests.sh: FAILED: no Chromium at $chromium_bin (apt-get install chromium)" >&2
    echo "browser: 0 passed, 1 failed"
    exit 2
  fi
fi

if [[ ! -d node_modules/playwright-core || ! -d node_modules/@connectrpc/connect-web ]]; then
  npm ci --no-audit --no-fund
fi
if [[ "${PLATFORM_SDK_NO_BUILD:-}" != 1 || ! -f dist/src/index.browser.js ]]; then
  rm -rf dist
  npm run --silent build
fi

tap="$(mktemp)"
trap 'rm -f "$tap"' EXIT
set +e
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" browser-test/
rc=$?
set -e
pass=$(grep -E '^# pass [0-9]+$' "$tap" | tail -1 | grep -oE '[0-9]+' || echo 0)
fail=$(grep -E '^# fail [0-9]+$' "$tap" | tail -1 | grep -oE '[0-9]+' || echo 0)
if ((rc != 0 && fail == 0)); then fail=1; fi
if ((pass == 0 && fail == 0)); then fail=1; echo "no test ran" >&2; fi
echo "browser: $pass passed, $fail failed"
exit "$rc"
