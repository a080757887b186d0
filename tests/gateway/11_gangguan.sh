#!/bin/sh
# Faults (docs/RELIABILITY.md):
# (a) the database is stopped under load - once with `stop fast`, once with
#     `stop immediate` (a crash as far as the clients can tell) - and started
#     again: the gateway answers 503 with the JSON error body meanwhile,
#     recovers by itself (same process), every batch answered 2xx is in the
#     database, every batch that failed is wholly absent, and a batch whose
#     commit went unanswered (503 with "tidak_pasti") is wholly there or
#     wholly absent;
# (b) the gateway is killed (SIGKILL) while it imports 20,000 members in one
#     request: none of them is visible afterwards, and the batch re-sent to a
#     new gateway is stored whole;
# (c) 50 slow clients sending their headers a byte at a time do not hold up
#     other requests, and are cut off by --header-timeout.
# Durations: KKB_FAULT_SECONDS (default 14, the load run of (a)),
# KKB_BIG_ROWS (default 20000, at most 20,000 - the rows per request the gateway takes: the import of (b)).
# Fixture (set up here, removed at the end): Kampung KB in the 8 villages
# 13.73.04.2001-2008 (load) and 13.73.03.2001 (the large import).
. "$(dirname "$0")/lib.sh"

PORT=18420
PORT_SLOW=18421
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LOAD=$ROOT/build/kkb-load
TMP=$KKB_TEST_DIR/uji11
rm -rf "$TMP"
mkdir -p "$TMP"
FAULT_SECONDS=${KKB_FAULT_SECONDS:-14}
BIG=${KKB_BIG_ROWS:-20000}
VILLAGES="13.73.04.2001 13.73.04.2002 13.73.04.2003 13.73.04.2004 13.73.04.2005 13.73.04.2006 13.73.04.2007 13.73.04.2008"
D=13.73.03.2001
IN=$(printf "'%s'," $VILLAGES $D | sed 's/,$//')

[ -x "$LOAD" ] || { echo "Bail out! $LOAD is missing: run make build (it builds the load client)"; exit 1; }

# whatever happens, the database is running when this file ends (other tests follow)
LOAD_PID=
finish() {
	[ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
	cluster start >/dev/null 2>&1 || cluster start
}
trap finish EXIT

FIXTURE_DELETE="
DELETE FROM kkb.peringatan WHERE kode_desa IN ($IN);
DELETE FROM kkb.anggota WHERE kode_desa IN ($IN);
DELETE FROM kkb.keluarga WHERE kode_desa IN ($IN);
DELETE FROM kkb.kampung WHERE kode_desa IN ($IN);
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 11)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan)
	SELECT k, 'Kampung KB Gangguan ' || k, '2023-01-01' FROM unnest(ARRAY[$IN]) AS k;" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: 9 Kampung KB in Kota Sawahlunto"
for v in $VILLAGES; do
	printf '%s %s\n' "$v" "$(token kkb_pokja "$v" "Pokja $v (uji 11)")"
done > "$TMP/villages"
TD=$(token kkb_pokja $D "Pokja $D (uji 11)")

# synchronous_commit on for the gateway's sessions: the test cluster runs with
# it off (speed), and then an immediate stop may lose commits already answered
DB="host=$KKB_TEST_DIR port=$KKB_TEST_PORT dbname=$KKB_TEST_DB user=postgres options='-c synchronous_commit=on'"
gw_start $PORT --db "$DB" --limit-read 0 --limit-write 0 --limit-anon 0 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT"
GW_PID0=$GW_PID

# ================================================================ (a) the database goes away under load
"$LOAD" run --port $PORT --seconds "$FAULT_SECONDS" --connections 32 --mix 20,10,70 --villages "$TMP/villages" --out "$TMP" \
	> "$TMP/load.out" 2>&1 &
LOAD_PID=$!
health_wait() {
	# health_wait SECONDS: until GET /v1/health answers 200; prints the seconds waited
	t=0
	while [ "$t" -lt $(($1 * 10)) ]; do
		[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/v1/health")" = 200 ] && break
		sleep 0.1
		t=$((t + 1))
	done
	echo "$((t / 10)).$((t % 10))"
}
outage() {
	sleep 2
	cluster stop "$1" >/dev/null
	ok $? "during the load: the database is stopped ($1)"
	s=$(curl -s -o "$TMP/health.json" -w '%{http_code}' "http://127.0.0.1:$PORT/v1/health")
	is "$s $(jq -c .database "$TMP/health.json" 2>/dev/null)" '503 "unavailable"' "  health answers 503, database unavailable"
	sleep 2
	cluster start >/dev/null
	ok $? "  the database is started again"
	w=$(health_wait 20)
	is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/health")" 200 "  the gateway answers again by itself (health 200 after ${w} s)"
}
sleep 1
outage fast
outage immediate
wait "$LOAD_PID"
LOAD_PID=
sed 's/^/# /' "$TMP/load.out"
val() { sed -n "s/^$1 //p" "$TMP/summary.txt"; }
is "$(val transport_errors)" 0 "no transport error: the gateway answered every request"
ok "$([ "$(val status_503)" -gt 0 ]; echo $?)" "requests during the outages were answered 503 ($(val status_503))"
is "$(val status_5xx)" "$(val status_503)" "  and no other 5xx"
is "$(jq -c '[has("code"), has("message"), has("details"), has("hint")]' "$TMP/first_503.txt" 2>/dev/null)" '[true,true,true,true]' \
	"  with the JSON error body ($(jq -c .code "$TMP/first_503.txt" 2>/dev/null))"
