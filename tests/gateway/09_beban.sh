#!/bin/sh
# Load: 64 keep-alive connections for KKB_LOAD_SECONDS (default 8; gateway
# worker threads: KKB_LOAD_THREADS, default 2) doing
# mixed reads and writes from 8 villages, each with its own pokja token
# (build/kkb-load, tests/load/kkb_load.c): village reads, profile reads, and
# write batches (5 families, then their 20 members).  No transport error, no
# 5xx, every write batch answered 2xx with every row stored, and afterwards
# the database holds exactly the rows that were sent: per village the count
# and the checksum kkb-load computed, every row once, none missing, none extra.
# Fixture (set up here, removed at the end): Kampung KB in 8 villages of
# Kota Sawahlunto (13.73.01.*), away from the other tests' villages.
. "$(dirname "$0")/lib.sh"

PORT=18400
SECONDS_LOAD=${KKB_LOAD_SECONDS:-8}
THREADS=${KKB_LOAD_THREADS:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LOAD=$ROOT/build/kkb-load
TMP=$KKB_TEST_DIR/uji09
rm -rf "$TMP"
mkdir -p "$TMP"
VILLAGES="13.73.01.1001 13.73.01.1002 13.73.01.1003 13.73.01.1004 13.73.01.1005 13.73.01.1006 13.73.01.2007 13.73.01.2008"
IN=$(printf "'%s'," $VILLAGES | sed 's/,$//')

[ -x "$LOAD" ] || { echo "Bail out! $LOAD is missing: run make build (it builds the load client)"; exit 1; }

FIXTURE_DELETE="
DELETE FROM kkb.peringatan WHERE kode_desa IN ($IN);
DELETE FROM kkb.anggota WHERE kode_desa IN ($IN);
DELETE FROM kkb.keluarga WHERE kode_desa IN ($IN);
DELETE FROM kkb.kampung WHERE kode_desa IN ($IN);
UPDATE kkb.token SET dicabut = now() WHERE label LIKE '% (uji 09)' AND dicabut IS NULL;"

sql "$FIXTURE_DELETE
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan)
	SELECT k, 'Kampung KB Beban ' || k, '2023-01-01' FROM unnest(ARRAY[$IN]) AS k;" >/dev/null ||
	{ echo "Bail out! could not load the fixture into $KKB_TEST_DB"; exit 1; }
ok 0 "fixture: 8 Kampung KB in Kota Sawahlunto"

for v in $VILLAGES; do
	printf '%s %s\n' "$v" "$(token kkb_pokja "$v" "Pokja $v (uji 09)")"
done > "$TMP/villages"
is "$(wc -l < "$TMP/villages")" 8 "one pokja token per village"

# rate limits off: eight village tokens at full speed is the point here, not the limits (12_portal tests those)
gw_start $PORT --threads "$THREADS" --limit-read 0 --limit-write 0 --limit-anon 0 || { echo "Bail out! the gateway did not start"; exit 1; }
ok 0 "the gateway starts on 127.0.0.1:$PORT ($THREADS worker threads)"

"$LOAD" run --port $PORT --seconds "$SECONDS_LOAD" --connections 64 --villages "$TMP/villages" --out "$TMP" | sed 's/^/# /'
val() { sed -n "s/^$1 //p" "$TMP/summary.txt"; }
ok "$([ -f "$TMP/summary.txt" ]; echo $?)" "kkb-load ran for $SECONDS_LOAD s and wrote its summary"
is "$(val transport_errors)" 0 "no transport error (connect, send, receive, timeout)"
is "$(val status_5xx)" 0 "no 5xx answer"
for k in desa profil keluarga anggota; do
	ok "$([ "$(val ${k}_requests)" -gt 0 ]; echo $?)" "$k requests were made ($(val ${k}_requests), p50 $(val ${k}_p50_ms) ms, p99 $(val ${k}_p99_ms) ms)"
	is "$(val ${k}_4xx)" 0 "  none answered 4xx"
done
is "$(val batches_failed)" 0 "every write batch was answered 2xx with all its rows imported"
ok "$([ "$(val batches_ok)" -gt 0 ]; echo $?)" "write batches: $(val batches_ok)"

