#!/bin/sh
# The same answers on one node and on the cluster (issue 18): the demo city (Kota Pariaman, 71
# villages, generator seed 1, at KKB_CITUS_SKALA of full density, default 0.25) is loaded through
# the normal write path into the distributed database and into a single-node database on the same
# coordinator (without Citus: its tables are plain), then every reporting function's answer is
# compared, row for row, as text.
set -u
n=0 fails=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi; }
diag() { sed 's/^/# /'; }
SKALA=${KKB_CITUS_SKALA:-0.25}
SATU=kampungkb_satu
BULAN=$(date +%Y-%m-01)
LALU=$(date -d "$(date +%Y-%m-15) -2 months" +%Y-%m-01)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "SET client_min_messages = warning" -c "$2"; }

echo "1..14"

# the single-node twin
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $SATU" >/dev/null 2>&1
createdb "$SATU" && psql -X -q -d "$SATU" -c "ALTER DATABASE $SATU SET search_path = \"\$user\", public, kkb" >/dev/null
q "$SATU" "CREATE EXTENSION kampungkb CASCADE" >/dev/null && q "$SATU" "CREATE EXTENSION kampungkb_demo" >/dev/null
ok $? "a single-node database beside the cluster's (no Citus in it)"

# the same city through the same generator into both
for db in "$SATU" "$PGDATABASE"; do
	out=$(q "$db" "SELECT tabel || '=' || baris FROM kkb.hasilkan('13.77', $SKALA, 1) ORDER BY tabel" 2>&1)
	st=$?
	printf '%s\n' "$out" > "$WORK/muat.$db"
	ok $st "the demo city (scale $SKALA) loads through kkb.hasilkan into $db"
	[ $st -eq 0 ] || printf '%s\n' "$out" | tail -5 | diag
done
diff "$WORK/muat.$SATU" "$WORK/muat.$PGDATABASE" >/dev/null
ok $? "both loads wrote the same rows per table ($(tr '\n' ' ' < "$WORK/muat.$SATU"))"

# a report that breaks a validation rule (more BKB participants than families with children under
# five), written the same way into both: periksa finds it, and the shard's trigger raises its warning
for db in "$SATU" "$PGDATABASE"; do
	q "$db" "UPDATE kkb.kkbpk SET peserta_bkb = 100000 WHERE kode_desa = '13.77.01.1001' AND periode = '$BULAN'" > /dev/null 2>"$WORK/galat"
	ok $? "a report breaking the rule peserta_bkb <= keluarga_balita is written into $db"
	[ -s "$WORK/galat" ] && diag < "$WORK/galat"
done

# every reporting function, in a fixed order, as text
sama() { # sama NAME QUERY
	q "$SATU" "$2" > "$WORK/a" 2>&1; sa=$?
	q "$PGDATABASE" "$2" > "$WORK/b" 2>&1; sb=$?
	if [ $sa -eq 0 ] && [ $sb -eq 0 ] && [ -s "$WORK/a" ] && diff "$WORK/a" "$WORK/b" > "$WORK/d"; then
		ok 0 "$1: the same $(wc -l < "$WORK/a") rows on one node and on the cluster"
	else
		ok 1 "$1: the same on one node and on the cluster"
		{ echo "one node (exit $sa):"; head -3 "$WORK/a"; echo "cluster (exit $sb):"; head -3 "$WORK/b"; head -10 "$WORK/d" 2>/dev/null; } | diag
	fi
}
sama "kkb.klasifikasi_wilayah" "SELECT k::text FROM kkb.klasifikasi_wilayah('13.77', '$BULAN') k ORDER BY 1"
# (a function per village is called over a MATERIALIZED list of the villages: on a cluster, called per
# row of a query on a distributed or reference table it would run on the workers - docs/SCALE.md)
DESA="WITH d AS MATERIALIZED (SELECT k.kode_desa AS kode FROM kkb.kampung k WHERE k.kode_desa <@ '13.77'::kkb.kode_wilayah)"
sama "kkb.profil_desa (every village, this month and two months ago)" \
	"$DESA SELECT d.kode::text, b, kkb.profil_desa(d.kode, b::date)::text FROM d, (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1, 2"
sama "kkb.ringkasan" "SELECT r::text FROM kkb.ringkasan('13.77', '$BULAN', NULL, true) r ORDER BY 1"
sama "kkb.prioritas_intervensi" "SELECT p::text FROM kkb.prioritas_intervensi('13.77', '$BULAN') p ORDER BY 1"
sama "kkb.risiko_stunting_desa (every village)" \
	"$DESA SELECT r::text FROM d, kkb.risiko_stunting_desa(d.kode, '$BULAN'::date) r ORDER BY 1"
sama "kkb.periksa (every village)" \
	"$DESA SELECT d.kode::text, p::text FROM d, kkb.periksa(d.kode, '$BULAN') p ORDER BY 1, 2"
sama "kkb.saran_kelas (every village)" \
	"$DESA SELECT d.kode::text, kkb.saran_kelas(d.kode, '$BULAN')::text FROM d ORDER BY 1"
sama "kkb.peringatan (the warnings the writes raised)" \
	"SELECT kode_desa::text, tabel, kunci::text, kode FROM kkb.peringatan ORDER BY 1, 2, 3, 4"

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $SATU" >/dev/null 2>&1
# the cluster's village tables emptied again for the tests after this one (the gateway's fixtures
# use villages of the demo city)
q "$PGDATABASE" "DO \$\$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg(pg_catalog.format('kkb.%I', s.tabel), ', ') || ' CASCADE'
                                FROM kkb._sebaran() s WHERE s.jenis = 'desa'); END \$\$" >/dev/null ||
	echo "# could not empty the cluster's village tables after the comparison"
[ "$fails" -eq 0 ]
