#!/usr/bin/env bash
# Search benchmark: one platform host (Release, PostgreSQL) with BENCH_DOCUMENTS listings in one tenant
# (English and Chinese text, two facet attributes, a location), loaded through ImportEntities and indexed
# by the outbox worker; then SearchEntities / SuggestCompletions timed over gRPC at 1 and 4 clients, and
# the write → searchable lag at BENCH_WRITES_PER_SECOND. bench/SearchBench (Release) does the work.
# A benchmark, not a test: exits 0 whether the targets are met or not, non-zero only when something broke.
#
# Env: BENCH_DOCUMENTS         (1000000) listings
#      BENCH_ITERATIONS        (300)     measured calls per client per query per round
#      BENCH_ROUNDS            (3)       rounds; medians over rounds are reported
#      BENCH_WARMUP            (30)      unmeasured calls per client before each measured run
#      BENCH_RUN_SECONDS       (60)      time cap of one measured run
#      BENCH_IMPORT_STREAMS    (2)       concurrent ImportEntities streams
#      BENCH_WRITES_PER_SECOND (500)     write rate of the lag run
#      BENCH_LAG_SECONDS       (20)      length of the lag run
#      BENCH_PG_SHARED_BUFFERS (1GB)     shared_buffers of the private PostgreSQL
#      PG_BIN                  (newest /usr/lib/postgresql/*/bin)
# Smoke run (a few minutes): BENCH_DOCUMENTS=20000 BENCH_ROUNDS=1 BENCH_ITERATIONS=50 BENCH_LAG_SECONDS=5 bench/search.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO/bench/lib/common.sh"
source "$REPO/bench/lib/services.sh"
source "$REPO/bench/lib/hosts.sh"

DOCUMENTS=${BENCH_DOCUMENTS:-1000000}
ITERATIONS=${BENCH_ITERATIONS:-300}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-30}
RUN_SECONDS=${BENCH_RUN_SECONDS:-60}
IMPORT_STREAMS=${BENCH_IMPORT_STREAMS:-2}
WRITES=${BENCH_WRITES_PER_SECOND:-500}
LAG_SECONDS=${BENCH_LAG_SECONDS:-20}
SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-1GB}
for v in BENCH_DOCUMENTS:$DOCUMENTS BENCH_ITERATIONS:$ITERATIONS BENCH_ROUNDS:$ROUNDS BENCH_RUN_SECONDS:$RUN_SECONDS \
    BENCH_IMPORT_STREAMS:$IMPORT_STREAMS BENCH_WRITES_PER_SECOND:$WRITES BENCH_LAG_SECONDS:$LAG_SECONDS; do
    require_positive_int "${v%%:*}" "${v#*:}"
done
[[ $WARMUP =~ ^[0-9]+$ ]] || die "BENCH_WARMUP must be a whole number (got '$WARMUP')"

REVISION=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)

bench_install_tools postgres curl
bench_pg_bin
bench_workdir /tmp/platform-search-bench.XXXXXX
read -r PG_PORT PLAT_GRPC PLAT_HTTP < <(bench_free_ports 3)
log "ports: postgres=$PG_PORT platform grpc=$PLAT_GRPC http=$PLAT_HTTP"
bench_pg_start "$PG_PORT"
bench_pg_settings "$PG_PORT" "shared_buffers=$SHARED_BUFFERS" max_wal_size=8GB
cd "$REPO"
bench_build src/GrpcHost platform platform
bench_build bench/SearchBench searchbench SearchBench

OPERATOR_KEY=$(bench_operator_key)
log "starting platform host"
bench_start_platform platform "$PLAT_GRPC" "$PLAT_HTTP" Platform__RateLimiting__Operator__PerSecond=0
PLATFORM_PID=$STARTED_PID
wait_for platform "$PLATFORM_PID" "http://127.0.0.1:$PLAT_HTTP/healthz" Healthy 90
log "platform host ready"

started=$(date +%s)
dotnet bench/SearchBench/bin/Release/net10.0/Platform.Bench.SearchBench.dll \
    --grpc "http://127.0.0.1:$PLAT_GRPC" --operator-key "$OPERATOR_KEY" \
    --pg "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=platform;Command Timeout=0" \
    --documents "$DOCUMENTS" --iterations "$ITERATIONS" --rounds "$ROUNDS" --warmup "$WARMUP" --run-seconds "$RUN_SECONDS" \
    --import-streams "$IMPORT_STREAMS" --writes-per-second "$WRITES" --lag-seconds "$LAG_SECONDS" >"$WORK/report.txt" || {
    cat "$WORK/report.txt"
    tail -n 40 "$WORK/platform.log" >&2
    die "SearchBench failed"
}
kill -0 "$PLATFORM_PID" 2>/dev/null || die "platform host died during the benchmark"
{
    cat "$WORK/report.txt"
    echo
    echo "$(nproc) cores shared by PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), the platform host and the bench;" \
        "Release builds, .NET $(dotnet --version); whole run $(($(date +%s) - started)) s; commit $REVISION."
}
exit 0
