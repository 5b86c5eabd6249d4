#!/usr/bin/env bash
# Quota benchmark, two parts in one run, both against one private redis-server on a free loopback port:
#   micro  the rate limiter alone: bench/QuotaBench (Release) compares RedisRateLimiter with its own Lua
#          script through a bare client, the fail-open wrapper and the in-process limiter;
#   stack  GetTenant over gRPC with and without limiting: one platform host (Release, PostgreSQL,
#          ConnectionStrings__Redis set) serving a tenant whose plan has api_calls limits the load never
#          exhausts and a tenant whose plan has none (the limiter is skipped for it), against the bare
#          gRPC ceiling (bench/BareHost) measured in the same run; the load is h2load, as in foundation.sh.
# A benchmark, not a test: exits 0 whether the targets are met or not, non-zero only when something
# broke (build, start-up, a probe returning a wrong answer, unparseable tool output).
#
# Env: BENCH_PARTS        ("micro stack") which parts to run
#      BENCH_ROUNDS       (3)    measured rounds of both parts; medians are reported
#      micro: BENCH_SECONDS (5) per target per round, BENCH_WARMUP (3) seconds per target,
#             BENCH_CONCURRENCY (64) concurrent callers
#      stack: BENCH_DURATION (10s) per h2load run, BENCH_STACK_WARMUP (15s) one warm-up run per target
#      BENCH_RAW_DIR      (unset) if set, raw h2load outputs and host logs are copied there
#      PG_BIN             (newest /usr/lib/postgresql/*/bin)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO/bench/lib/common.sh"     # log, die, tools, temp dir + cleanup, ports, bodies, median
source "$REPO/bench/lib/services.sh"   # private PostgreSQL and Redis
source "$REPO/bench/lib/hosts.sh"      # build, start hosts, probes
source "$REPO/bench/lib/load.sh"       # h2load runs and their checks

PARTS=${BENCH_PARTS:-micro stack}
ROUNDS=${BENCH_ROUNDS:-3}
MICRO_SECONDS=${BENCH_SECONDS:-5}
MICRO_WARMUP=${BENCH_WARMUP:-3}
MICRO_CONCURRENCY=${BENCH_CONCURRENCY:-64}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_STACK_WARMUP:-15s}

require_positive_int BENCH_ROUNDS "$ROUNDS"
require_positive_int BENCH_SECONDS "$MICRO_SECONDS"
require_positive_int BENCH_CONCURRENCY "$MICRO_CONCURRENCY"
[[ $MICRO_WARMUP =~ ^[0-9]+$ ]] || die "BENCH_WARMUP must be whole seconds for the micro part (got '$MICRO_WARMUP'); the stack part's is BENCH_STACK_WARMUP"
RUN_MICRO=0 RUN_STACK=0
for part in $PARTS; do
    case $part in
        micro) RUN_MICRO=1 ;;
        stack) RUN_STACK=1 ;;
        *) die "BENCH_PARTS: unknown part '$part' (micro, stack)" ;;
    esac
done
((RUN_MICRO + RUN_STACK)) || die "BENCH_PARTS names no part (micro, stack)"

# ---------------------------------------------------------------- tools, temp dir, Redis
if ((RUN_STACK)); then
    bench_install_tools redis postgres h2load curl
    bench_pg_bin
else
    bench_install_tools redis
fi
bench_workdir /tmp/platform-quota-bench.XXXXXX
read -r REDIS_PORT PG_PORT PLAT_GRPC PLAT_HTTP BARE_GRPC BARE_HTTP < <(bench_free_ports 6)
bench_redis_start "$REDIS_PORT"
cd "$REPO"

