# Building and starting the platform host and the bare host, operator REST calls and one-off probes
# (sourced after common.sh). Hosts started here are registered in BENCH_PIDS and stopped on exit.

# dotnet build <project> -c Release; the output goes to WORK/build-<name>.log.
bench_build() { # project log-name description
    log "dotnet build $1 -c Release"
    (cd "$REPO" && dotnet build "$1" -c Release -nologo -v quiet) >"$WORK/build-$2.log" 2>&1 \
        || { cat "$WORK/build-$2.log" >&2; die "$3 build failed"; }
}

# A random bootstrap operator key (tk_ + 64 URL-safe characters).
bench_operator_key() {
    "$PY" -c 'import secrets,string; a=string.ascii_letters+string.digits+"-_"; print("tk_"+"".join(secrets.choice(a) for _ in range(64)))'
}

# Starts the Release platform host with the PostgreSQL provider on 127.0.0.1:PG_PORT, h2c gRPC on
# grpc-port and HTTP/1.1 REST on http-port, bootstrap operator key OPERATOR_KEY, logging at Warning,
# Production environment; extra VAR=value arguments are exported on top (e.g. ConnectionStrings__Redis).
# Output goes to WORK/<name>.log; sets STARTED_PID.
#
# Run from the output directory: the content root is the working directory, and appsettings.json
# (Kestrel endpoint protocols among others) is only found there. Protocols are also set explicitly:
# without them Kestrel serves HTTP/1.1 only on a non-TLS endpoint and h2c gRPC gets an empty reply.
bench_start_platform() { # name grpc-port http-port [VAR=value ...]
    local name=$1 grpc=$2 http=$3
    shift 3
    (
        export Platform__Bootstrap__OperatorKey="$OPERATOR_KEY"
        cd "$REPO/src/GrpcHost/bin/Release/net10.0"
        export Platform__Storage__Provider=Postgres
        export ConnectionStrings__Platform="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=platform;Pooling=true;Maximum Pool Size=50"
        export Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc" Kestrel__Endpoints__Grpc__Protocols=Http2
        export Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http" Kestrel__Endpoints__Http__Protocols=Http1
        export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production
        for kv in "$@"; do export "$kv"; done
        exec dotnet Platform.GrpcHost.dll
    ) >"$WORK/$name.log" 2>&1 &
    STARTED_PID=$!
    BENCH_PIDS+=("$STARTED_PID")
}

# Starts bench/BareHost (Release). Output goes to WORK/<name>.log; sets STARTED_PID.
bench_start_bare() { # name grpc-port http-port
    (
        cd "$REPO/bench/BareHost/bin/Release/net10.0"
        export ASPNETCORE_ENVIRONMENT=Production
        exec dotnet Platform.Bench.BareHost.dll --grpc-port "$2" --http-port "$3"
    ) >"$WORK/$1.log" 2>&1 &
    STARTED_PID=$!
    BENCH_PIDS+=("$STARTED_PID")
}

wait_for() { # name pid url expected-body timeout-seconds
    local name=$1 pid=$2 url=$3 want=$4 secs=$5 body=""
    for _ in $(seq $((secs * 4))); do
        kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log" >&2; die "$name host exited during start-up"; }
        body=$(curl -s --max-time 2 "$url" 2>/dev/null || true)
        [[ $body == *"$want"* ]] && return 0
        sleep 0.25
    done
    tail -n 50 "$WORK/$name.log" >&2
    die "$name host not ready after ${secs}s ($url said: '${body:0:200}')"
}

# ---------------------------------------------------------------- operator REST calls
# POST to the platform's REST port (PLAT_HTTP) as the operator; the reply goes to out-file, and
# anything but HTTP 200 is fatal ("<what> returned HTTP <code>").
bench_operator_post() { # what path-and-query json-body out-file
    local code
    code=$(curl -s -o "$4" -w '%{http_code}' -X POST "http://127.0.0.1:$PLAT_HTTP$2" \
        -H "authorization: Bearer $OPERATOR_KEY" -H 'content-type: application/json' -d "$3")
    [[ $code == 200 ]] || { cat "$4" >&2; die "$1 returned HTTP $code"; }
}

# GET from the platform's REST port as the operator into out-file; non-200 is fatal.
bench_operator_get() { # what path out-file
    local code
    code=$(curl -s -o "$3" -w '%{http_code}' "http://127.0.0.1:$PLAT_HTTP$2" -H "authorization: Bearer $OPERATOR_KEY")
    [[ $code == 200 ]] || { cat "$3" >&2; die "$1 returned HTTP $code"; }
}

# Creates a tenant API key (role viewer) and prints its secret.
bench_tenant_key() { # tenant-id out-file
    bench_operator_post CreateApiKey "/v1/tenants/$1/apiKeys" '{"display_name":"bench","roles":["viewer"]}' "$2"
    "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["secret"])' "$2"
}

# ---------------------------------------------------------------- probes
# One gRPC call through curl with AUTH_HEADER; checks grpc-status 0 in the trailers and prints the
# response body size (5-byte prefix included), which is then the expected DATA bytes per request
# under h2load. Headers and trailers stay in WORK/<name>.probe.hdr.
grpc_probe() { # url body name
    local url=$1 body=$2 name=$3
    local hdr="$WORK/$name.probe.hdr" out="$WORK/$name.probe.out"
    curl -sS --http2-prior-knowledge -X POST -H 'content-type: application/grpc' -H 'te: trailers' -H "$AUTH_HEADER" \
        --data-binary @"$body" -D "$hdr" -o "$out" "$url" >/dev/null || die "$name: curl gRPC call to $url failed"
    grep -qi '^grpc-status: *0' "$hdr" || { cat "$hdr" >&2; die "$name: gRPC call did not return grpc-status 0"; }
    local size
    size=$(stat -c %s "$out")
    ((size > 5)) || die "$name: empty gRPC response"
    echo "$size"
}

rest_probe() { # url want name
    local code
    code=$(curl -s -o "$WORK/$3.probe.json" -w '%{http_code}' -H "$AUTH_HEADER" "$1")
    [[ $code == 200 ]] || { cat "$WORK/$3.probe.json" >&2; die "$3: HTTP $code"; }
    grep -q "$2" "$WORK/$3.probe.json" || { cat "$WORK/$3.probe.json" >&2; die "$3: unexpected body"; }
}

# ---------------------------------------------------------------- host log after the runs
# Console log entries start with "warn: ", "fail: " ... and continue on indented lines.
# h2load and wrk stop by dropping their connections with calls still in flight; the host then logs
# "The HTTP/2 connection faulted" (gRPC) or an OperationCanceledException (REST) for each of them.
# Those are expected (at most the concurrency per run); anything else is shown.
ABORT_RE='The HTTP/2 connection faulted|System\.(OperationCanceled|TaskCanceled)Exception'
log_entries() { # file -> one entry per line (newlines inside an entry become " | ")
    awk '/^(trce|dbug|info|warn|fail|crit): / { if (e != "") print e; e = $0; next } { e = e " | " $0 } END { if (e != "") print e }' "$1"
}
