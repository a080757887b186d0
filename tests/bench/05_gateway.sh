#!/bin/sh
# The gateway (issue: REST gateway), loopback only, bounded in time:
#  - GET /v1/desa/{kode} with a valid token, wrk at 32 connections, against
#    pgbench -M prepared running the same transaction (role, scope, the same
#    SELECT) with 32 clients.  Targets: >= 0.6x pgbench's rate, p99 < 20 ms,
#    >= 5,000 requests/s.
#  - bulk import of members through HTTP in batches of 1,000 (BENCH_HTTP_CLIENTS
#    concurrent clients, default 4) against COPY of the same rows.  Target:
#    >= 30,000 rows/s.
#  - the gateway's peak resident memory over both.  Target: < 64 MB.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
SECS=${BENCH_HTTP_SECONDS:-10}
N=$(( ${BENCH_ROWS:-100000} < 100000 ? ${BENCH_ROWS:-100000} : 100000 ))
PORT=${BENCH_HTTP_PORT:-18300}
PGBENCH=$("${PG_CONFIG:-pg_config}" --bindir 2>/dev/null)/pgbench
[ -x "$PGBENCH" ] || PGBENCH=$(command -v pgbench || true)
[ -n "$PGBENCH" ] || { echo "gateway benchmarks skipped: pgbench is missing (make deps installs postgresql-15, which has it)"; exit 0; }
command -v wrk >/dev/null || { echo "gateway benchmarks skipped: wrk is missing (make bench installs it as root: apt-get install wrk)"; exit 0; }
GATEWAY=${BENCH_GATEWAY_BIN:-gateway/kkb-gateway}	# another build, for an A/B comparison
# BENCH_GATEWAY_OPTS: more options for it, e.g. "--refresh-months 0" (no refresher) for an A/B of one setting
GW=
OUT=$(mktemp -d)
trap '[ -z "$GW" ] || kill "$GW" 2>/dev/null; rm -rf "$OUT"' EXIT

echo "gateway: $N members in $((N / 4)) families for the bulk import" >&2
bench_sql "
TRUNCATE kkb.kampung CASCADE;
TRUNCATE kkb.audit, kkb.peringatan;
INSERT INTO kkb.kampung (kode_desa, nama) SELECT kode, 'Kampung KB ' || nama FROM kkb.wilayah WHERE kode <@ '13.77' AND tingkat = 4;
INSERT INTO kkb.keluarga (kode_desa, no_kk)
SELECT '13.77.01.1001', ('137701' || lpad((1 + f / 9999)::text, 2, '0') || '0120' || lpad((1 + f % 9999)::text, 4, '0'))::kkb.no_kk
  FROM generate_series(0, $N / 4 - 1) f;
DROP TABLE IF EXISTS bench.http_anggota;
CREATE TABLE bench.http_anggota AS
SELECT r, ('137701' || lpad((extract(day FROM b)::int + CASE WHEN p THEN 40 ELSE 0 END)::text, 2, '0') || to_char(b, 'MMYY')
          || lpad((1 + r % 9999)::text, 4, '0')) AS nik,
       '137701' || lpad((1 + (r / 4) / 9999)::text, 2, '0') || '0120' || lpad((1 + (r / 4) % 9999)::text, 4, '0') AS no_kk,
       'Warga ' || r AS nama,
       CASE WHEN p THEN 'P' ELSE 'L' END AS jenis_kelamin, b AS tanggal_lahir,
       CASE WHEN r % 4 = 0 THEN 'kepala' WHEN r % 4 = 1 THEN 'istri' ELSE 'anak' END AS hubungan
  FROM generate_series(0, $N - 1) r
 CROSS JOIN LATERAL (SELECT r % 4 = 1 OR (r % 4 > 1 AND r % 2 = 0) AS p,
                            DATE '1950-01-01' + (r / 9999) * 9 + (r % 4) AS b) x;
"
psql -X -q -tA -c "SELECT r / 1000, json_agg(json_build_object('nik', nik, 'no_kk', no_kk, 'nama', nama, 'jenis_kelamin', jenis_kelamin,
                         'tanggal_lahir', tanggal_lahir, 'hubungan', hubungan) ORDER BY r)
                   FROM bench.http_anggota GROUP BY r / 1000 ORDER BY 1" -F '|' |
	while IFS='|' read -r i json; do printf '%s' "$json" > "$OUT/batch_$i.json"; done
psql -X -q -c "\\copy (SELECT '13.77.01.1001', nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan FROM bench.http_anggota ORDER BY r) TO '$OUT/anggota.csv' WITH (FORMAT csv)"
TOKEN=$(psql -X -q -tA -c "SELECT kkb.token_cabut('bench-admin')" -c "SELECT kkb.token_buat('kkb_admin', '13.77', 'bench-admin')" | tail -1)

"$GATEWAY" --listen 127.0.0.1 --port "$PORT" --threads "$(nproc)" --max-body 20000000 --limit-read 0 --limit-write 0 ${BENCH_GATEWAY_OPTS:-} \
	--db "host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=postgres" 2>"$OUT/gateway.log" &
