#!/usr/bin/env bash
# Invoice-run benchmark: one pass of the real InvoiceRun over N tenants' subscriptions (default 10,000), printing
# time and peak memory. SQLite by default; BENCH_POSTGRES=<connection string to an empty database> for PostgreSQL.
# Usage: bench/billing/run.sh [tenants] [usage-events-per-tenant]
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet build -c Release -v q "$REPO/bench/billing/BillingBench.csproj" >/dev/null
dotnet "$REPO/bench/billing/bin/Release/net10.0/Platform.Bench.BillingBench.dll" "$@"
