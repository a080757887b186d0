#!/bin/sh
# Conditional GETs (issue: provincial portal), loopback, wrk at 16 connections:
# the same GET answered in full (200) against answered 304 because the request
# sends the ETag of the current answer (If-None-Match).  A 304 costs one
# lookup of the data's version (kkb.versi_data) and no handler work.
#  - GET /v1/desa/{kode}/profil: the 40-item profile of a generated village
#  - GET /v1/ringkasan?wilayah=<city>: a city's aggregates over its villages
#  - GET /v1/desa/{kode}: a one-row answer (the least a 304 can save)
# Target: 304s at least 2x the requests/s of full answers.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
SECS=${BENCH_HTTP_SECONDS:-10}
PORT=$(( ${BENCH_HTTP_PORT:-18300} + 1 ))
CITY=13.74
command -v wrk >/dev/null || { echo "conditional GET benchmarks skipped: wrk is missing (make bench installs it as root: apt-get install wrk)"; exit 0; }
GATEWAY=${BENCH_GATEWAY_BIN:-gateway/kkb-gateway}	# another build, for an A/B comparison
GW=
OUT=$(mktemp -d)
trap '[ -z "$GW" ] || kill "$GW" 2>/dev/null; rm -rf "$OUT"' EXIT

echo "etag: generating $CITY (16 villages, 30% scale, 3 months)" >&2
bench_sql "SELECT count(*) FROM kkb.hasilkan_hapus('$CITY'); SELECT count(*) FROM kkb.hasilkan('$CITY', 0.3, 5, 3)" >/dev/null
DESA=$(bench_sql "SELECT min(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '$CITY'")
TOKEN=$(psql -X -q -tA -c "SELECT kkb.token_cabut('bench-etag')" -c "SELECT kkb.token_buat('kkb_admin', NULL, 'bench-etag')" | tail -1)

"$GATEWAY" --listen 127.0.0.1 --port "$PORT" --threads "$(nproc)" --limit-read 0 --limit-write 0 \
	--db "host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=postgres" 2>"$OUT/gateway.log" &
GW=$!
i=0; until curl -s -o /dev/null "http://127.0.0.1:$PORT/v1/health"; do
	i=$((i + 1))
	[ $i -lt 100 ] && kill -0 "$GW" 2>/dev/null || { echo "etag: the gateway did not start on port $PORT; its log:" >&2; cat "$OUT/gateway.log" >&2; exit 1; }
	sleep 0.05
done

pair() {
	name=$1 path=$2
	url="http://127.0.0.1:$PORT$path"
	etag=$(curl -s -o /dev/null -D - -H "Authorization: Bearer $TOKEN" "$url" | tr -d '\r' | sed -n 's/^ETag: //Ip')
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $etag" "$url")
	[ "$code" = 304 ] || { echo "etag: $name: a request with the ETag answered $code, not 304" >&2; return 0; }
	wrk -t2 -c16 -d2s -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
	wrk -t2 -c16 -d"${SECS}s" --latency -H "Authorization: Bearer $TOKEN" "$url" > "$OUT/full.txt"
	wrk -t2 -c16 -d"${SECS}s" --latency -H "Authorization: Bearer $TOKEN" -H "If-None-Match: $etag" "$url" > "$OUT/cond.txt"
	full=$(awk '/^Requests\/sec/ { print $2 }' "$OUT/full.txt")
	cond=$(awk '/^Requests\/sec/ { print $2 }' "$OUT/cond.txt")
	p99f=$(awk '$1 == "99%" { print $2 }' "$OUT/full.txt")
	p99c=$(awk '$1 == "99%" { print $2 }' "$OUT/cond.txt")
	ratio=$(awk -v a="$cond" -v b="$full" 'BEGIN { printf "%.2f", a / b }')
	printf '%-28s c=16 304: %8.0f req/s (p99 %s)  vs 200: %8.0f req/s (p99 %s)   ratio %6s  target >= 2\n' \
		"$name" "$cond" "$p99c" "$full" "$p99f" "$ratio"
	printf '{"bench":"%s","connections":16,"rps_304":%s,"p99_304":"%s","rps_200":%s,"p99_200":"%s","ratio":%s,"target":">= 2x"}\n' \
		"$name" "$cond" "$p99c" "$full" "$p99f" "$ratio" >> "$BENCH_RESULTS"
}
pair etag_profil "/v1/desa/$DESA/profil"
pair etag_ringkasan "/v1/ringkasan?wilayah=$CITY"
pair etag_desa "/v1/desa/$DESA"
bench_sql "SELECT count(*) FROM kkb.hasilkan_hapus('$CITY')" >/dev/null
