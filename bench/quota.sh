#!/usr/bin/env bash
# Rate-limiter micro-benchmark: starts a private redis-server on a free loopback port, builds
# bench/QuotaBench in Release and runs it (3 interleaved rounds, medians). A benchmark, not a test:
# exits 0 whether the target is met or not, non-zero only when something broke.
#
# Env: BENCH_SECONDS (5) per measured run, BENCH_ROUNDS (3), BENCH_WARMUP (3) seconds per target,
#      BENCH_CONCURRENCY (64)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$REPO/scripts/lib/services.sh"   # free_port

command -v redis-server >/dev/null 2>&1 || {
    [[ $EUID -eq 0 ]] || { echo "redis-server missing and not root; apt-get install redis-server" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

WORK=$(mktemp -d /tmp/platform-quota-bench.XXXXXX)
PORT=$(free_port)
cleanup() {
    redis-cli -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$PORT" ping >/dev/null || { cat "$WORK/redis.log" >&2; exit 1; }

cd "$REPO"
dotnet build bench/QuotaBench -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
dotnet bench/QuotaBench/bin/Release/net10.0/Platform.Bench.QuotaBench.dll "127.0.0.1:$PORT" \
    --seconds "${BENCH_SECONDS:-5}" --rounds "${BENCH_ROUNDS:-3}" --warmup "${BENCH_WARMUP:-3}" \
    --concurrency "${BENCH_CONCURRENCY:-64}"
