#!/usr/bin/env bash
# EAV benchmark: one platform host (Release, PostgreSQL) loaded through its public gRPC API with
# BENCH_TENANTS tenants and BENCH_ENTITIES entities (BENCH_BIG of them in one tenant's 'item' type:
# 8 attributes, 7 indexed plus a query-hint composite), then Q1/Q2/Q3 (ListEntities), GetEntity and
# UpdateEntity timed three ways against a native-columns copy of the big tenant's rows with the same
# indexes in the same database: the native table through Npgsql (the baseline), the platform's
# handlers in-process (server side, no gRPC) and end to end over gRPC at 1 and 4 clients.
# bench/EavBench (Release) does the work; see bench/README.md.
# A benchmark, not a test: exits 0 whether the targets are met or not, non-zero only when something
# broke (build, start-up, a failed call, an import that did not create what it sent).
#
# Env: BENCH_ENTITIES       (1000000) entities in all
#      BENCH_BIG            (500000)  of them in the big tenant
#      BENCH_TENANTS        (1000)    tenants, the big one included
#      BENCH_ITERATIONS     (300)     measured calls per client per query per round
#      BENCH_ROUNDS         (3)       rounds; medians over rounds are reported
#      BENCH_WARMUP         (50)      unmeasured calls per client before each measured run
#      BENCH_RUN_SECONDS    (60)      time cap of one measured run (one row, one round): it stops after
#                                     BENCH_ITERATIONS calls per client or this long (at least 20 calls
#                                     per client), whichever comes first; the warm-up gets a sixth of it
#      BENCH_IMPORT_STREAMS (2)       concurrent ImportEntities streams for the big tenant
#      BENCH_SMALL_STREAMS  (4)       other tenants imported at a time (one stream each)
#      BENCH_BATCH          (500)     entities per ImportEntities message
#      BENCH_SMALL_INDEXED  (0)       1: the other tenants' item types are indexed too (8 partial indexes
#                                     each, thousands on the one table: slow to build and to insert into)
#      BENCH_PG_SHARED_BUFFERS (1GB)  shared_buffers of the private PostgreSQL
#      BENCH_RAW_DIR        (unset)   if set, the report and the host and build logs are copied there
#      PG_BIN               (newest /usr/lib/postgresql/*/bin)
# Smoke run (about 2 minutes): BENCH_ENTITIES=20000 BENCH_BIG=10000 BENCH_TENANTS=20 BENCH_ROUNDS=1 bench/eav.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO/bench/lib/common.sh"     # log, die, tools, temp dir + cleanup, ports
source "$REPO/bench/lib/services.sh"   # private PostgreSQL
source "$REPO/bench/lib/hosts.sh"      # build, start the host, readiness

ENTITIES=${BENCH_ENTITIES:-1000000}
BIG=${BENCH_BIG:-500000}
TENANTS=${BENCH_TENANTS:-1000}
ITERATIONS=${BENCH_ITERATIONS:-300}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-50}
RUN_SECONDS=${BENCH_RUN_SECONDS:-60}
IMPORT_STREAMS=${BENCH_IMPORT_STREAMS:-2}
SMALL_STREAMS=${BENCH_SMALL_STREAMS:-4}
BATCH=${BENCH_BATCH:-500}
SMALL_INDEXED=${BENCH_SMALL_INDEXED:-0}
SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-1GB}

for v in BENCH_ENTITIES:$ENTITIES BENCH_BIG:$BIG BENCH_TENANTS:$TENANTS BENCH_ITERATIONS:$ITERATIONS \
    BENCH_ROUNDS:$ROUNDS BENCH_RUN_SECONDS:$RUN_SECONDS BENCH_IMPORT_STREAMS:$IMPORT_STREAMS BENCH_SMALL_STREAMS:$SMALL_STREAMS BENCH_BATCH:$BATCH; do
    require_positive_int "${v%%:*}" "${v#*:}"
done
[[ $WARMUP =~ ^[0-9]+$ ]] || die "BENCH_WARMUP must be a whole number (got '$WARMUP')"
[[ $SMALL_INDEXED == 0 || $SMALL_INDEXED == 1 ]] || die "BENCH_SMALL_INDEXED must be 0 or 1 (got '$SMALL_INDEXED')"
((TENANTS >= 2)) || die "BENCH_TENANTS must be at least 2 (the big tenant and one other)"
((BIG < ENTITIES)) || die "BENCH_BIG ($BIG) must be below BENCH_ENTITIES ($ENTITIES)"
((ENTITIES - BIG >= TENANTS - 1)) || die "BENCH_ENTITIES - BENCH_BIG must give each of the other $((TENANTS - 1)) tenants an entity"