# ---------------------------------------------------------------- part 1: limiter micro-benchmark
if ((RUN_MICRO)); then
    bench_build bench/QuotaBench quotabench QuotaBench
    log "micro-benchmark: $ROUNDS round(s) x $MICRO_SECONDS s x 4 targets after ${MICRO_WARMUP} s warm-up each"
    echo
    echo "== Rate limiter micro-benchmark (bench/QuotaBench) =="
    dotnet bench/QuotaBench/bin/Release/net10.0/Platform.Bench.QuotaBench.dll "127.0.0.1:$REDIS_PORT" \
        --seconds "$MICRO_SECONDS" --rounds "$ROUNDS" --warmup "$MICRO_WARMUP" --concurrency "$MICRO_CONCURRENCY"
fi
((RUN_STACK)) || exit 0

# ---------------------------------------------------------------- part 2: full stack
log "ports: redis=$REDIS_PORT postgres=$PG_PORT platform grpc=$PLAT_GRPC http=$PLAT_HTTP, bare grpc=$BARE_GRPC http=$BARE_HTTP"
bench_pg_start "$PG_PORT"
bench_build src/GrpcHost platform platform
bench_build bench/BareHost bare "bare host"

# With ConnectionStrings__Redis the host decides rate limits with FailOpenRateLimiter over
# RedisRateLimiter (one EVALSHA per limited call); a tenant without api_calls limits skips the limiter.
OPERATOR_KEY=$(bench_operator_key)
log "starting platform host (rate limits on Redis 127.0.0.1:$REDIS_PORT)"
bench_start_platform platform "$PLAT_GRPC" "$PLAT_HTTP" "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT"
PLATFORM_PID=$STARTED_PID
log "starting bare host"
bench_start_bare bare "$BARE_GRPC" "$BARE_HTTP"
BARE_PID=$STARTED_PID
wait_for platform "$PLATFORM_PID" "http://127.0.0.1:$PLAT_HTTP/healthz" Healthy 90
wait_for bare "$BARE_PID" "http://127.0.0.1:$BARE_HTTP/ping" pong 30
log "both hosts ready"
PLATFORM_LOG_MARK=$(wc -l <"$WORK/platform.log")

# ---------------------------------------------------------------- plans, tenants, keys, bodies
# bench-limited: the four api_calls windows a real plan has (as the seeded plans do), each far above
# what the load can use, so every call takes the limiter's full path (check all windows, charge all)
# and is admitted. bench-unlimited: api_calls explicitly unlimited, so the tenant has no rate rules.
LIMITED_PLAN='{"displayName":"bench limited","limits":[
  {"metric":"api_calls","window":"LIMIT_WINDOW_SECOND","value":"1000000","burst":"1000000"},
  {"metric":"api_calls","window":"LIMIT_WINDOW_HOUR","value":"1000000000"},
  {"metric":"api_calls","window":"LIMIT_WINDOW_DAY","value":"10000000000"},
  {"metric":"api_calls","window":"LIMIT_WINDOW_MONTH","value":"100000000000"}]}'
UNLIMITED_PLAN='{"displayName":"bench unlimited","limits":[
  {"metric":"api_calls","window":"LIMIT_WINDOW_SECOND","unlimited":true},
  {"metric":"api_calls","window":"LIMIT_WINDOW_HOUR","unlimited":true}]}'
bench_operator_post CreatePlan "/v1/plans?plan_id=bench-limited" "$LIMITED_PLAN" "$WORK/plan-limited.json"
bench_operator_post CreatePlan "/v1/plans?plan_id=bench-unlimited" "$UNLIMITED_PLAN" "$WORK/plan-unlimited.json"
bench_operator_post CreateTenant "/v1/tenants?tenant_id=bench-limited" \
    '{"display_name":"Bench limited","plan":"plans/bench-limited"}' "$WORK/tenant-limited.json"
bench_operator_post CreateTenant "/v1/tenants?tenant_id=bench-unlimited" \
    '{"display_name":"Bench unlimited","plan":"plans/bench-unlimited"}' "$WORK/tenant-unlimited.json"