GW=$!
i=0; until curl -s -o /dev/null "http://127.0.0.1:$PORT/v1/health"; do
	i=$((i + 1))
	[ $i -lt 100 ] && kill -0 "$GW" 2>/dev/null || { echo "gateway: the gateway did not start on port $PORT; its log:" >&2; cat "$OUT/gateway.log" >&2; exit 1; }
	sleep 0.05
done

# --- single-row GET vs pgbench on the same transaction
cat > "$OUT/desa.sql" <<SQL
BEGIN;
SET LOCAL ROLE kkb_admin;
SELECT pg_catalog.set_config('kkb.wilayah', '13.77', true), pg_catalog.set_config('kkb.pengguna', 'bench-admin', true);
SELECT pg_catalog.json_build_object('kode_desa', k.kode_desa::text, 'nama', k.nama, 'nama_desa', w.nama, 'kecamatan', (SELECT c.nama FROM kkb.wilayah c WHERE c.kode OPERATOR(kkb.=) w.induk), 'kode_kecamatan', w.induk::text, 'tanggal_pencanangan', k.tanggal_pencanangan, 'nomor_sk', k.nomor_sk, 'lintang', k.lintang, 'bujur', k.bujur, 'alamat_sekretariat', k.alamat_sekretariat, 'dibuat_pada', k.dibuat_pada, 'diubah_pada', k.diubah_pada) FROM kkb.kampung k JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) k.kode_desa WHERE k.kode_desa OPERATOR(kkb.=) '13.77.01.1001'::kkb.kode_wilayah;
COMMIT;
SQL
wrk -t2 -c32 -d2s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/v1/desa/13.77.01.1001" >/dev/null  # warm-up
wrk -t2 -c32 -d"${SECS}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/v1/desa/13.77.01.1001" > "$OUT/wrk.txt"
"$PGBENCH" -n -M prepared -c 32 -j 2 -T "$SECS" -f "$OUT/desa.sql" > "$OUT/pgbench.txt" 2>&1
rps=$(awk '/^Requests\/sec/ { print $2 }' "$OUT/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$OUT/wrk.txt")
errs=$(awk '/Non-2xx|Socket errors/' "$OUT/wrk.txt" | tr '\n' ' ')
tps=$(awk '/^tps/ { print $3; exit }' "$OUT/pgbench.txt")
ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')
printf '%-28s c=32 %8.0f req/s (p99 %s)  vs pgbench %8.0f tps   ratio %6s  target >= 0.6, p99 < 20ms, >= 5000/s %s\n' \
	gateway_get_desa "$rps" "$p99" "$tps" "$ratio" "${errs:+[$errs]}"
printf '{"bench":"gateway_get_desa","connections":32,"rps":%s,"p99":"%s","baseline_tps":%s,"ratio":%s,"target":">= 0.6x pgbench, p99 < 20 ms, >= 5000/s"}\n' \
	"$rps" "$p99" "$tps" "$ratio" >> "$BENCH_RESULTS"

# --- bulk import through HTTP vs COPY of the same rows
CLIENTS=${BENCH_HTTP_CLIENTS:-4}
t0=$(date +%s.%N)
ls "$OUT"/batch_*.json | xargs -P "$CLIENTS" -I{} curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: application/json' --data-binary @{} "http://127.0.0.1:$PORT/v1/desa/13.77.01.1001/anggota"
t1=$(date +%s.%N)
imported=$(psql -X -q -tA -c "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '13.77.01.1001'")
psql -X -q -c "TRUNCATE kkb.anggota CASCADE" 2>/dev/null
t2=$(date +%s.%N)
psql -X -q -c "\\copy kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan) FROM '$OUT/anggota.csv' WITH (FORMAT csv)"
t3=$(date +%s.%N)
http_rps=$(awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')
copy_rps=$(awk -v n="$N" -v a="$t2" -v b="$t3" 'BEGIN { printf "%.0f", n / (b - a) }')
ratio=$(awk -v a="$http_rps" -v b="$copy_rps" 'BEGIN { printf "%.2f", a / b }')
printf '%-28s n=%-8s %8s rows/s (%s clients, %s stored)  vs COPY %8s rows/s   ratio %6s  target >= 30000 rows/s\n' \
	gateway_bulk_anggota "$N" "$http_rps" "$CLIENTS" "$imported" "$copy_rps" "$ratio"
printf '{"bench":"gateway_bulk_anggota","n":%s,"rows_per_s":%s,"stored":%s,"baseline_rows_per_s":%s,"ratio":%s,"target":">= 30000 rows/s"}\n' \
	"$N" "$http_rps" "$imported" "$copy_rps" "$ratio" >> "$BENCH_RESULTS"

hwm=$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' /proc/$GW/status)
printf '%-28s peak resident memory %s MB   target < 64 MB\n' gateway_memory "$hwm"
printf '{"bench":"gateway_memory","peak_rss_mb":%s,"target":"< 64 MB"}\n' "$hwm" >> "$BENCH_RESULTS"