ok "$([ "$(val batches_ok)" -gt 0 ] && [ "$(val batches_failed)" -gt 0 ]; echo $?)" \
	"write batches stored: $(val batches_ok), failed: $(val batches_failed)"
kill -0 "$GW_PID0" 2>/dev/null
ok $? "the same gateway process served throughout"

cluster psql -d "$KKB_TEST_DB" -X -q -v ON_ERROR_STOP=1 >"$TMP/check.out" 2>&1 <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS public.uji11_sent, public.uji11_desa, public.uji11_db;
CREATE TABLE public.uji11_sent (jenis text, kode_desa text, batch int, kunci text, nama text, status int, disimpan int, pasti int);
CREATE TABLE public.uji11_desa (kode_desa text, jenis text, baris bigint, checksum numeric);
\copy public.uji11_sent FROM '$TMP/rows.tsv'
\copy public.uji11_desa FROM '$TMP/villages.tsv'
CREATE INDEX ON public.uji11_sent (jenis, kode_desa, kunci);
ANALYZE public.uji11_sent;
SQL
ok $? "the rows kkb-load sent are loaded for comparison ($(wc -l < "$TMP/rows.tsv") rows)"
sed 's/^/# /' "$TMP/check.out"
# the database's rows of these villages, once, indexed (kind, village, key, name)
sql "DROP TABLE IF EXISTS public.uji11_db; CREATE TABLE public.uji11_db AS SELECT 'keluarga' AS jenis, kode_desa::text AS kode_desa, no_kk::text AS kunci, '' AS nama FROM kkb.keluarga WHERE kode_desa IN ($IN)
	UNION ALL SELECT 'anggota', kode_desa::text, nik::text, nama FROM kkb.anggota WHERE kode_desa IN ($IN);
	CREATE INDEX ON public.uji11_db (jenis, kode_desa, kunci); ANALYZE public.uji11_db" >/dev/null
DB_ROWS="SELECT * FROM public.uji11_db"
STORED="EXISTS (SELECT 1 FROM db WHERE db.jenis = s.jenis AND db.kode_desa = s.kode_desa AND db.kunci = s.kunci AND db.nama = coalesce(s.nama, ''))"
is "$(sql "WITH db AS ($DB_ROWS) SELECT count(*) FROM public.uji11_sent s WHERE status BETWEEN 200 AND 299 AND NOT $STORED")" 0 \
	"every row of a request answered 2xx is in the database ($(sql "SELECT count(*) FROM public.uji11_sent WHERE status BETWEEN 200 AND 299"))"
is "$(sql "WITH db AS ($DB_ROWS) SELECT count(*) FROM public.uji11_sent s WHERE status NOT BETWEEN 200 AND 299 AND pasti = 1 AND $STORED")" 0 \
	"no row of a request that failed is in the database ($(sql "SELECT count(*) FROM public.uji11_sent WHERE status NOT BETWEEN 200 AND 299 AND pasti = 1") rows failed)"
is "$(sql "WITH db AS ($DB_ROWS), b AS (SELECT jenis, kode_desa, batch, count(*) FILTER (WHERE $STORED) AS ada, count(*) AS semua
	FROM public.uji11_sent s WHERE pasti = 0 GROUP BY 1, 2, 3) SELECT count(*) FROM b WHERE ada NOT IN (0, semua)")" 0 \
	"a request whose outcome was unknown is wholly there or wholly absent ($(sql "SELECT count(DISTINCT (jenis, kode_desa, batch)) FROM public.uji11_sent WHERE pasti = 0") such requests)"
is "$(sql "WITH db AS ($DB_ROWS) SELECT count(*) FROM db WHERE NOT EXISTS
	(SELECT 1 FROM public.uji11_sent s WHERE db.jenis = s.jenis AND db.kode_desa = s.kode_desa AND db.kunci = s.kunci)")" 0 \
	"no row is in the database that was not sent"
