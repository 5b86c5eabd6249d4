#!/usr/bin/env bash
# Tests the Python SDK against a real host. Run from any directory:
#
#   sdk/python/run-tests.sh [pytest args]
#
# 1. Checks that the committed generated code matches the protos (generate.sh --check).
# 2. When PLATFORM_GRPC_TARGET and PLATFORM_OPERATOR_KEY are both set, uses that host.
#    Otherwise builds src/GrpcHost (skip with PLATFORM_SDK_NO_BUILD=1), starts it on free
#    loopback ports with a random operator key and a temporary data directory (embedded SQLite),
#    waits for /healthz, and stops it afterwards.
# 3. Runs pytest with /usr/bin/python3 (Debian's python3-grpcio, python3-protobuf, python3-pytest).
#
# Prints "python-sdk: N passed, N failed" last; exits non-zero on any failure.
set -uo pipefail
SDK=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SDK/../.." && pwd)
PY=/usr/bin/python3
WORK=$(mktemp -d /tmp/platform-pysdk.XXXXXX)
HOST_PID=

cleanup() {
  if [[ -n $HOST_PID ]]; then kill "$HOST_PID" 2>/dev/null; wait "$HOST_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
report() { echo "python-sdk: $1 passed, $2 failed"; }

if ! "$SDK/generate.sh" --check; then report 0 1; exit 1; fi

if [[ -z ${PLATFORM_GRPC_TARGET:-} || -z ${PLATFORM_OPERATOR_KEY:-} ]]; then
  free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
  GPORT=$(free_port); HPORT=$(free_port)
  KEY=tk_$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')   # 64 URL-safe chars
  if [[ ${PLATFORM_SDK_NO_BUILD:-0} != 1 ]]; then
    (cd "$ROOT" && dotnet build src/GrpcHost -nologo -v q -clp:ErrorsOnly) || { report 0 1; exit 1; }
  fi
  (cd "$ROOT" && Platform__Bootstrap__OperatorKey="$KEY" Platform__Storage__DataDirectory="$WORK/data" \
    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$GPORT" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$HPORT" \
    exec dotnet run --no-build --project src/GrpcHost) >"$WORK/host.log" 2>&1 &
  HOST_PID=$!
  healthy=0
  for _ in $(seq 240); do
    if [[ "$(curl -s "http://127.0.0.1:$HPORT/healthz" 2>/dev/null)" == Healthy ]]; then healthy=1; break; fi
    kill -0 "$HOST_PID" 2>/dev/null || break
    sleep 0.5
  done
  if ((!healthy)); then
    echo "the host did not become healthy; log:"; tail -40 "$WORK/host.log"; report 0 1; exit 1
  fi
  export PLATFORM_GRPC_TARGET="127.0.0.1:$GPORT" PLATFORM_OPERATOR_KEY="$KEY"
  echo "started a host on $PLATFORM_GRPC_TARGET (pid $HOST_PID)"
fi

(cd "$SDK" && "$PY" -m pytest -p no:cacheprovider --junitxml="$WORK/junit.xml" tests "$@")
rc=$?
read -r npass nfail < <("$PY" - "$WORK/junit.xml" <<'PYEOF' 2>/dev/null || echo "0 1"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
total = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get(k, 0)) for s in suites for k in ("failures", "errors"))
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - bad - skipped, bad)
PYEOF
)
if ((rc != 0 && nfail == 0)); then nfail=1; fi
if ((rc != 0)) && [[ -n $HOST_PID ]]; then echo "--- host log ---"; tail -40 "$WORK/host.log"; fi
report "$npass" "$nfail"
((rc == 0))
