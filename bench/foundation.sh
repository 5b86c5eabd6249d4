#!/usr/bin/env bash
# Foundation benchmark: platform GetTenant (gRPC + REST, PostgreSQL-backed) against a bare
# ASP.NET Core gRPC/MapGet host on the same machine. A benchmark, not a test: it exits 0 whether the
# target is met or not, and non-zero only when something broke (build, start-up, wrong answers).
#
# Env: BENCH_DURATION (10s)  measured duration of each run (h2load -D / wrk -d syntax)
#      BENCH_ROUNDS   (3)    measured runs per target; the median is reported
#      BENCH_WARMUP   (15s)  one warm-up run per target before the measured rounds (tiered JIT needs ~10 s)
#      BENCH_RAW_DIR  (unset) if set, raw h2load/wrk outputs and host logs are copied there
#      PG_BIN         (newest /usr/lib/postgresql/*/bin)
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-15s}
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive integer (got '$ROUNDS')"

# ---------------------------------------------------------------- tools
missing=()
ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ((${#missing[@]})); then
    [[ $EUID -eq 0 ]] || die "missing packages (${missing[*]}) and not root; install them with apt-get"
    log "installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
[[ -x $PG_BIN/initdb ]] || die "no initdb in $PG_BIN"

# ---------------------------------------------------------------- temp dir + cleanup
WORK=$(mktemp -d /tmp/platform-bench.XXXXXX)
chmod 755 "$WORK"
PLATFORM_PID=""
BARE_PID=""
PG_STARTED=0
if [[ $EUID -eq 0 ]]; then AS_PG=(runuser -u postgres --); else AS_PG=(); fi

stop_pid() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    set +e
    if [[ -n ${BENCH_RAW_DIR:-} ]]; then
        mkdir -p "$BENCH_RAW_DIR" && cp -r "$WORK"/raw "$WORK"/*.log "$BENCH_RAW_DIR"/ 2>/dev/null
    fi
    stop_pid "$PLATFORM_PID"
    stop_pid "$BARE_PID"
    if ((PG_STARTED)); then
        "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w stop >/dev/null 2>&1
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Five distinct free loopback ports (all sockets held open until every port is chosen).
read -r PG_PORT PLAT_GRPC PLAT_HTTP BARE_GRPC BARE_HTTP < <("$PY" - <<'EOF'
import socket
socks = []
for _ in range(5):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
)
log "ports: postgres=$PG_PORT platform grpc=$PLAT_GRPC http=$PLAT_HTTP, bare grpc=$BARE_GRPC http=$BARE_HTTP"

# ---------------------------------------------------------------- PostgreSQL
mkdir -p "$WORK/pgdata" "$WORK/sock" "$WORK/raw"
[[ $EUID -eq 0 ]] && chown postgres:postgres "$WORK/pgdata" "$WORK/sock"
log "initdb + start PostgreSQL ($PG_BIN)"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/sock/postgres.log" \
    -o "-p $PG_PORT -k $WORK/sock -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null \
    || { cat "$WORK/sock/postgres.log" >&2; die "PostgreSQL did not start"; }
PG_STARTED=1
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres platform

# ---------------------------------------------------------------- build
cd "$REPO"
log "dotnet build src/GrpcHost -c Release"
dotnet build src/GrpcHost -c Release -nologo -v quiet >"$WORK/build-platform.log" 2>&1 \
    || { cat "$WORK/build-platform.log" >&2; die "platform build failed"; }
log "dotnet build bench/BareHost -c Release"
dotnet build bench/BareHost -c Release -nologo -v quiet >"$WORK/build-bare.log" 2>&1 \
    || { cat "$WORK/build-bare.log" >&2; die "bare host build failed"; }

# ---------------------------------------------------------------- hosts
# Run from the output directory: the content root is the working directory, and appsettings.json
# (Kestrel endpoint protocols among others) is only found there. Protocols are also set explicitly:
# without them Kestrel serves HTTP/1.1 only on a non-TLS endpoint and h2c gRPC gets an empty reply.
# The bootstrap operator key creates the tenant and its key; the load itself authenticates with a
# tenant API key (role viewer), so every call pays for key verification, tenant resolution (with the
# tenant's state) and the permission check, all from the host's caches.
OPERATOR_KEY=$("$PY" -c 'import secrets,string; a=string.ascii_letters+string.digits+"-_"; print("tk_"+"".join(secrets.choice(a) for _ in range(64)))')
log "starting platform host"
(
    export Platform__Bootstrap__OperatorKey="$OPERATOR_KEY"
    cd src/GrpcHost/bin/Release/net10.0
    export Platform__Storage__Provider=Postgres
    export ConnectionStrings__Platform="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=platform;Pooling=true;Maximum Pool Size=50"
    export Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$PLAT_GRPC" Kestrel__Endpoints__Grpc__Protocols=Http2
    export Kestrel__Endpoints__Http__Url="http://127.0.0.1:$PLAT_HTTP" Kestrel__Endpoints__Http__Protocols=Http1
    export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
    exec dotnet Platform.GrpcHost.dll
) >"$WORK/platform.log" 2>&1 &
PLATFORM_PID=$!

log "starting bare host"
(
    cd bench/BareHost/bin/Release/net10.0
    export ASPNETCORE_ENVIRONMENT=Production
    exec dotnet Platform.Bench.BareHost.dll --grpc-port "$BARE_GRPC" --http-port "$BARE_HTTP"
) >"$WORK/bare.log" 2>&1 &
BARE_PID=$!

wait_for() { # name pid url expected-body timeout-seconds
    local name=$1 pid=$2 url=$3 want=$4 secs=$5 body=""
    for _ in $(seq $((secs * 4))); do
        kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log" >&2; die "$name host exited during start-up"; }
        body=$(curl -s --max-time 2 "$url" 2>/dev/null || true)
        [[ $body == *"$want"* ]] && return 0
        sleep 0.25
    done
    tail -n 50 "$WORK/$name.log" >&2
    die "$name host not ready after ${secs}s ($url said: '${body:0:200}')"
}
wait_for platform "$PLATFORM_PID" "http://127.0.0.1:$PLAT_HTTP/healthz" Healthy 90
wait_for bare "$BARE_PID" "http://127.0.0.1:$BARE_HTTP/ping" pong 30
log "both hosts ready"
# Start-up noise (migration probes before the schema exists) is not counted against the load runs.
PLATFORM_LOG_MARK=$(wc -l <"$WORK/platform.log")

# ---------------------------------------------------------------- data + request bodies
code=$(curl -s -o "$WORK/create.json" -w '%{http_code}' -X POST "http://127.0.0.1:$PLAT_HTTP/v1/tenants?tenant_id=bench" \
    -H "authorization: Bearer $OPERATOR_KEY" -H 'content-type: application/json' -d '{"display_name":"Bench"}')
[[ $code == 200 ]] || { cat "$WORK/create.json" >&2; die "CreateTenant returned HTTP $code"; }
code=$(curl -s -o "$WORK/key.json" -w '%{http_code}' -X POST "http://127.0.0.1:$PLAT_HTTP/v1/tenants/bench/apiKeys" \
    -H "authorization: Bearer $OPERATOR_KEY" -H 'content-type: application/json' -d '{"display_name":"bench","roles":["viewer"]}')
[[ $code == 200 ]] || { cat "$WORK/key.json" >&2; die "CreateApiKey returned HTTP $code"; }
TENANT_KEY=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["secret"])' "$WORK/key.json")
AUTH_HEADER="authorization: Bearer $TENANT_KEY"

# gRPC unary body: 0x00 (uncompressed) + big-endian uint32 length + protobuf bytes.
# GetTenantRequest{name=1} and PingRequest{name=1} share the wire shape: tag 0x0a, length, UTF-8.
"$PY" - "$WORK/get-tenant.bin" "$WORK/ping.bin" <<'EOF'
import struct, sys
def frame(name: str) -> bytes:
    s = name.encode()
    msg = b"\x0a" + bytes([len(s)]) + s          # field 1, wire type 2; len < 128 here
    return b"\x00" + struct.pack(">I", len(msg)) + msg
for path in sys.argv[1:]:
    with open(path, "wb") as f:
        f.write(frame("tenants/bench"))
EOF

PLAT_GRPC_URL="http://127.0.0.1:$PLAT_GRPC/platform.tenancy.v1.TenantService/GetTenant"
BARE_GRPC_URL="http://127.0.0.1:$BARE_GRPC/bench.v1.BareService/Ping"
PLAT_REST_URL="http://127.0.0.1:$PLAT_HTTP/v1/tenants/bench"
BARE_REST_URL="http://127.0.0.1:$BARE_HTTP/ping"

# One gRPC call through curl; checks grpc-status 0 in the trailers and prints the response body size
# (5-byte prefix included), which is then the expected DATA bytes per request under h2load.
grpc_probe() { # url body name
    local url=$1 body=$2 name=$3
    local hdr="$WORK/$name.probe.hdr" out="$WORK/$name.probe.out"
    curl -sS --http2-prior-knowledge -X POST -H 'content-type: application/grpc' -H 'te: trailers' -H "$AUTH_HEADER" \
        --data-binary @"$body" -D "$hdr" -o "$out" "$url" >/dev/null || die "$name: curl gRPC call to $url failed"
    grep -qi '^grpc-status: *0' "$hdr" || { cat "$hdr" >&2; die "$name: gRPC call did not return grpc-status 0"; }
    local size
    size=$(stat -c %s "$out")
    ((size > 5)) || die "$name: empty gRPC response"
    echo "$size"
}
rest_probe() { # url want name
    local code
    code=$(curl -s -o "$WORK/$3.probe.json" -w '%{http_code}' -H "$AUTH_HEADER" "$1")
    [[ $code == 200 ]] || { cat "$WORK/$3.probe.json" >&2; die "$3: HTTP $code"; }
    grep -q "$2" "$WORK/$3.probe.json" || { cat "$WORK/$3.probe.json" >&2; die "$3: unexpected body"; }
}
PLAT_RESP_BYTES=$(grpc_probe "$PLAT_GRPC_URL" "$WORK/get-tenant.bin" platform-grpc)
BARE_RESP_BYTES=$(grpc_probe "$BARE_GRPC_URL" "$WORK/ping.bin" bare-grpc)
rest_probe "$PLAT_REST_URL" 'tenants/bench' platform-rest
rest_probe "$BARE_REST_URL" 'pong' bare-rest
log "probes OK (GetTenant response $PLAT_RESP_BYTES bytes, Ping response $BARE_RESP_BYTES bytes incl. 5-byte prefix)"

# ---------------------------------------------------------------- load runs
# Server-side count of finished GetTenant RPCs by status, from the platform's Prometheus scrape
# (platform_rpc_requests_total{method,code,tenant}). Prints "ok cancelled other", or "-" when the
# metric is not there (the check is then skipped rather than failed).
server_counts() {
    curl -s --max-time 5 "http://127.0.0.1:$PLAT_HTTP/metrics" | awk '
        /^platform_rpc_requests_total\{/ && /GetTenant/ {
            found = 1
            if ($0 ~ /code="(OK|0)"/) ok += $NF
            else if ($0 ~ /code="(Cancelled|CANCELLED|1)"/) cancelled += $NF
            else other += $NF
        }
        END { if (found) printf "%d %d %d\n", ok, cancelled, other; else print "-" }'
}
SERVER_CHECKED=0
SERVER_CANCELLED=0

# Compares the server's GetTenant counts over one run with the client's successes. The load tools
# stop by dropping connections with up to <concurrency> calls in flight, so the "after" scrape waits
# a moment for those to finish, and a few CANCELLED calls per run are expected, not errors.
check_server() { # label before after client-successes concurrency
    local label=$1 before=$2 after=$3 client=$4 conc=$5
    [[ $before != "-" && $after != "-" ]] || return 0
    local ok0 c0 o0 ok1 c1 o1
    read -r ok0 c0 o0 <<<"$before"
    read -r ok1 c1 o1 <<<"$after"
    SERVER_CHECKED=$((SERVER_CHECKED + 1))
    log "    server GetTenant counts: +$((ok1 - ok0)) OK, +$((c1 - c0)) CANCELLED, +$((o1 - o0)) other; client: $client"
    SERVER_CANCELLED=$((SERVER_CANCELLED + c1 - c0))
    if ((o1 - o0 > 0)); then
        note_failure "$label: server counted $((o1 - o0)) GetTenant calls that were neither OK nor CANCELLED ($((ok1 - ok0)) OK)"
    fi
    if ((c1 - c0 > conc)); then
        note_failure "$label: server counted $((c1 - c0)) CANCELLED GetTenant calls, more than the $conc in flight"
    fi
    if ((ok1 - ok0 < client)); then
        note_failure "$label: server counted $((ok1 - ok0)) OK GetTenant calls but the client $client successes"
    fi
}

FAILURES=()
note_failure() { FAILURES+=("$*"); log "PROBLEM: $*"; }
RPS=""

# h2load run: sets RPS; checks client-side errors, DATA bytes per request and (platform) server counts.
run_h2load() { # label url body duration expected-resp-bytes check-server(0/1)
    local label=$1 url=$2 body=$3 dur=$4 want=$5 srv=$6 out
    out="$WORK/raw/$label.$(date +%s%N).txt"
    local before="-" after="-"
    ((srv)) && before=$(server_counts)
    # The bare host ignores the authorization header; sending it to both keeps the requests alike.
    h2load -d "$body" -H 'content-type: application/grpc' -H 'te: trailers' -H "$AUTH_HEADER" -c10 -m10 -D "$dur" "$url" >"$out" 2>&1 \
        || { cat "$out" >&2; die "$label: h2load failed"; }
    ((srv)) && sleep 1 && after=$(server_counts)
    local rps succeeded failed errored timeout non2xx data
    rps=$(awk '/^finished in/ { gsub(",", "", $4); print $4 }' "$out")
    read -r succeeded failed errored timeout < <(awk '/^requests:/ { print $8, $10, $12, $14 }' "$out")
    non2xx=$(awk '/^status codes:/ { print $5 + $7 + $9 }' "$out")
    data=$(awk '/^traffic:/ { for (i = 1; i <= NF; i++) if ($i == "data") { v = $(i-1); gsub(/[()]/, "", v); print v } }' "$out")
    [[ -n $rps && -n $succeeded ]] || { cat "$out" >&2; die "$label: cannot parse h2load output"; }
    if ((failed + errored + timeout + non2xx > 0)); then
        note_failure "$label: h2load reported failed=$failed errored=$errored timeout=$timeout non-2xx=$non2xx"
    fi
    # A gRPC error is HTTP 200 with a trailers-only response (no DATA): bytes/request would drop.
    if [[ -n $data ]] && ((succeeded > 0)); then
        local per
        per=$(awk -v d="$data" -v n="$succeeded" 'BEGIN { printf "%.1f", d / n }')
        if ! awk -v p="$per" -v w="$want" 'BEGIN { exit !(p >= w * 0.98 && p <= w * 1.02) }'; then
            note_failure "$label: ${per} DATA bytes per request, expected $want (some calls returned no message?)"
        fi
    fi
    ((srv)) && check_server "$label" "$before" "$after" "$succeeded" 100
    RPS=$rps
}

# wrk run: sets RPS; any "Non-2xx or 3xx responses" or socket errors are reported as problems.
run_wrk() { # label url duration check-server(0/1)
    local label=$1 url=$2 dur=$3 srv=$4 out
    out="$WORK/raw/$label.$(date +%s%N).txt"
    local before="-" after="-"
    ((srv)) && before=$(server_counts)
    wrk -t2 -c20 -d"$dur" -H "$AUTH_HEADER" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "$label: wrk failed"; }
    ((srv)) && sleep 1 && after=$(server_counts)
    local rps requests
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    requests=$(awk '/requests in/ { print $1 }' "$out")
    [[ -n $rps ]] || { cat "$out" >&2; die "$label: cannot parse wrk output"; }
    if grep -q 'Non-2xx' "$out"; then note_failure "$label: $(grep 'Non-2xx' "$out" | sed 's/^ *//')"; fi
    if grep -q 'Socket errors' "$out"; then note_failure "$label: $(grep 'Socket errors' "$out" | sed 's/^ *//')"; fi
    ((srv)) && check_server "$label" "$before" "$after" "${requests:-0}" 20
    RPS=$rps
}

run_target() { # key duration
    case $1 in
        plat_grpc) run_h2load platform-grpc "$PLAT_GRPC_URL" "$WORK/get-tenant.bin" "$2" "$PLAT_RESP_BYTES" 1 ;;
        bare_grpc) run_h2load bare-grpc "$BARE_GRPC_URL" "$WORK/ping.bin" "$2" "$BARE_RESP_BYTES" 0 ;;
        plat_rest) run_wrk platform-rest "$PLAT_REST_URL" "$2" 1 ;;
        bare_rest) run_wrk bare-rest "$BARE_REST_URL" "$2" 0 ;;
    esac
}

