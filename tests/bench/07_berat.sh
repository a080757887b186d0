#!/bin/sh
# A Pokja's reads while a province token hammers the national roll-up (issue
# 16 item 4), loopback, wrk:
#  - baseline: the Pokja's GET /v1/desa/{kode} alone, 4 connections;
#  - the same while 30 connections of one province token ask for
#    /v1/ringkasan?wilayah=13&tingkat=4&limit=1000 without pause (no rate
#    limit, so only the places and the pool of expensive reads protect);
#  - the same with the protection switched off as far as settings allow
#    (--max-heavy and --max-heavy-per-token as many as the hammering
#    connections: every roll-up runs at once).
# The hammer does not wait for Retry-After: most of its requests are refused
# at once (429: the token's 4 in the pool), which costs the gateway little.
# Target: the Pokja's p99 under the hammer < 100 ms.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
SECS=${BENCH_HTTP_SECONDS:-10}
PORT=$(( ${BENCH_HTTP_PORT:-18300} + 2 ))
CITY=13.74
command -v wrk >/dev/null || { echo "expensive-read benchmarks skipped: wrk is missing (make bench installs it as root: apt-get install wrk)"; exit 0; }
GATEWAY=${BENCH_GATEWAY_BIN:-gateway/kkb-gateway}
GW=
HAMMER=
OUT=$(mktemp -d)
trap '[ -z "$HAMMER" ] || kill "$HAMMER" 2>/dev/null; [ -z "$GW" ] || kill "$GW" 2>/dev/null; [ -n "${BENCH_KEEP_OUT:-}" ] || rm -rf "$OUT"' EXIT

if [ "$(bench_sql "SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")" = 0 ]; then
	echo "berat: generating $CITY (16 villages, 30% scale, 3 months)" >&2
	bench_sql "SELECT count(*) FROM kkb.hasilkan('$CITY', 0.3, 5, 3)" >/dev/null
fi
DESA=$(bench_sql "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")
VILLAGES=$(bench_sql "SELECT count(*) FROM kkb.kampung WHERE kode_desa <@ '13'")
TPOKJA=$(psql -X -q -tA -c "SELECT kkb.token_cabut('bench-berat-pokja')" -c "SELECT kkb.token_buat('kkb_pokja', '$DESA', 'bench-berat-pokja')" | tail -1)
TPROV=$(psql -X -q -tA -c "SELECT kkb.token_cabut('bench-berat-prov')" -c "SELECT kkb.token_buat('kkb_provinsi', '13', 'bench-berat-prov')" | tail -1)

start_gateway() {
	"$GATEWAY" --listen 127.0.0.1 --port "$PORT" --threads "$(nproc)" --limit-read 0 --limit-write 0 "$@" \
		--db "host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=postgres" 2>"$OUT/gateway.log" &
	GW=$!
	i=0; until curl -s -o /dev/null "http://127.0.0.1:$PORT/v1/health"; do
		i=$((i + 1))
		[ $i -lt 100 ] && kill -0 "$GW" 2>/dev/null || { echo "berat: the gateway did not start on port $PORT; its log:" >&2; cat "$OUT/gateway.log" >&2; exit 1; }
		sleep 0.05
	done
}
stop_gateway() { kill "$GW" 2>/dev/null; wait "$GW" 2>/dev/null || true; GW=; }
# pokja NAME: the Pokja's reads for SECS seconds; prints p99 (ms) and requests/s
pokja() {
	wrk -t1 -c4 -d"${SECS}s" --latency -H "Authorization: Bearer $TPOKJA" "http://127.0.0.1:$PORT/v1/desa/$DESA" > "$OUT/$1.txt"
	p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$OUT/$1.txt")
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$OUT/$1.txt")
	non2xx=$(awk '/Non-2xx/ { print $NF }' "$OUT/$1.txt")
	printf '%s %s %s\n' "$p99" "$rps" "${non2xx:-0}"
}
# hammer: 30 connections of the province token on the roll-up, in the background, a little longer than SECS
hammer() {
	wrk -t1 -c30 -d"$((SECS + 2))s" -H "Authorization: Bearer $TPROV" \
		"http://127.0.0.1:$PORT/v1/ringkasan?wilayah=13&tingkat=4&limit=1000" > "$OUT/hammer-$1.txt" &
	HAMMER=$!
	sleep 1
}
# hammer_stats NAME (after hammer_wait): requests asked, answered other than 2xx
hammer_wait() { wait "$HAMMER" 2>/dev/null || true; HAMMER=; }
hammer_stats() {
	total=$(awk '/requests in/ { print $1 }' "$OUT/hammer-$1.txt")
	non2xx=$(awk '/Non-2xx/ { print $NF }' "$OUT/hammer-$1.txt")
	printf '%s %s\n' "${total:-0}" "${non2xx:-0}"
}

echo "berat: $VILLAGES Kampung KB under 13; the Pokja of $DESA; ${SECS}s a phase" >&2
start_gateway
wrk -t1 -c4 -d2s -H "Authorization: Bearer $TPOKJA" "http://127.0.0.1:$PORT/v1/desa/$DESA" >/dev/null  # warm-up
set -- $(pokja alone); alone_p99=$1 alone_rps=$2
hammer guarded
set -- $(pokja guarded); guarded_p99=$1 guarded_rps=$2 guarded_err=$3
hammer_wait
set -- $(hammer_stats guarded); g_total=$1 g_refused=$2
stop_gateway

start_gateway --max-heavy 30 --max-heavy-per-token 30 --heavy-queue 0
hammer open
set -- $(pokja open); open_p99=$1 open_rps=$2 open_err=$3
hammer_wait
set -- $(hammer_stats open); o_total=$1 o_refused=$2
stop_gateway

ratio=$(awk -v a="$guarded_p99" -v b="$alone_p99" 'BEGIN { printf "%.2f", a / b }')
printf '%-28s pokja p99 %8.2f ms (%s req/s, %s not 2xx) under the hammer  vs alone %8.2f ms   ratio %6s  target p99 < 100 ms\n' \
	pokja_p99_under_ringkasan "$guarded_p99" "$guarded_rps" "$guarded_err" "$alone_p99" "$ratio"
printf '%-28s   the hammer: %s roll-ups asked, %s refused (429/503); every roll-up at once instead: pokja p99 %.2f ms (%s req/s), %s roll-ups, %s refused\n' \
	"" "$g_total" "$g_refused" "$open_p99" "$open_rps" "$o_total" "$o_refused"
printf '{"bench":"pokja_p99_under_ringkasan","p99_ms":%s,"baseline_p99_ms":%s,"ratio":%s,"rps":%s,"hammer_requests":%s,"hammer_refused":%s,"unguarded_p99_ms":%s,"target":"p99 < 100 ms"}\n' \
	"$guarded_p99" "$alone_p99" "$ratio" "$guarded_rps" "$g_total" "$g_refused" "$open_p99" >> "$BENCH_RESULTS"
