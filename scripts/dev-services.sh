#!/usr/bin/env bash
# Starts private PostgreSQL and Redis for running tests from an IDE or `dotnet test`, and prints
# the environment to export. Stop them with Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/lib/services.sh"
services_install
services_start
trap services_stop EXIT
echo "export PLATFORM_TEST_POSTGRES='$PLATFORM_TEST_POSTGRES'"
echo "export PLATFORM_TEST_REDIS='$PLATFORM_TEST_REDIS'"
echo "Press Ctrl-C to stop."
while sleep 3600; do :; done