# The service must be in the host before anything is started.
grep -rqs 'EntityService\.EntityServiceBase' "$REPO/src/GrpcHost" --include='*.cs' \
    || die "src/GrpcHost does not serve platform.eav.v1.EntityService yet (no EntityService.EntityServiceBase in src/GrpcHost)"

REVISION=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $REVISION != unknown ]] && [[ -n $(git -C "$REPO" status --porcelain -- src protos 2>/dev/null) ]]; then
    REVISION="$REVISION + uncommitted changes in src/ or protos/"
fi

# ---------------------------------------------------------------- tools, PostgreSQL, builds
bench_install_tools postgres curl
bench_pg_bin
bench_workdir /tmp/platform-eav-bench.XXXXXX
read -r PG_PORT PLAT_GRPC PLAT_HTTP < <(bench_free_ports 3)
log "ports: postgres=$PG_PORT platform grpc=$PLAT_GRPC http=$PLAT_HTTP"
bench_pg_start "$PG_PORT"
# A production-like buffer cache for a ~2 GB data set (the default 128 MB would make both sides read
# through the OS cache), and WAL room for the load without a checkpoint every few seconds. The
# application name in the log prefix lets EavBench find the statements of its own logging sessions
# (time inside PostgreSQL, query plans); nothing else logs statements.
# Autovacuum runs are logged too: an auto-analyze in the middle of a round can change a plan.
bench_pg_settings "$PG_PORT" "shared_buffers=$SHARED_BUFFERS" max_wal_size=8GB "log_line_prefix=%m [%p] %a " \
    log_autovacuum_min_duration=0
cd "$REPO"
bench_build src/GrpcHost platform platform
bench_build bench/EavBench eavbench EavBench

# ---------------------------------------------------------------- platform host
# Operators share one rate budget (1,000/s by default); the set-up makes a few thousand operator
# calls, so the bench host turns the operator's per-second window off. Tenants are on a plan
# without limits (created by EavBench).
OPERATOR_KEY=$(bench_operator_key)
log "starting platform host"
bench_start_platform platform "$PLAT_GRPC" "$PLAT_HTTP" Platform__RateLimiting__Operator__PerSecond=0
PLATFORM_PID=$STARTED_PID
wait_for platform "$PLATFORM_PID" "http://127.0.0.1:$PLAT_HTTP/healthz" Healthy 90
log "platform host ready"
PLATFORM_LOG_MARK=$(wc -l <"$WORK/platform.log")

# ---------------------------------------------------------------- the benchmark
small_flag=()
((SMALL_INDEXED)) && small_flag=(--small-indexed)
log "EavBench: $ENTITIES entities, $TENANTS tenants, big tenant $BIG; $ROUNDS round(s) x $ITERATIONS calls"
started=$(date +%s)
dotnet bench/EavBench/bin/Release/net10.0/Platform.Bench.EavBench.dll \
    --grpc "http://127.0.0.1:$PLAT_GRPC" --operator-key "$OPERATOR_KEY" \
    --pg "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=platform;Pooling=true;Maximum Pool Size=20;Command Timeout=0" \
    --entities "$ENTITIES" --big "$BIG" --tenants "$TENANTS" --iterations "$ITERATIONS" --rounds "$ROUNDS" \
    --warmup "$WARMUP" --run-seconds "$RUN_SECONDS" --import-streams "$IMPORT_STREAMS" --small-streams "$SMALL_STREAMS" \
    --batch "$BATCH" --pg-log "$WORK/sock/postgres.log" \
    "${small_flag[@]}" >"$WORK/raw/report.txt" || {
    cat "$WORK/raw/report.txt"
    tail -n 40 "$WORK/platform.log" >&2
    die "EavBench failed"
}
kill -0 "$PLATFORM_PID" 2>/dev/null || die "platform host died during the benchmark"
cp "$WORK/sock/postgres.log" "$WORK/raw/postgres.log"   # kept with BENCH_RAW_DIR: plans, logged statements, autovacuum

# ---------------------------------------------------------------- report
tail -n +"$((PLATFORM_LOG_MARK + 1))" "$WORK/platform.log" >"$WORK/platform-during-bench.log"
log_entries "$WORK/platform-during-bench.log" | grep -E '^(warn|fail|crit): ' >"$WORK/platform-problems.log" || true
host_warnings=$(wc -l <"$WORK/platform-problems.log")
{
    cat "$WORK/raw/report.txt"
    echo
    echo "$(nproc) cores shared by PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), the platform host and the bench;" \
        "Release builds, .NET $(dotnet --version); whole run $(($(date +%s) - started)) s; commit $REVISION."
    echo "Platform host warn/fail log entries during the run: $host_warnings"
    if ((host_warnings > 0)); then
        cut -c1-300 "$WORK/platform-problems.log" | awk 'NR <= 20' | sed 's/^/  /'
    fi
} | tee "$WORK/raw/eav-report.txt"
exit 0