LIMITED_AUTH="authorization: Bearer $(bench_tenant_key bench-limited "$WORK/key-limited.json")"
UNLIMITED_AUTH="authorization: Bearer $(bench_tenant_key bench-unlimited "$WORK/key-unlimited.json")"

bench_grpc_body "$WORK/limited.bin" tenants/bench-limited
bench_grpc_body "$WORK/unlimited.bin" tenants/bench-unlimited
bench_grpc_body "$WORK/ping.bin" tenants/bench-limited
PLAT_GRPC_URL="http://127.0.0.1:$PLAT_GRPC/platform.tenancy.v1.TenantService/GetTenant"
BARE_GRPC_URL="http://127.0.0.1:$BARE_GRPC/bench.v1.BareService/Ping"

# The limited tenant's answer must carry the RateLimit trailers (the limiter decided it); the
# unlimited tenant's must not (the limiter was skipped).
AUTH_HEADER=$LIMITED_AUTH
LIMITED_BYTES=$(grpc_probe "$PLAT_GRPC_URL" "$WORK/limited.bin" limited)
POLICY=$(awk -F': *' 'tolower($1) == "ratelimit-policy" { sub(/\r$/, "", $2); print $2 }' "$WORK/limited.probe.hdr")
[[ -n $POLICY ]] || { cat "$WORK/limited.probe.hdr" >&2; die "limited: no RateLimit-Policy trailer, the limiter did not decide the call"; }
AUTH_HEADER=$UNLIMITED_AUTH
UNLIMITED_BYTES=$(grpc_probe "$PLAT_GRPC_URL" "$WORK/unlimited.bin" unlimited)
if grep -qi '^ratelimit' "$WORK/unlimited.probe.hdr"; then
    cat "$WORK/unlimited.probe.hdr" >&2
    die "unlimited: RateLimit trailers present, the limiter decided a call of a tenant without api_calls limits"
fi
AUTH_HEADER=$LIMITED_AUTH
BARE_BYTES=$(grpc_probe "$BARE_GRPC_URL" "$WORK/ping.bin" bare)
log "probes OK (GetTenant limited $LIMITED_BYTES bytes with RateLimit-Policy: $POLICY; unlimited $UNLIMITED_BYTES bytes" \
    "without RateLimit trailers; Ping $BARE_BYTES bytes)"

# ---------------------------------------------------------------- load runs
# Rate-limit scripts Redis ran (EVALSHA, or EVAL on a script-cache miss), from INFO commandstats.
redis_decisions() {
    redis-cli -p "$REDIS_PORT" info commandstats | awk -F'[:=,]' '/^cmdstat_eval(sha)?:/ { s += $3 } END { print s + 0 }'
}

declare -A REDIS_TOTAL=([limited]=0 [unlimited]=0)
H2LOAD_P50=1   # every run logs its requests for the p50

# One platform run for one tenant; besides run_h2load's checks, counts the Redis decisions it caused:
# a limited run needs at least one per OK call, an unlimited run (almost) none (the host's heartbeat
# also runs a script every few seconds).
platform_run() { # label kind(limited/unlimited) body resp-bytes clients streams duration
    local label=$1 kind=$2 r0 r1 d
    if [[ $kind == limited ]]; then AUTH_HEADER=$LIMITED_AUTH; else AUTH_HEADER=$UNLIMITED_AUTH; fi
    SERVER_TENANT=bench-$kind H2LOAD_CLIENTS=$5 H2LOAD_STREAMS=$6
    r0=$(redis_decisions)
    run_h2load "$label" "$PLAT_GRPC_URL" "$3" "$7" "$4" 1
    r1=$(redis_decisions)
    d=$((r1 - r0))
    REDIS_TOTAL[$kind]=$((REDIS_TOTAL[$kind] + d))
    log "    Redis rate-limit scripts run: +$d; RESOURCE_EXHAUSTED: +$SERVER_DELTA_EXHAUSTED"
    if [[ $kind == limited ]] && ((d < SERVER_DELTA_OK)); then
        note_failure "$label: Redis ran $d rate-limit scripts for $SERVER_DELTA_OK OK calls (calls not limited through Redis)"
    elif [[ $kind == unlimited ]] && ((d > 20)); then
        note_failure "$label: Redis ran $d rate-limit scripts during a run of the tenant without api_calls limits"
    fi
}