# ---------------------------------------------------------------- what the database holds
# rows.tsv: kind, village, batch, key, name, status, stored, outcome known - one line per row sent
cluster psql -d "$KKB_TEST_DB" -X -q -v ON_ERROR_STOP=1 >"$TMP/check.out" 2>&1 <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS public.uji09_sent, public.uji09_desa, public.uji09_db;
CREATE TABLE public.uji09_sent (jenis text, kode_desa text, batch int, kunci text, nama text, status int, disimpan int, pasti int);
CREATE TABLE public.uji09_desa (kode_desa text, jenis text, baris bigint, checksum numeric);
\copy public.uji09_sent FROM '$TMP/rows.tsv'
\copy public.uji09_desa FROM '$TMP/villages.tsv'
CREATE INDEX ON public.uji09_sent (jenis, kode_desa, kunci);
ANALYZE public.uji09_sent;
SQL
ok $? "the rows kkb-load sent are loaded for comparison ($(wc -l < "$TMP/rows.tsv") rows)"
sed 's/^/# /' "$TMP/check.out"

# checksum of a set of rows (key, name): the sum of the first 60 bits of sha256(key || '|' || name)
CK="sum(('x' || left(encode(sha256(convert_to(kunci || '|' || nama, 'UTF8')), 'hex'), 15))::bit(60)::bigint)"
# the database's rows of these villages, once, indexed (kind, village, key, name)
sql "DROP TABLE IF EXISTS public.uji09_db; CREATE TABLE public.uji09_db AS SELECT 'keluarga' AS jenis, kode_desa::text AS kode_desa, no_kk::text AS kunci, '' AS nama FROM kkb.keluarga WHERE kode_desa IN ($IN)
	UNION ALL SELECT 'anggota', kode_desa::text, nik::text, nama FROM kkb.anggota WHERE kode_desa IN ($IN);
	CREATE INDEX ON public.uji09_db (jenis, kode_desa, kunci); ANALYZE public.uji09_db" >/dev/null
DB_ROWS="SELECT * FROM public.uji09_db"

is "$(sql "SELECT count(*) FROM public.uji09_sent WHERE status NOT BETWEEN 200 AND 299")" 0 "every row sent was in a request answered 2xx"
is "$(sql "SELECT count(*) FROM (SELECT jenis, kunci FROM public.uji09_sent GROUP BY 1, 2 HAVING count(*) > 1) d")" 0 \
	"no key was sent twice"
is "$(sql "SELECT string_agg(format('%s %s %s %s', d.kode_desa, d.jenis, d.baris, d.checksum), '; ' ORDER BY d.kode_desa, d.jenis)
	FROM public.uji09_desa d")" \
	"$(sql "WITH db AS ($DB_ROWS), k AS (SELECT unnest(ARRAY[$IN]) AS kode_desa), j AS (SELECT unnest(ARRAY['anggota', 'keluarga']) AS jenis)
	SELECT string_agg(format('%s %s %s %s', k.kode_desa, j.jenis,
		(SELECT count(*) FROM db WHERE db.kode_desa = k.kode_desa AND db.jenis = j.jenis),
		coalesce((SELECT $CK FROM db WHERE db.kode_desa = k.kode_desa AND db.jenis = j.jenis), 0)), '; ' ORDER BY k.kode_desa, j.jenis)
	FROM k CROSS JOIN j")" \
	"per village and table: the database's row count and checksum equal what kkb-load sent"
is "$(sql "WITH db AS ($DB_ROWS) SELECT count(*) FROM public.uji09_sent s WHERE NOT EXISTS
	(SELECT 1 FROM db WHERE db.jenis = s.jenis AND db.kode_desa = s.kode_desa AND db.kunci = s.kunci AND db.nama = coalesce(s.nama, ''))")" 0 \
	"no row sent is missing (or stored with another name)"
is "$(sql "WITH db AS ($DB_ROWS) SELECT count(*) FROM db WHERE NOT EXISTS
	(SELECT 1 FROM public.uji09_sent s WHERE db.jenis = s.jenis AND db.kode_desa = s.kode_desa AND db.kunci = s.kunci)")" 0 \
	"no row is in the database that was not sent"
is "$(sql "SELECT sum(baris) FROM public.uji09_desa WHERE jenis = 'anggota'")" "$(val anggota_rows)" "the members written: $(val anggota_rows)"

gw_stop
is "$GW_STATUS" 0 "the gateway stops cleanly"
jq -e . "$GW_LOG" >/dev/null 2>&1
ok $? "every log line is JSON"
ok "$(grep -c '"level":"error"' "$GW_LOG" | grep -qx 0; echo $?)" "no error was logged"

sql "DROP TABLE IF EXISTS public.uji09_sent, public.uji09_desa, public.uji09_db; $FIXTURE_DELETE" >/dev/null
rm -rf "$TMP"
done_testing
