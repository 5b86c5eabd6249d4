# Starts private PostgreSQL and Redis servers on free loopback ports inside a temporary
# directory, for tests and benchmarks. Source this file, then call:
#   services_install            # apt-get install what is missing
#   services_start              # exports PLATFORM_TEST_POSTGRES and PLATFORM_TEST_REDIS
#   services_stop               # stops what services_start started (also on EXIT via trap)
# Nothing here touches a system-wide server.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

services_install() {
  local missing=()
  [[ -x "$PG_BIN/initdb" ]] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if ((${#missing[@]})); then
    echo "Installing ${missing[*]} with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
    # Debian may auto-create a cluster; we never use it.
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

services_start() {
  SERVICES_DIR="$(mktemp -d /tmp/platform-services.XXXXXX)"
  chmod 755 "$SERVICES_DIR"
  local pgdata="$SERVICES_DIR/pg" sock="$SERVICES_DIR/sock"
  mkdir -p "$pgdata" "$sock"
  PG_PORT="$(free_port)"
  REDIS_PORT="$(free_port)"

  # initdb refuses to run as root; the postgres user owns the private cluster.
  local as_pg=()
  if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$SERVICES_DIR"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$SERVICES_DIR/initdb.log" 2>&1
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pgdata" -l "$SERVICES_DIR/pg.log" \
    -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    -w start >/dev/null
  PG_STARTED=1

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log" --dir "$SERVICES_DIR"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  REDIS_STARTED=1

  export PLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=20"
  export PLATFORM_TEST_REDIS="127.0.0.1:$REDIS_PORT"
  echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT (in $SERVICES_DIR)"
}

services_stop() {
  if [[ -n "${PG_STARTED:-}" ]]; then
    local as_pg=()
    [[ "$(id -u)" == 0 ]] && as_pg=(runuser -u postgres --)
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
    PG_STARTED=
  fi
  if [[ -n "${REDIS_STARTED:-}" ]]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    REDIS_STARTED=
  fi
  [[ -n "${SERVICES_DIR:-}" ]] && rm -rf "$SERVICES_DIR"
  SERVICES_DIR=
}