run_target() { # key duration
    case $1 in
        limited) platform_run limited-c100 limited "$WORK/limited.bin" "$LIMITED_BYTES" 10 10 "$2" ;;
        unlimited) platform_run unlimited-c100 unlimited "$WORK/unlimited.bin" "$UNLIMITED_BYTES" 10 10 "$2" ;;
        limited_1) platform_run limited-c1 limited "$WORK/limited.bin" "$LIMITED_BYTES" 1 1 "$2" ;;
        unlimited_1) platform_run unlimited-c1 unlimited "$WORK/unlimited.bin" "$UNLIMITED_BYTES" 1 1 "$2" ;;
        bare)
            AUTH_HEADER=$LIMITED_AUTH SERVER_TENANT="" H2LOAD_CLIENTS=10 H2LOAD_STREAMS=10
            run_h2load bare-c100 "$BARE_GRPC_URL" "$WORK/ping.bin" "$2" "$BARE_BYTES" 0
            ;;
    esac
}

TARGETS=(limited unlimited bare limited_1 unlimited_1)
declare -A RESULTS=() P50S=()

log "warm-up: $WARMUP per target"
for t in limited unlimited bare; do
    run_target "$t" "$WARMUP"
    log "  warm-up $t: $RPS req/s, p50 $P50_MS ms"
done

# Interleaved, so that drift and noisy neighbours hit every target alike; limited and unlimited
# swap places every other round, so that neither always runs right after the other.
log "measuring: $ROUNDS round(s) x ${#TARGETS[@]} targets x $DURATION (interleaved)"
for r in $(seq "$ROUNDS"); do
    if ((r % 2)); then order=("${TARGETS[@]}"); else order=(unlimited limited bare unlimited_1 limited_1); fi
    for t in "${order[@]}"; do
        run_target "$t" "$DURATION"
        RESULTS[$t]="${RESULTS[$t]:-} $RPS"
        P50S[$t]="${P50S[$t]:-} $P50_MS"
        log "  round $r $t: $RPS req/s, p50 $P50_MS ms"
    done
done

kill -0 "$PLATFORM_PID" 2>/dev/null || note_failure "platform host died during the benchmark"
kill -0 "$BARE_PID" 2>/dev/null || note_failure "bare host died during the benchmark"

# Whole-run server counts per tenant (probes and warm-up included) and the tenants' quota as the
# platform reports it.
SERVER_TENANT=bench-limited
read -r LIM_OK LIM_CANCELLED LIM_OTHER LIM_EXHAUSTED <<<"$(server_counts)"
SERVER_TENANT=bench-unlimited
read -r UNL_OK UNL_CANCELLED UNL_OTHER UNL_EXHAUSTED <<<"$(server_counts)"
quota_line() { # tenant
    bench_operator_get GetQuota "/v1/tenants/$1/quota" "$WORK/quota-$1.json"
    "$PY" - "$WORK/quota-$1.json" <<'EOF'
import json, sys
q = json.load(open(sys.argv[1]))
parts = []
for l in q.get("limits", []):
    lim = l.get("limit", {})
    if lim.get("metric") != "api_calls":
        continue
    cap = "unlimited" if lim.get("unlimited") else lim.get("value", "0")
    parts.append(f'{lim.get("limitId")} {l.get("usage", "0")}/{cap}')
print(", ".join(parts) or "no api_calls limits")
EOF
}
LIM_QUOTA=$(quota_line bench-limited)
UNL_QUOTA=$(quota_line bench-unlimited)

