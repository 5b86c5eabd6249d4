# Load runs with h2load and wrk, with their correctness checks (sourced after common.sh).
#
# Read by the functions (set them before each run):
#   PLAT_HTTP        the platform's REST port (for the /metrics scrape)
#   AUTH_HEADER      sent with every request ("authorization: Bearer ...")
#   H2LOAD_CLIENTS   h2load -c (default 10)
#   H2LOAD_STREAMS   h2load -m (default 10)
#   H2LOAD_P50       1: also log every request (h2load --log-file) and set P50_MS (default 0)
#   SERVER_TENANT    when set, the server counts only that tenant's GetTenant calls (default: all)
# Set by the functions:
#   RPS, P50_MS                                       of the last run
#   SERVER_DELTA_OK/_CANCELLED/_OTHER/_EXHAUSTED      server counts over the last checked run
#   SERVER_CHECKED, SERVER_CANCELLED, SERVER_EXHAUSTED totals over all checked runs
#   FAILURES                                          problems seen (note_failure)

H2LOAD_CLIENTS=10
H2LOAD_STREAMS=10
H2LOAD_P50=0
SERVER_TENANT=""
FAILURES=()
RPS=""
P50_MS=""
SERVER_CHECKED=0
SERVER_CANCELLED=0
SERVER_EXHAUSTED=0
SERVER_DELTA_OK=0 SERVER_DELTA_CANCELLED=0 SERVER_DELTA_OTHER=0 SERVER_DELTA_EXHAUSTED=0

note_failure() { FAILURES+=("$*"); log "PROBLEM: $*"; }

