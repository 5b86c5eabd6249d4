# Private PostgreSQL and Redis servers for the bench scripts, inside WORK (sourced after common.sh).
# Both are stopped by bench_cleanup on exit.

# Sets PG_BIN (env PG_BIN, else the newest /usr/lib/postgresql/*/bin).
bench_pg_bin() {
    PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
    [[ -x $PG_BIN/initdb ]] || die "no initdb in $PG_BIN"
}

# initdb + start on 127.0.0.1:port (fsync=off) + createdb platform.
bench_pg_start() { # port
    local port=$1
    mkdir -p "$WORK/pgdata" "$WORK/sock"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$WORK/pgdata" "$WORK/sock"
    log "initdb + start PostgreSQL ($PG_BIN)"
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/sock/postgres.log" \
        -o "-p $port -k $WORK/sock -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null \
        || { cat "$WORK/sock/postgres.log" >&2; die "PostgreSQL did not start"; }
    PG_STARTED=1
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres platform
}

# redis-server on 127.0.0.1:port, no persistence; sets REDIS_PORT.
bench_redis_start() { # port
    REDIS_PORT=$1
    log "starting redis-server on port $REDIS_PORT"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$WORK/redis.pid" --logfile "$WORK/redis-server.log" --dir "$WORK"
    REDIS_STARTED=1
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -p "$REDIS_PORT" ping >/dev/null || { cat "$WORK/redis-server.log" >&2; die "redis-server did not start"; }
}

# Applies server settings to the private PostgreSQL started by bench_pg_start (ALTER SYSTEM) and
# restarts it, since settings such as shared_buffers only take effect on start.
bench_pg_settings() { # port name=value ...
    local port=$1 kv
    shift
    for kv in "$@"; do
        "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 \
            -c "ALTER SYSTEM SET ${kv%%=*} = '${kv#*=}'" >/dev/null || die "PostgreSQL setting $kv refused"
    done
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/sock/postgres.log" -m fast -w restart >/dev/null \
        || { tail -n 20 "$WORK/sock/postgres.log" >&2; die "PostgreSQL did not restart with $*"; }
}
