#!/usr/bin/env bash
# The test command (README): installs what is missing, starts private PostgreSQL and Redis on
# loopback, lints and breaking-checks the protos, builds with warnings as errors, runs every test
# project on both storage providers, smoke-tests the real host, stops what it started, and prints
# "N passed, N failed" as its last line. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/services.sh
source scripts/lib/host.sh

passed=0; failed=0
summary() { echo; echo "$passed passed, $failed failed"; }
fail_fast() { failed=$((failed+1)); echo "FAILED: $1"; services_stop; summary; exit 1; }
step() { echo; echo "== $*"; }

step "Prerequisites"
services_install
# SDK toolchains: protoc and the gRPC plugin, Debian's grpcio/protobuf/pytest (PyPI is not reachable).
py_missing=()
command -v protoc >/dev/null || py_missing+=(protobuf-compiler)
[[ -x /usr/bin/grpc_python_plugin ]] || py_missing+=(protobuf-compiler-grpc)
/usr/bin/python3 -c 'import grpc, google.protobuf, pytest' 2>/dev/null || py_missing+=(python3-grpcio python3-protobuf python3-pytest)
if ((${#py_missing[@]})); then
  echo "Installing ${py_missing[*]} with apt-get..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${py_missing[@]}" >/dev/null || fail_fast "apt-get install ${py_missing[*]}"
fi
command -v npm >/dev/null || fail_fast "npm is required (for buf)"
if [[ ! -x tools/node_modules/.bin/buf ]]; then
  (cd tools && npm ci --no-audit --no-fund --loglevel=error) || fail_fast "npm ci in tools/"
fi
dotnet tool restore >/dev/null || fail_fast "dotnet tool restore"
BUF="$ROOT/tools/node_modules/.bin/buf"

step "Services"
services_start || fail_fast "starting PostgreSQL and Redis"
trap 'host_stop; services_stop' EXIT

step "buf lint"
if (cd protos && "$BUF" lint); then passed=$((passed+1)); echo "ok"; else failed=$((failed+1)); echo "buf lint FAILED"; fi

step "buf breaking"
# Against the previous commit when it has protos (a shallow clone may not have it).
if base=$(git rev-parse -q --verify HEAD~1 2>/dev/null) && git cat-file -e "$base:protos/buf.yaml" 2>/dev/null; then
  if (cd protos && "$BUF" breaking --against "$ROOT/.git#ref=$base,subdir=protos"); then
    passed=$((passed+1)); echo "ok (against ${base:0:8})"
  else
    failed=$((failed+1)); echo "buf breaking FAILED against ${base:0:8}"
  fi
else
  echo "skipped: no previous commit with protos"
fi

step "Build (warnings are errors)"
dotnet build Platform.slnx -c Debug -warnaserror -nologo -clp:ErrorsOnly || fail_fast "build"

step "Tests"
log=$(mktemp)
dotnet test --solution Platform.slnx --no-build -c Debug 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}
# Microsoft.Testing.Platform prints one "Test run summary" block with these counters.
t_ok=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
t_bad=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
rm -f "$log"
passed=$((passed + t_ok)); failed=$((failed + t_bad))
if ((test_rc != 0 && t_bad == 0)); then failed=$((failed+1)); echo "dotnet test exited $test_rc"; fi
if ((t_ok == 0)); then failed=$((failed+1)); echo "no test ran"; fi

step "Smoke test of the run command"
slog=$(mktemp)
scripts/smoke.sh | tee "$slog"
s_line=$(grep -E '^smoke: [0-9]+ passed, [0-9]+ failed' "$slog" | tail -1)
rm -f "$slog"
if [[ -n "$s_line" ]]; then
  passed=$((passed + $(echo "$s_line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')))
  failed=$((failed + $(echo "$s_line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')))
else
  failed=$((failed+1)); echo "smoke test did not report"
fi

# Counts a sub-suite's closing "<name>: N passed, N failed" line into the totals.
count_suite() { # name logfile
  local line
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$2" | tail -1)
  if [[ -n "$line" ]]; then
    passed=$((passed + $(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')))
    failed=$((failed + $(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')))
  else
    failed=$((failed+1)); echo "$1 tests did not report"
  fi
}

step "TypeScript SDK"
tlog=$(mktemp)
if host_start; then
  PLATFORM_GRPC_URL=$HOST_GRPC_URL PLATFORM_HTTP_URL=$HOST_HTTP_URL PLATFORM_OPERATOR_KEY=$HOST_OPERATOR_KEY \
    sdk/typescript/run-tests.sh 2>&1 | tee "$tlog"
  count_suite typescript-sdk "$tlog"
else
  failed=$((failed+1)); echo "could not start a host for the TypeScript SDK tests"
fi
host_stop
rm -f "$tlog"

step "Python SDK"
plog=$(mktemp)
PLATFORM_SDK_NO_BUILD=1 sdk/python/run-tests.sh 2>&1 | tee "$plog"
count_suite python-sdk "$plog"
rm -f "$plog"

services_stop
trap - EXIT
summary
((failed == 0))
