# Starts the platform host (already built, Debug) on free loopback ports with a fresh SQLite data
# directory and a generated bootstrap operator key, for SDK test suites. Source, then:
#   host_start    # exports HOST_GRPC_URL, HOST_HTTP_URL, HOST_OPERATOR_KEY
#   host_stop

host_start() {
  HOST_DIR=$(mktemp -d /tmp/platform-host.XXXXXX)
  local gport hport
  gport=$(free_port); hport=$(free_port)
  HOST_OPERATOR_KEY=$(/usr/bin/python3 -c 'import secrets,string; a=string.ascii_letters+string.digits+"-_"; print("tk_"+"".join(secrets.choice(a) for _ in range(64)))')
  Platform__Bootstrap__OperatorKey="$HOST_OPERATOR_KEY" Platform__Storage__DataDirectory="$HOST_DIR/data" \
  Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$gport" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$hport" \
    dotnet run --no-build --project src/GrpcHost >"$HOST_DIR/host.log" 2>&1 &
  HOST_PID=$!
  HOST_GRPC_URL="http://127.0.0.1:$gport"
  HOST_HTTP_URL="http://127.0.0.1:$hport"
  for _ in $(seq 240); do
    [[ "$(curl -s "$HOST_HTTP_URL/healthz")" == Healthy ]] && return 0
    sleep 0.25
  done
  tail -30 "$HOST_DIR/host.log"
  return 1
}

host_stop() {
  [[ -n "${HOST_PID:-}" ]] && { kill "$HOST_PID" 2>/dev/null; wait "$HOST_PID" 2>/dev/null; }
  [[ -n "${HOST_DIR:-}" ]] && rm -rf "$HOST_DIR"
  HOST_PID=; HOST_DIR=
}