TARGETS=(plat_grpc bare_grpc plat_rest bare_rest)
declare -A RESULTS=()

log "warm-up: $WARMUP per target"
for t in "${TARGETS[@]}"; do
    run_target "$t" "$WARMUP"
    log "  warm-up $t: $RPS req/s"
done

log "measuring: $ROUNDS round(s) x ${#TARGETS[@]} targets x $DURATION (platform and bare interleaved)"
for r in $(seq "$ROUNDS"); do
    for t in "${TARGETS[@]}"; do
        run_target "$t" "$DURATION"
        RESULTS[$t]="${RESULTS[$t]:-} $RPS"
        log "  round $r $t: $RPS req/s"
    done
done

kill -0 "$PLATFORM_PID" 2>/dev/null || note_failure "platform host died during the benchmark"
kill -0 "$BARE_PID" 2>/dev/null || note_failure "bare host died during the benchmark"

# ---------------------------------------------------------------- report
median() { tr ' ' '\n' | awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A MED=()
for t in "${TARGETS[@]}"; do MED[$t]=$(median <<<"${RESULTS[$t]}"); done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
GRPC_RATIO=$(ratio "${MED[plat_grpc]}" "${MED[bare_grpc]}")
REST_RATIO=$(ratio "${MED[plat_rest]}" "${MED[bare_rest]}")
VERDICT=$(awk -v r="$GRPC_RATIO" 'BEGIN { print (r + 0 >= 0.5) ? "PASS" : "FAIL" }')

declare -A NAMES=(
    [plat_grpc]="platform GetTenant gRPC (h2load -c10 -m10)"
    [bare_grpc]="bare     Ping      gRPC (h2load -c10 -m10)"
    [plat_rest]="platform GetTenant REST (wrk -t2 -c20)"
    [bare_rest]="bare     MapGet /ping   (wrk -t2 -c20)"
)
tail -n +"$((PLATFORM_LOG_MARK + 1))" "$WORK/platform.log" >"$WORK/platform-under-load.log"
# Console log entries start with "warn: ", "fail: " ... and continue on indented lines.
# h2load and wrk stop by dropping their connections with calls still in flight; the host then logs
# "The HTTP/2 connection faulted" (gRPC) or an OperationCanceledException (REST) for each of them.
# Those are expected (at most the concurrency per run); anything else is shown.
ABORT_RE='The HTTP/2 connection faulted|System\.(OperationCanceled|TaskCanceled)Exception'
log_entries() { # file -> one entry per line (newlines inside an entry become " | ")
    awk '/^(trce|dbug|info|warn|fail|crit): / { if (e != "") print e; e = $0; next } { e = e " | " $0 } END { if (e != "") print e }' "$1"
}
log_entries "$WORK/platform-under-load.log" | grep -E '^(warn|fail|crit): ' >"$WORK/platform-problems.log" || true
host_warnings=$(wc -l <"$WORK/platform-problems.log")
host_aborts=$(grep -cE "$ABORT_RE" "$WORK/platform-problems.log" || true)

{
    echo
    echo "== Platform foundation benchmark =="
    echo "$(nproc) cores, load generator on the same machine; ${ROUNDS} x ${DURATION} per target after a ${WARMUP} warm-up;"
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (fsync=off), Release builds, .NET $(dotnet --version)"
    echo
    printf '%-44s %14s   %s\n' "target" "median req/s" "rounds (req/s)"
    for t in "${TARGETS[@]}"; do
        printf '%-44s %14.0f   %s\n' "${NAMES[$t]}" "${MED[$t]}" "$(for v in ${RESULTS[$t]}; do printf '%.0f ' "$v"; done)"
    done
    echo
    printf '%-44s %14s\n' "platform gRPC / bare gRPC" "${GRPC_RATIO}x"
    printf '%-44s %14s\n' "platform REST / bare MapGet" "${REST_RATIO}x"
    echo
    echo "Target: GetTenant gRPC >= 0.5x bare gRPC (foundation), >= 0.7x with auth + tenant resolution (identity): $VERDICT (${GRPC_RATIO}x)"
    echo
    if ((${#FAILURES[@]})); then
        echo "Correctness problems seen during the runs (${#FAILURES[@]}):"
        printf '  - %s\n' "${FAILURES[@]}"
    else
        echo "Correctness: all runs clean: no h2load failed/errored/non-2xx, gRPC DATA bytes per request as"
        echo "expected (no trailers-only error replies), no wrk Non-2xx or socket errors, and the server's"
        echo "GetTenant counts matched the clients in $SERVER_CHECKED platform runs (warm-up included)."
    fi
    echo "End-of-run cancellations (load tool dropping in-flight calls, expected): $SERVER_CANCELLED CANCELLED in the"
    echo "server metrics; $host_aborts of the $host_warnings warn/fail entries in the platform log after start-up."
}

if ((host_warnings > host_aborts)); then
    echo "Other platform host warn/fail log entries ($((host_warnings - host_aborts)), first 20, truncated):"
    grep -vE "$ABORT_RE" "$WORK/platform-problems.log" | cut -c1-300 | head -n 20 | sed 's/^/  /'
fi
exit 0
