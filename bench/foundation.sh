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

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO/bench/lib/common.sh"     # log, die, tools, temp dir + cleanup, ports, bodies, median
source "$REPO/bench/lib/services.sh"   # private PostgreSQL
source "$REPO/bench/lib/hosts.sh"      # build, start hosts, probes
source "$REPO/bench/lib/load.sh"       # h2load / wrk runs and their checks
DURATION=${BENCH_DURATION:-10s}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-15s}

require_positive_int BENCH_ROUNDS "$ROUNDS"

# ---------------------------------------------------------------- tools
bench_install_tools postgres h2load wrk curl
bench_pg_bin

# ---------------------------------------------------------------- temp dir + cleanup
bench_workdir /tmp/platform-bench.XXXXXX

read -r PG_PORT PLAT_GRPC PLAT_HTTP BARE_GRPC BARE_HTTP < <(bench_free_ports 5)
log "ports: postgres=$PG_PORT platform grpc=$PLAT_GRPC http=$PLAT_HTTP, bare grpc=$BARE_GRPC http=$BARE_HTTP"

# ---------------------------------------------------------------- PostgreSQL
bench_pg_start "$PG_PORT"

# ---------------------------------------------------------------- build
cd "$REPO"
bench_build src/GrpcHost platform platform
bench_build bench/BareHost bare "bare host"

# ---------------------------------------------------------------- hosts
# The bootstrap operator key creates the tenant and its key; the load itself authenticates with a
# tenant API key (role viewer), so every call pays for key verification, tenant resolution (with the
# tenant's state) and the permission check, all from the host's caches.
OPERATOR_KEY=$(bench_operator_key)
log "starting platform host"
bench_start_platform platform "$PLAT_GRPC" "$PLAT_HTTP"
PLATFORM_PID=$STARTED_PID

log "starting bare host"
bench_start_bare bare "$BARE_GRPC" "$BARE_HTTP"
BARE_PID=$STARTED_PID

wait_for platform "$PLATFORM_PID" "http://127.0.0.1:$PLAT_HTTP/healthz" Healthy 90
wait_for bare "$BARE_PID" "http://127.0.0.1:$BARE_HTTP/ping" pong 30
log "both hosts ready"
# Start-up noise (migration probes before the schema exists) is not counted against the load runs.
PLATFORM_LOG_MARK=$(wc -l <"$WORK/platform.log")

# ---------------------------------------------------------------- data + request bodies
# The foundation figure is the cost of serving GetTenant, not of rate limiting (bench/quota.sh
# measures that): the tenant is on a plan whose api_calls are explicitly unlimited.
bench_operator_post CreatePlan "/v1/plans?plan_id=bench-unlimited" '{"displayName":"bench unlimited","limits":[
  {"metric":"api_calls","window":"LIMIT_WINDOW_SECOND","unlimited":true}]}' "$WORK/plan.json"
bench_operator_post CreateTenant "/v1/tenants?tenant_id=bench" '{"display_name":"Bench","plan":"plans/bench-unlimited"}' "$WORK/create.json"
TENANT_KEY=$(bench_tenant_key bench "$WORK/key.json")
AUTH_HEADER="authorization: Bearer $TENANT_KEY"

bench_grpc_body "$WORK/get-tenant.bin" tenants/bench
bench_grpc_body "$WORK/ping.bin" tenants/bench

PLAT_GRPC_URL="http://127.0.0.1:$PLAT_GRPC/platform.tenancy.v1.TenantService/GetTenant"
BARE_GRPC_URL="http://127.0.0.1:$BARE_GRPC/bench.v1.BareService/Ping"
PLAT_REST_URL="http://127.0.0.1:$PLAT_HTTP/v1/tenants/bench"
BARE_REST_URL="http://127.0.0.1:$BARE_HTTP/ping"

PLAT_RESP_BYTES=$(grpc_probe "$PLAT_GRPC_URL" "$WORK/get-tenant.bin" platform-grpc)
BARE_RESP_BYTES=$(grpc_probe "$BARE_GRPC_URL" "$WORK/ping.bin" bare-grpc)
rest_probe "$PLAT_REST_URL" 'tenants/bench' platform-rest
rest_probe "$BARE_REST_URL" 'pong' bare-rest
log "probes OK (GetTenant response $PLAT_RESP_BYTES bytes, Ping response $BARE_RESP_BYTES bytes incl. 5-byte prefix)"

# ---------------------------------------------------------------- load runs
# run_h2load / run_wrk (bench/lib/load.sh) set RPS and record problems in FAILURES.
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
declare -A MED=()
for t in "${TARGETS[@]}"; do MED[$t]=$(median <<<"${RESULTS[$t]}"); done
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
# ABORT_RE and log_entries: bench/lib/hosts.sh.
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
    grep -vE "$ABORT_RE" "$WORK/platform-problems.log" | cut -c1-300 | awk 'NR <= 20' | sed 's/^/  /'
fi
exit 0
