# Shared by bench/foundation.sh and bench/quota.sh (sourced, never run). Logging, tool installation,
# the temp dir with its exit trap, free ports, gRPC request bodies, medians and ratios.
#
# The caller sets REPO and `set -euo pipefail` before sourcing; everything it starts is registered
# here (BENCH_PIDS, PG_STARTED, REDIS_STARTED) and stopped by bench_cleanup on exit.

export LC_ALL=C
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

require_positive_int() { # name value
    [[ $2 =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive integer (got '$2')"
}

# Installs what is missing with apt-get (as root), then checks for dotnet.
# Tools: postgres, h2load, wrk, curl, redis.
bench_install_tools() {
    local missing=() tool
    for tool in "$@"; do
        case $tool in
            postgres) ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql) ;;
            h2load) command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client) ;;
            wrk) command -v wrk >/dev/null 2>&1 || missing+=(wrk) ;;
            curl) command -v curl >/dev/null 2>&1 || missing+=(curl) ;;
            redis) command -v redis-server >/dev/null 2>&1 || missing+=(redis-server) ;;
            *) die "bench_install_tools: unknown tool '$tool'" ;;
        esac
    done
    if ((${#missing[@]})); then
        [[ $EUID -eq 0 ]] || die "missing packages (${missing[*]}) and not root; install them with apt-get"
        log "installing ${missing[*]} with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"
}

# ---------------------------------------------------------------- temp dir + cleanup
BENCH_PIDS=()     # background hosts, stopped in start order
PG_STARTED=0
REDIS_STARTED=0
if [[ $EUID -eq 0 ]]; then AS_PG=(runuser -u postgres --); else AS_PG=(); fi

stop_pid() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
    local rc=$? pid
    set +e
    if [[ -n ${BENCH_RAW_DIR:-} ]]; then
        mkdir -p "$BENCH_RAW_DIR" && cp -r "$WORK"/raw "$WORK"/*.log "$BENCH_RAW_DIR"/ 2>/dev/null
    fi
    for pid in "${BENCH_PIDS[@]}"; do stop_pid "$pid"; done
    if ((REDIS_STARTED)); then
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
    fi
    if ((PG_STARTED)); then
        "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w stop >/dev/null 2>&1
    fi
    rm -rf "$WORK"
    exit "$rc"
}

# Creates WORK (and WORK/raw) from a mktemp template and installs the exit/signal traps.
bench_workdir() { # mktemp-template
    WORK=$(mktemp -d "$1")
    chmod 755 "$WORK"
    mkdir -p "$WORK/raw"
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# N distinct free loopback ports on one line (all sockets held open until every port is chosen).
bench_free_ports() { # count
    "$PY" - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

# ---------------------------------------------------------------- request bodies
# gRPC unary body: 0x00 (uncompressed) + big-endian uint32 length + protobuf bytes.
# GetTenantRequest{name=1} and PingRequest{name=1} share the wire shape: tag 0x0a, length, UTF-8.
bench_grpc_body() { # output-file name
    "$PY" - "$1" "$2" <<'EOF'
import struct, sys
def frame(name: str) -> bytes:
    s = name.encode()
    assert len(s) < 128                          # one-byte varint length
    msg = b"\x0a" + bytes([len(s)]) + s          # field 1, wire type 2
    return b"\x00" + struct.pack(">I", len(msg)) + msg
with open(sys.argv[1], "wb") as f:
    f.write(frame(sys.argv[2]))
EOF
}

# ---------------------------------------------------------------- statistics
# Median of whitespace-separated numbers on stdin.
median() { tr ' ' '\n' | awk 'NF' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