CK="sum(('x' || left(encode(sha256(convert_to(kunci || '|' || nama, 'UTF8')), 'hex'), 15))::bit(60)::bigint)"
is "$(sql "SELECT string_agg(format('%s %s %s %s', kode_desa, jenis, baris, checksum), '; ' ORDER BY kode_desa, jenis) FROM public.uji11_desa")" \
	"$(sql "WITH db AS ($DB_ROWS), u AS (SELECT DISTINCT jenis, kode_desa, kunci FROM public.uji11_sent WHERE pasti = 0),
	k AS (SELECT unnest(ARRAY[$(printf "'%s'," $VILLAGES | sed 's/,$//')]) AS kode_desa), j AS (SELECT unnest(ARRAY['anggota', 'keluarga']) AS jenis),
	d AS (SELECT * FROM db WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.jenis = db.jenis AND u.kode_desa = db.kode_desa AND u.kunci = db.kunci))
	SELECT string_agg(format('%s %s %s %s', k.kode_desa, j.jenis,
		(SELECT count(*) FROM d WHERE d.kode_desa = k.kode_desa AND d.jenis = j.jenis),
		coalesce((SELECT $CK FROM d WHERE d.kode_desa = k.kode_desa AND d.jenis = j.jenis), 0)), '; ' ORDER BY k.kode_desa, j.jenis)
	FROM k CROSS JOIN j")" \
	"per village: rows and checksum of what was answered 2xx equal the database's (rows of unknown outcome aside)"

# ================================================================ (b) SIGKILL during a large import
NF=$((BIG / 4))
# No. KK 137701 09MM90 SSSS (MM and the serial 0001-9999 from the family's number), NIK 137701 DD09YY SSSS
awk -v n=$NF 'BEGIN { for (f = 1; f <= n; f++)
	printf "{\"no_kk\":\"13770109%02d90%04d\",\"rt\":1,\"rw\":1}\n", 1 + int((f - 1) / 9999), (f - 1) % 9999 + 1 }' | jq -s -c . > "$TMP/kk.json"
awk -v n=$NF 'BEGIN { split("kepala istri anak anak", hub, " "); split("L P L P", jk, " ");
	for (f = 1; f <= n; f++) for (p = 1; p <= 4; p++) {
		y = (p == 1) ? 1970 : (p == 2) ? 1972 : (p == 3) ? 1999 : 2001; i = (f - 1) * 4 + p;
		printf "{\"nik\":\"137701%02d09%02d%04d\",\"no_kk\":\"13770109%02d90%04d\",\"nama\":\"Warga Besar %d\",\"jenis_kelamin\":\"%s\",\"tanggal_lahir\":\"%04d-09-%02d\",\"hubungan\":\"%s\"}\n",
			(jk[p] == "P" ? 40 : 0) + (i % 28) + 1, y % 100, int((i - 1) / 28) + 1, 1 + int((f - 1) / 9999), (f - 1) % 9999 + 1,
			i, jk[p], y, (i % 28) + 1, hub[p] } }' |
	jq -s -c . > "$TMP/big.json"
is "$(jq '[.[].nik] | unique | length' "$TMP/big.json")" "$BIG" "a batch of $BIG distinct members ($(($(wc -c < "$TMP/big.json") / 1024)) kB) of $NF families"
r=$(api POST /v1/desa/$D/keluarga "$TD" -H 'Content-Type: application/json' --data-binary "@$TMP/kk.json")
is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak]')" "200 [$NF,0]" "their $NF families are imported first"

curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT/v1/desa/$D/anggota" -H "Authorization: Bearer $TD" \
	-H 'Content-Type: application/json' --data-binary "@$TMP/big.json" &
CURL_PID=$!
# the import is in progress when its transaction has written rows (it has a transaction id) and not committed;
# on a Citus cluster the rows are written by the workers' sessions of the gateway's (global_pid)
if [ "$(sql "SELECT count(*) FROM pg_extension WHERE extname = 'citus'")" = 1 ]; then
	XID="EXISTS (SELECT FROM citus_stat_activity c JOIN citus_stat_activity w ON w.global_pid = c.global_pid
	             WHERE c.pid = a.pid AND c.is_worker_query = false AND w.backend_xid IS NOT NULL)"
else
	XID="a.backend_xid IS NOT NULL"