# ---------------------------------------------------------------- report
declare -A MED=() MEDP=()
for t in "${TARGETS[@]}"; do
    MED[$t]=$(median <<<"${RESULTS[$t]}")
    MEDP[$t]=$(median <<<"${P50S[$t]}")
done
STACK_RATIO=$(ratio "${MED[limited]}" "${MED[bare]}")
LIMIT_RATIO=$(ratio "${MED[limited]}" "${MED[unlimited]}")
FREE_RATIO=$(ratio "${MED[unlimited]}" "${MED[bare]}")
LIMIT_RATIO_1=$(ratio "${MED[limited_1]}" "${MED[unlimited_1]}")
ADDED_1=$(awk -v a="${MEDP[limited_1]}" -v b="${MEDP[unlimited_1]}" 'BEGIN { printf "%+.3f", a - b }')
ADDED_100=$(awk -v a="${MEDP[limited]}" -v b="${MEDP[unlimited]}" 'BEGIN { printf "%+.3f", a - b }')
STACK_VERDICT=$(awk -v r="$STACK_RATIO" 'BEGIN { print (r + 0 >= 0.7) ? "PASS" : "FAIL" }')
P50_VERDICT=$(awk -v d="$ADDED_1" 'BEGIN { print (d + 0 <= 0.3) ? "PASS" : "FAIL" }')

declare -A NAMES=(
    [limited]="platform GetTenant, limited   (h2load -c10 -m10)"
    [unlimited]="platform GetTenant, unlimited (h2load -c10 -m10)"
    [bare]="bare     Ping                  (h2load -c10 -m10)"
    [limited_1]="platform GetTenant, limited   (h2load -c1 -m1)"
    [unlimited_1]="platform GetTenant, unlimited (h2load -c1 -m1)"
)
# Expected end-of-run cancellations (ABORT_RE, bench/lib/hosts.sh), plus the telemetry interceptor's
# warning for each call the load tool abandoned ("status=Cancelled").
ABORT_RE="$ABORT_RE|TelemetryInterceptor.* status=Cancelled "
tail -n +"$((PLATFORM_LOG_MARK + 1))" "$WORK/platform.log" >"$WORK/platform-under-load.log"
log_entries "$WORK/platform-under-load.log" | grep -E '^(warn|fail|crit): ' >"$WORK/platform-problems.log" || true
host_warnings=$(wc -l <"$WORK/platform-problems.log")
host_aborts=$(grep -cE "$ABORT_RE" "$WORK/platform-problems.log" || true)
# FailOpenRateLimiter logs each switch to local decisions (Redis slower than the timeout, or down) and
# each recovery; the fallback decision counter is not on /metrics (OpenTelemetry meter only).
FALLBACKS=$(grep -c 'Redis rate limiting unavailable' "$WORK/platform-problems.log" || true)

