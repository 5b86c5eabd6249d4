#!/usr/bin/env bash
# Metering benchmark: in the same run, (a) the raw PostgreSQL ceiling — 100-row transactions of
# INSERT … ON CONFLICT DO NOTHING into a usage_events-shaped table from a bare Npgsql client — and
# (b) RecordUsageEvents over gRPC in batches of 100 against the platform host (Release, child
# process, PostgreSQL provider, same database server). Rounds are interleaved; medians are printed
# with the ratio (target >= 0.7). bench/BillingBench does the work.
# A benchmark, not a test: exits 0 whether the target is met or not.
#
# Env: BENCH_POSTGRES   (PLATFORM_TEST_POSTGRES)  a PostgreSQL server connection string; the bench
#                       creates and drops its own database there (scripts/dev-services.sh prints one)
#      BENCH_ROUNDS     (5)    measured rounds
#      BENCH_BATCHES    (200)  transactions / calls per client per round
#      BENCH_CLIENTS    (4)    concurrent clients for both paths
#      BENCH_BATCH_SIZE (100)  events per transaction / call
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG=${BENCH_POSTGRES:-${PLATFORM_TEST_POSTGRES:-}}
[[ -n $PG ]] || { echo "Set BENCH_POSTGRES (or PLATFORM_TEST_POSTGRES) to a PostgreSQL server connection string." >&2; exit 2; }

dotnet build "$REPO/src/GrpcHost" -c Release -v q -nologo >/dev/null
dotnet build "$REPO/bench/BillingBench" -c Release -v q -nologo >/dev/null
exec dotnet "$REPO/bench/BillingBench/bin/Release/net10.0/Platform.Bench.BillingBench.dll" \
    "$REPO/src/GrpcHost/bin/Release/net10.0/Platform.GrpcHost.dll" "$PG"