fi
seen=
i=0
while [ $i -lt 300 ]; do
	seen=$(sql "SELECT a.pid FROM pg_stat_activity a WHERE a.application_name = 'kkb-gateway' AND $XID
		AND (a.query LIKE '%INSERT INTO kkb.anggota%' OR a.query LIKE '%kkb.api_sinkron(%') LIMIT 1")
	[ -n "$seen" ] && break
	sleep 0.05
	i=$((i + 1))
done
ok "$([ -n "$seen" ]; echo $?)" "the import is in progress: backend $seen has written rows in its open transaction"
! grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$GW_LOG"
ok $? "the gateway ran clean under the sanitizers through the outages and the import"
grep -c '"level":"error"' "$GW_LOG" | grep -qx 0
ok $? "  and logged no error ($(grep -c '"level":"warn"' "$GW_LOG") warnings: the database's absence)"
echo "# COMMIT outcomes in the gateway's log: answered then the connection ended $(grep -c 'COMMIT was answered, then the connection ended' "$GW_LOG"), looked up with txid_status $(grep -c 'looked up a transaction' "$GW_LOG"), unknown $(grep -c 'the outcome of a transaction is unknown' "$GW_LOG")"
kill -KILL "$GW_PID"
wait "$GW_PID" 2>/dev/null
GW_PID=
wait "$CURL_PID"
cs=$?
ok "$([ "$cs" -ne 0 ]; echo $?)" "the gateway is killed (SIGKILL) mid-import; the client gets no answer"
i=0
while [ $i -lt 100 ] && [ -n "$(sql "SELECT 1 FROM pg_stat_activity WHERE application_name = 'kkb-gateway' LIMIT 1")" ]; do
	sleep 0.1
	i=$((i + 1))
done
is "$(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'kkb-gateway'")" 0 "the database ended the dead gateway's sessions"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$D'")" 0 "no member of the interrupted batch is visible"

gw_start $PORT --db "$DB" --limit-read 0 --limit-write 0 --limit-anon 0 || { echo "Bail out! the gateway did not start again"; exit 1; }
ok 0 "a new gateway starts on the same port"
r=$(api POST /v1/desa/$D/anggota "$TD" -H 'Content-Type: application/json' --data-binary "@$TMP/big.json")
is "$(status_of "$r") $(jqb "$r" '[.diimpor, .ditolak]')" "200 [$BIG,0]" "the batch re-sent is imported whole"
is "$(sql "SELECT count(*) FROM kkb.anggota WHERE kode_desa = '$D'")" "$BIG" "and all $BIG members are stored"
r=$(api POST /v1/desa/$D/anggota "$TD" -H 'Content-Type: application/json' --data-binary "@$TMP/big.json")
is "$(jqb "$r" '[.diimpor, .diabaikan]')" "[0,$BIG]" "sent once more, it changes nothing"
gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"

# ================================================================ (c) slow clients
gw_start $PORT_SLOW --header-timeout 3 --limit-read 0 --limit-write 0 --limit-anon 0 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "a gateway with --header-timeout 3 starts on 127.0.0.1:$PORT_SLOW"
"$LOAD" slow --port $PORT_SLOW --clients 50 --interval-ms 500 --seconds 8 > "$TMP/slow.out" 2>&1 &
LOAD_PID=$!
sleep 0.5
worst=0
n200=0
i=0
while [ $i -lt 12 ]; do
	r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 -H "Authorization: Bearer $TD" "http://127.0.0.1:$PORT_SLOW/v1/desa/$D")
	[ "${r%% *}" = 200 ] && n200=$((n200 + 1))
	worst=$(printf '%s\n%s\n' "$worst" "${r#* }" | sort -g | tail -n 1)
	sleep 0.2
	i=$((i + 1))
done
is "$n200" 12 "while 50 slow clients drip their headers, 12 village reads are answered 200"
ok "$(awk -v w="$worst" 'BEGIN { exit !(w < 0.5) }'; echo $?)" "  each within 0.5 s (slowest $worst s)"
wait "$LOAD_PID"
LOAD_PID=
sed 's/^/# /' "$TMP/slow.out"
sv() { sed -n "s/^$1 //p" "$TMP/slow.out"; }
is "$(sv slow_closed)" 50 "every slow client was cut off (a byte every 0.5 s keeps the idle timeout from ever firing)"
ok "$(awk -v a="$(sv slow_close_min_s)" -v b="$(sv slow_close_max_s)" 'BEGIN { exit !(a >= 2.5 && b <= 5) }'; echo $?)" \
	"  after the 3 s header timeout ($(sv slow_close_min_s)-$(sv slow_close_max_s) s)"
m=$(curl -s "http://127.0.0.1:$PORT_SLOW/metrics" | awk '$1 == "kkb_http_header_timeouts_total" { print $2 }')
ok "$([ "${m:-0}" -ge 50 ]; echo $?)" "  counted in kkb_http_header_timeouts_total ($m)"
is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_SLOW/v1/health")" 200 "the gateway still answers"
gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"

sql "DROP TABLE IF EXISTS public.uji11_sent, public.uji11_desa, public.uji11_db; $FIXTURE_DELETE" >/dev/null
rm -rf "$TMP"
done_testing