{
    echo
    echo "== Quota benchmark, full stack: GetTenant over gRPC with and without limiting =="
    echo "$(nproc) cores, load generator on the same machine; ${ROUNDS} x ${DURATION} per target after a ${WARMUP} warm-up;"
    echo "Redis $(redis-server --version | awk '{ sub(/^v=/, "", $3); print $3 }'), PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') (fsync=off), Release builds, .NET $(dotnet --version);"
    echo "one platform host with ConnectionStrings__Redis: tenant bench-limited on plan bench-limited (api_calls per"
    echo "second/hour/day/month, never exhausted: one Redis script per call), tenant bench-unlimited on plan"
    echo "bench-unlimited (api_calls unlimited: limiter skipped)"
    echo
    printf '%-48s %12s %9s   %s\n' "target" "median req/s" "p50 ms" "rounds (req/s; p50 ms)"
    for t in "${TARGETS[@]}"; do
        printf '%-48s %12.0f %9.3f   %s; %s\n' "${NAMES[$t]}" "${MED[$t]}" "${MEDP[$t]}" \
            "$(for v in ${RESULTS[$t]}; do printf '%.0f ' "$v"; done | sed 's/ $//')" "${P50S[$t]# }"
    done
    echo
    printf '%-48s %12s\n' "limited / bare gRPC (req/s, 100 streams)" "${STACK_RATIO}x"
    printf '%-48s %12s\n' "limited / unlimited (req/s, 100 streams)" "${LIMIT_RATIO}x"
    printf '%-48s %12s\n' "unlimited / bare gRPC (req/s, 100 streams)" "${FREE_RATIO}x"
    printf '%-48s %12s\n' "limited / unlimited (req/s, 1 stream)" "${LIMIT_RATIO_1}x"
    printf '%-48s %12s   (%s vs %s ms)\n' "p50 added by limiting, 1 stream" "$ADDED_1 ms" "$(printf '%.3f' "${MEDP[limited_1]}")" "$(printf '%.3f' "${MEDP[unlimited_1]}")"
    printf '%-48s %12s   (%s vs %s ms; at a fixed 100 streams p50 ~ 100 / req/s)\n' "p50 added by limiting, 100 streams" "$ADDED_100 ms" "$(printf '%.3f' "${MEDP[limited]}")" "$(printf '%.3f' "${MEDP[unlimited]}")"
    echo
    echo "Target: GetTenant gRPC with limiting >= 0.7x bare gRPC: $STACK_VERDICT (${STACK_RATIO}x)"
    echo "Target: p50 added by limiting <= 0.3 ms (1 stream, limited vs unlimited): $P50_VERDICT (${ADDED_1} ms)"
    echo
    echo "Server counts, whole run (probes and warm-up included), platform_rpc_requests_total for GetTenant:"
    echo "  bench-limited:   $LIM_OK OK, $LIM_CANCELLED CANCELLED, $LIM_EXHAUSTED RESOURCE_EXHAUSTED, $((LIM_OTHER - LIM_EXHAUSTED)) other errors;" \
        "Redis ran ${REDIS_TOTAL[limited]} rate-limit scripts during its runs"
    echo "  bench-unlimited: $UNL_OK OK, $UNL_CANCELLED CANCELLED, $UNL_EXHAUSTED RESOURCE_EXHAUSTED, $((UNL_OTHER - UNL_EXHAUSTED)) other errors;" \
        "Redis ran ${REDIS_TOTAL[unlimited]} rate-limit scripts during its runs"
    echo "  RESOURCE_EXHAUSTED during the measured and warm-up runs: $SERVER_EXHAUSTED"
    echo "  switches to local fail-open decisions (a Redis call over the 50 ms timeout; host log): $FALLBACKS"
    echo "GetQuota after the runs: bench-limited: $LIM_QUOTA"
    echo "                         bench-unlimited: $UNL_QUOTA"
    echo
    if ((${#FAILURES[@]})); then
        echo "Correctness problems seen during the runs (${#FAILURES[@]}):"
        printf '  - %s\n' "${FAILURES[@]}"
    else
        echo "Correctness: all runs clean: no h2load failed/errored/non-2xx, gRPC DATA bytes per request as"
        echo "expected (no trailers-only error replies), the server's per-tenant GetTenant counts matched the"
        echo "clients in $SERVER_CHECKED platform runs (warm-up included), every OK call of the limited tenant was"
        echo "decided by a Redis script and the unlimited tenant's calls by none."
    fi
    echo "End-of-run cancellations (load tool dropping in-flight calls, expected): $SERVER_CANCELLED CANCELLED in the"
    echo "server metrics; $host_aborts of the $host_warnings warn/fail entries in the platform log after start-up."
}

if ((host_warnings > host_aborts)); then
    echo "Other platform host warn/fail log entries ($((host_warnings - host_aborts)), first 20, truncated):"
    grep -vE "$ABORT_RE" "$WORK/platform-problems.log" | cut -c1-300 | awk 'NR <= 20' | sed 's/^/  /'
fi
exit 0