# Server-side count of finished GetTenant RPCs by status, from the platform's Prometheus scrape
# (platform_rpc_requests_total{method,code,tenant}), for SERVER_TENANT only when that is set.
# Prints "ok cancelled other exhausted" (RESOURCE_EXHAUSTED calls are also in "other"), or "-" when
# the metric is not there (the check is then skipped rather than failed).
server_counts() {
    curl -s --max-time 5 "http://127.0.0.1:$PLAT_HTTP/metrics" | awk -v tenant="$SERVER_TENANT" '
        /^platform_rpc_requests_total\{/ && /GetTenant/ && (tenant == "" || index($0, "tenant=\"" tenant "\"") > 0) {
            found = 1
            if ($0 ~ /code="(OK|0)"/) ok += $NF
            else if ($0 ~ /code="(Cancelled|CANCELLED|1)"/) cancelled += $NF
            else {
                other += $NF
                if ($0 ~ /code="(ResourceExhausted|RESOURCE_EXHAUSTED|8)"/) exhausted += $NF
            }
        }
        END { if (found) printf "%d %d %d %d\n", ok, cancelled, other, exhausted; else print "-" }'
}

# Compares the server's GetTenant counts over one run with the client's successes. The load tools
# stop by dropping connections with up to <concurrency> calls in flight, so the "after" scrape waits
# a moment for those to finish, and a few CANCELLED calls per run are expected, not errors.
check_server() { # label before after client-successes concurrency
    local label=$1 before=$2 after=$3 client=$4 conc=$5
    SERVER_DELTA_OK=0 SERVER_DELTA_CANCELLED=0 SERVER_DELTA_OTHER=0 SERVER_DELTA_EXHAUSTED=0
    [[ $before != "-" && $after != "-" ]] || return 0
    local ok0 c0 o0 e0 ok1 c1 o1 e1
    read -r ok0 c0 o0 e0 <<<"$before"
    read -r ok1 c1 o1 e1 <<<"$after"
    SERVER_DELTA_OK=$((ok1 - ok0)) SERVER_DELTA_CANCELLED=$((c1 - c0))
    SERVER_DELTA_OTHER=$((o1 - o0)) SERVER_DELTA_EXHAUSTED=$((e1 - e0))
    SERVER_CHECKED=$((SERVER_CHECKED + 1))
    log "    server GetTenant counts: +$((ok1 - ok0)) OK, +$((c1 - c0)) CANCELLED, +$((o1 - o0)) other; client: $client"
    SERVER_CANCELLED=$((SERVER_CANCELLED + c1 - c0))
    SERVER_EXHAUSTED=$((SERVER_EXHAUSTED + e1 - e0))
    if ((o1 - o0 > 0)); then
        note_failure "$label: server counted $((o1 - o0)) GetTenant calls that were neither OK nor CANCELLED ($((ok1 - ok0)) OK)"
    fi
    if ((c1 - c0 > conc)); then
        note_failure "$label: server counted $((c1 - c0)) CANCELLED GetTenant calls, more than the $conc in flight"
    fi
    if ((ok1 - ok0 < client)); then
        note_failure "$label: server counted $((ok1 - ok0)) OK GetTenant calls but the client $client successes"
    fi
}

# Median of the third column (microseconds until end of response) of an h2load --log-file, in ms,
# over the requests that completed (status column not -1).
h2load_p50_ms() { # log-file
    awk -F'\t' '$2 != -1 { print $3 }' "$1" | median | awk '{ printf "%.3f", $1 / 1000 }'
}

# h2load run: sets RPS (and P50_MS when H2LOAD_P50=1); checks client-side errors, DATA bytes per
# request and (platform) server counts.
run_h2load() { # label url body duration expected-resp-bytes check-server(0/1)
    local label=$1 url=$2 body=$3 dur=$4 want=$5 srv=$6 out
    out="$WORK/raw/$label.$(date +%s%N).txt"
    local before="-" after="-" reqlog=() conc=$((H2LOAD_CLIENTS * H2LOAD_STREAMS))
    ((H2LOAD_P50)) && reqlog=(--log-file="$out.requests")
    ((srv)) && before=$(server_counts)
    # The bare host ignores the authorization header; sending it to both keeps the requests alike.
    h2load -d "$body" -H 'content-type: application/grpc' -H 'te: trailers' -H "$AUTH_HEADER" \
        -c"$H2LOAD_CLIENTS" -m"$H2LOAD_STREAMS" "${reqlog[@]}" -D "$dur" "$url" >"$out" 2>&1 \
        || { cat "$out" >&2; die "$label: h2load failed"; }
    ((srv)) && sleep 1 && after=$(server_counts)
    local rps succeeded failed errored timeout non2xx data
    rps=$(awk '/^finished in/ { gsub(",", "", $4); print $4 }' "$out")
    read -r succeeded failed errored timeout < <(awk '/^requests:/ { print $8, $10, $12, $14 }' "$out")
    non2xx=$(awk '/^status codes:/ { print $5 + $7 + $9 }' "$out")
    data=$(awk '/^traffic:/ { for (i = 1; i <= NF; i++) if ($i == "data") { v = $(i-1); gsub(/[()]/, "", v); print v } }' "$out")
    [[ -n $rps && -n $succeeded ]] || { cat "$out" >&2; die "$label: cannot parse h2load output"; }
    if ((failed + errored + timeout + non2xx > 0)); then
        note_failure "$label: h2load reported failed=$failed errored=$errored timeout=$timeout non-2xx=$non2xx"
    fi
    # A gRPC error is HTTP 200 with a trailers-only response (no DATA): bytes/request would drop.
    if [[ -n $data ]] && ((succeeded > 0)); then
        local per
        per=$(awk -v d="$data" -v n="$succeeded" 'BEGIN { printf "%.1f", d / n }')
        if ! awk -v p="$per" -v w="$want" 'BEGIN { exit !(p >= w * 0.98 && p <= w * 1.02) }'; then
            note_failure "$label: ${per} DATA bytes per request, expected $want (some calls returned no message?)"
        fi
    fi
    ((srv)) && check_server "$label" "$before" "$after" "$succeeded" "$conc"
    RPS=$rps
    P50_MS=""
    if ((H2LOAD_P50)); then
        P50_MS=$(h2load_p50_ms "$out.requests")
        [[ -n $P50_MS ]] || die "$label: no completed requests in the h2load request log"
        echo "p50 (ms, from --log-file): $P50_MS" >>"$out"
        rm -f "$out.requests"   # several MB per run; the p50 is kept in the raw output
    fi
}

# wrk run: sets RPS; any "Non-2xx or 3xx responses" or socket errors are reported as problems.
run_wrk() { # label url duration check-server(0/1)
    local label=$1 url=$2 dur=$3 srv=$4 out
    out="$WORK/raw/$label.$(date +%s%N).txt"
    local before="-" after="-"
    ((srv)) && before=$(server_counts)
    wrk -t2 -c20 -d"$dur" -H "$AUTH_HEADER" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "$label: wrk failed"; }
    ((srv)) && sleep 1 && after=$(server_counts)
    local rps requests
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    requests=$(awk '/requests in/ { print $1 }' "$out")
    [[ -n $rps ]] || { cat "$out" >&2; die "$label: cannot parse wrk output"; }
    if grep -q 'Non-2xx' "$out"; then note_failure "$label: $(grep 'Non-2xx' "$out" | sed 's/^ *//')"; fi
    if grep -q 'Socket errors' "$out"; then note_failure "$label: $(grep 'Socket errors' "$out" | sed 's/^ *//')"; fi
    ((srv)) && check_server "$label" "$before" "$after" "${requests:-0}" 20
    RPS=$rps
}
