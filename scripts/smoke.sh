#!/usr/bin/env bash
# Runs the platform exactly as the README says (`dotnet run --project src/GrpcHost`, embedded
# SQLite, no servers) on free ports and checks each public surface from the outside with
# buf curl and curl: reflection, health, gRPC, REST, gRPC-Web, /healthz and /metrics.
# Prints "smoke: N passed, N failed" last; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
BUF=tools/node_modules/.bin/buf
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
GPORT=$(free_port); HPORT=$(free_port)
DATA=$(mktemp -d /tmp/platform-smoke.XXXXXX)
LOG="$DATA/host.log"
passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if out=$("$@" 2>&1); then passed=$((passed+1)); echo "  ok   $name"
  else failed=$((failed+1)); echo "  FAIL $name"; echo "$out" | head -20 | sed 's/^/       /'; fi
}

Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$GPORT" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$HPORT" \
Platform__Storage__DataDirectory="$DATA/data" \
  dotnet run --no-build --project src/GrpcHost >"$LOG" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null; wait $HOST_PID 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 120); do
  [[ "$(curl -s "http://127.0.0.1:$HPORT/healthz")" == Healthy ]] && break
  sleep 0.5
done

G="http://127.0.0.1:$GPORT"; H="http://127.0.0.1:$HPORT"
# No key was configured: the host generated the bootstrap operator key and printed it once.
KEY=$(grep -oE 'tk_[A-Za-z0-9_-]{64}' "$LOG" | head -1)
AUTH="authorization: Bearer $KEY"
check "bootstrap operator key printed once" bash -c "[[ -n '$KEY' && \$(grep -c '$KEY' $LOG) == 1 ]]"
check "calls without credentials are refused (401)" bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' $H/v1/tenants) == 401 ]]"

check "healthz is Healthy" bash -c "[[ \$(curl -s $H/healthz) == Healthy ]]"
check "reflection lists TenantService" bash -c "$BUF curl --protocol grpc --http2-prior-knowledge --list-services $G | grep -qx platform.tenancy.v1.TenantService"
check "grpc health is SERVING" bash -c "$BUF curl --protocol grpc --http2-prior-knowledge $G/grpc.health.v1.Health/Check | grep -q SERVING"
check "gRPC CreateTenant" bash -c "$BUF curl --protocol grpc --http2-prior-knowledge -H '$AUTH' $G/platform.tenancy.v1.TenantService/CreateTenant -d '{\"tenant_id\":\"smoke\",\"tenant\":{\"display_name\":\"Smoke\"}}' | grep -q '\"name\": \"tenants/smoke\"'"
check "REST GET tenant" bash -c "curl -sf -H '$AUTH' $H/v1/tenants/smoke | grep -q '\"displayName\":\"Smoke\"'"
check "REST list tenants" bash -c "curl -sf -H '$AUTH' '$H/v1/tenants?page_size=10' | grep -q 'tenants/smoke'"
check "REST bad input is 400 with field violation" bash -c "[[ \$(curl -s -o $DATA/bad.json -w '%{http_code}' -X POST '$H/v1/tenants?tenant_id=BAD' -H '$AUTH' -H 'content-type: application/json' -d '{\"display_name\":\"x\"}') == 400 ]] && grep -q '\"field\":\"tenant_id\"' $DATA/bad.json"
# gRPC-Web: a GetTenantRequest{name:"tenants/smoke"} frame; the trailer frame must say grpc-status:0.
check "gRPC-Web GetTenant" bash -c "/usr/bin/python3 -c 'import sys,struct; m=b\"\\x0a\\x0dtenants/smoke\"; sys.stdout.buffer.write(b\"\\x00\"+struct.pack(\">I\",len(m))+m)' > $DATA/web.bin && curl -s -X POST $H/platform.tenancy.v1.TenantService/GetTenant -H '$AUTH' -H 'content-type: application/grpc-web+proto' -H 'x-grpc-web: 1' --data-binary @$DATA/web.bin | grep -aiqE 'grpc-status: ?0'"
check "metrics expose RPC counters" bash -c "curl -s $H/metrics | grep -q 'platform_rpc_requests_total{method=\"/platform.tenancy.v1.TenantService/CreateTenant\"'"
check "tenant API key: created by the operator, acts in its tenant only" bash -c "
  $BUF curl --protocol grpc --http2-prior-knowledge -H '$AUTH' $G/platform.access.v1.AccessService/CreateApiKey -d '{\"parent\":\"tenants/smoke\",\"api_key\":{\"roles\":[\"viewer\"]}}' > $DATA/key.json &&
  TK=\$(grep -oE 'tk_[A-Za-z0-9_-]{64}' $DATA/key.json) &&
  curl -sf -H \"x-api-key: \$TK\" $H/v1/tenants/smoke >/dev/null &&
  [[ \$(curl -s -o /dev/null -w '%{http_code}' -H \"x-api-key: \$TK\" $H/v1/tenants) == 403 ]]"
check "migrate command applies and exits" bash -c "Platform__Storage__DataDirectory=$DATA/migrate-only timeout 120 dotnet run --no-build --project src/GrpcHost -- migrate > $DATA/migrate.log && test -s $DATA/migrate-only/platform.db"

if ((failed)); then echo "--- host log ---"; tail -40 "$LOG"; fi
echo "smoke: $passed passed, $failed failed"
((failed == 0))
