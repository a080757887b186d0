#!/bin/sh
# The same answers on one node and on the cluster (issue 18): the demo city (Kota Pariaman, 71
# villages, generator seed 1, at KKB_CITUS_SKALA of full density, default 0.25) is loaded through
# the normal write path into the distributed database and into a single-node database on the same
# coordinator (without Citus: its tables are plain), then every reporting function's answer is
# compared, row for row, as text: each public function and view of kkb.katalog that reports on the
# data (groups laporan, klasifikasi, antropometri, audit and the kkb_bi views, read as superuser),
# after the same writes into both - a report breaking a rule, months submitted on time, late and
# approved (their figures frozen), the stored indicators of 12 months (kkb.indikator_siapkan) and
# reminders queued.  Left out: functions of their arguments only (kkb.antropometri, the z-scores,
# kkb.prevalensi_selang, kkb.klasifikasi_hitung, kkb.klasifikasi_saran: no data to differ), the
# gateway's kkb.api_* (the gateway's tests run on the cluster) and the operations (kkb.hasilkan is the
# load itself).  Identity numbers, clocks and change counters differ between any two loads and are
# compared by what they mean (an intervention's rank in its village, a version text's villages).
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

echo "1..54"

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

# the same months submitted into both, with the times given (the first submission is what
# timeliness judges, kkb.ketepatan): two months ago, kecamatan 13.77.01 three days before the
# deadline and then approved (the approval freezes its by-name figures on the village's shard),
# 13.77.02 two days after it; the other villages not at all.  (Before anything is compared: a
# month's state is a change of the village, which makes its stored indicators stale.)
for db in "$SATU" "$PGDATABASE"; do
	q "$db" "INSERT INTO kkb.periode_status (kode_desa, periode, status, diajukan_pada)
	         SELECT k.kode_desa, '$LALU', 'diajukan',
	                kkb.tenggat('$LALU') + CASE WHEN k.kode_desa <@ '13.77.01' THEN interval '-3 days' ELSE interval '2 days' END
	           FROM kkb.kampung k WHERE k.kode_desa <@ '13.77.01' OR k.kode_desa <@ '13.77.02';
	         UPDATE kkb.periode_status SET status = 'disetujui' WHERE kode_desa <@ '13.77.01' AND periode = '$LALU'" > /dev/null 2>"$WORK/galat"
	ok $? "two months ago submitted by 39 villages, on time by 22 of them, which are approved, in $db"
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
sama "kkb.nilai_beku (the figures the approvals froze)" \
	"SELECT kode_desa::text, periode, kode, nilai FROM kkb.nilai_beku ORDER BY 1, 2, 3"

# the stored monthly indicators of the last 12 months, computed the same way into both (the nightly
# job's procedure; on the cluster each village-month's figures are single-shard statements)
for db in "$SATU" "$PGDATABASE"; do
	t0=$(date +%s)
	q "$db" "CALL kkb.indikator_siapkan('13.77')" > /dev/null 2>"$WORK/galat"
	ok $? "kkb.indikator_siapkan stores 12 months of indicators in $db ($(($(date +%s) - t0)) s)"
	[ -s "$WORK/galat" ] && diag < "$WORK/galat"
done
# (without the change counters they were computed at: every node counts its own)
sama "kkb.indikator_bulanan (the rows kkb.indikator_siapkan stored)" \
	"SELECT i.kode_desa::text, i.periode, i.kelas, i.kelengkapan, i.pus, i.unmet_need, i.balita_diukur, i.balita_stunting,
	        i.keluarga_berisiko, i.balita_wasting, i.balita_underweight, i.peserta_kb, i.peserta_mkjp, i.dihitung_pada,
	        i.input_pokja, i.input_sumber_dana, i.input_poktan, i.input_sarana, i.input_pkb, i.proses_penggunaan_data,
	        i.proses_operasional, i.proses_lintas_sektor, i.output_poktan, i.output_cpr, i.output_mkjp, i.output_unmet,
	        i.indeks_input, i.indeks_proses, i.indeks_output, i.nilai, i.sumber
	   FROM kkb.indikator_bulanan i ORDER BY 1, 2"
sama "kkb.indikator_segarkan (every village, this month and two months ago)" \
	"$DESA SELECT d.kode::text, b, kkb.indikator_segarkan(d.kode, b) FROM d, (VALUES (0), (2)) m(b) ORDER BY 1, 2"
sama "kkb.ringkasan_desa (this month and two months ago)" \
	"SELECT b, r::text FROM (VALUES ('$BULAN'), ('$LALU')) m(b), kkb.ringkasan_desa('13.77', b::date) r ORDER BY 1, 2"
sama "kkb.tren_stunting" "SELECT t::text FROM kkb.tren_stunting('13.77', '$BULAN') t ORDER BY 1"
sama "kkb.kelengkapan (every village, this month and two months ago)" \
	"$DESA SELECT d.kode::text, b, kkb.kelengkapan(d.kode, b::date) FROM d, (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1, 2"
sama "kkb.klasifikasi (every village, this month and two months ago)" \
	"$DESA SELECT d.kode::text, b, kkb.klasifikasi(d.kode, b::date)::text FROM d, (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1, 2"
sama "kkb.klasifikasi_masukan (every village, this month and two months ago)" \
	"$DESA SELECT d.kode::text, b, kkb.klasifikasi_masukan(d.kode, b::date)::text FROM d, (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1, 2"
sama "kkb.pencilan (this month by mz and minmaks, two months ago by z)" \
	"SELECT m, p::text FROM (VALUES ('mz', '$BULAN'), ('minmaks', '$BULAN'), ('z', '$LALU')) x(m, b),
	        kkb.pencilan('13.77', b::date, m) p ORDER BY 1, 2"
sama "kkb.pertumbuhan_goyah (every village, this month and two months ago)" \
	"$DESA SELECT b, g::text FROM d, (VALUES ('$BULAN'), ('$LALU')) m(b), kkb.pertumbuhan_goyah(d.kode, b::date) g ORDER BY 1, 2"
# (the families of more than one village: a list of one village's would be routed whole to its shard)
sama "kkb.risiko_stunting (the first family of every village, this month and two months ago)" \
	"WITH f AS MATERIALIZED (SELECT k.kode_desa, k.no_kk FROM (SELECT kode_desa, no_kk, row_number() OVER (PARTITION BY kode_desa ORDER BY no_kk) AS r
	                                                       FROM kkb.keluarga WHERE kode_desa <@ '13.77') k WHERE k.r = 1)
	 SELECT f.kode_desa::text, f.no_kk::text, b, kkb.risiko_stunting(f.kode_desa, f.no_kk, b::date)::text
	   FROM f, (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1, 2, 3"
# (the by-name measurements' prevalences per kecamatan and month, as WHO anthro computes them)
sama "kkb.prevalensi (stunting, wasting, underweight per kecamatan and month)" \
	"SELECT kkb.kecamatan(p.kode_desa)::text, date_trunc('month', p.tanggal_ukur)::date,
	        kkb.prevalensi(h, 'tbu', -2)::text, kkb.prevalensi(h, 'bbtb', -2)::text, kkb.prevalensi(h, 'bbu', -2)::text
	   FROM kkb.pengukuran p
	  CROSS JOIN LATERAL kkb.antropometri(p.jenis_kelamin, p.tanggal_lahir, p.tanggal_ukur, p.berat_kg, p.tinggi_cm, p.cara_ukur, p.oedema) h
	  GROUP BY 1, 2 ORDER BY 1, 2"
sama "kkb.rerata_z (height- and weight-for-age per kecamatan and month)" \
	"SELECT kkb.kecamatan(p.kode_desa)::text, date_trunc('month', p.tanggal_ukur)::date, kkb.rerata_z(h, 'tbu')::text, kkb.rerata_z(h, 'bbu')::text
	   FROM kkb.pengukuran p
	  CROSS JOIN LATERAL kkb.antropometri(p.jenis_kelamin, p.tanggal_lahir, p.tanggal_ukur, p.berat_kg, p.tinggi_cm, p.cara_ukur, p.oedema) h
	  GROUP BY 1, 2 ORDER BY 1, 2"

# timeliness, at a time given: two months ago past its deadline, this month before its own
SEKARANG="'$BULAN'::timestamptz + interval '20 days'"
sama "kkb.tenggat (this month and two months ago)" "SELECT b, kkb.tenggat(b::date) FROM (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1"
sama "kkb.kedaluwarsa (this month and two months ago)" "SELECT b, kkb.kedaluwarsa(b::date) FROM (VALUES ('$BULAN'), ('$LALU')) m(b) ORDER BY 1"
sama "kkb.ketepatan (this month and two months ago)" \
	"SELECT b, t::text FROM (VALUES ('$BULAN'), ('$LALU')) m(b), kkb.ketepatan('13.77', b::date, $SEKARANG) t ORDER BY 1, 2"
sama "kkb.ketepatan_ringkas (this month and two months ago)" \
	"SELECT b, t::text FROM (VALUES ('$BULAN'), ('$LALU')) m(b), kkb.ketepatan_ringkas('13.77', b::date, $SEKARANG) t ORDER BY 1, 2"
# the reminders for the villages that did not submit, queued by a session that listens on their
# channel: each queued reminder is announced once, on the cluster by the coordinator
for db in "$SATU" "$PGDATABASE"; do
	psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" -c "LISTEN kkb_pengingat" \
		-c "SELECT kkb.pengingat_siapkan('13.77', '$LALU', $SEKARANG) + kkb.pengingat_siapkan('13.77', '$BULAN', $SEKARANG)" \
		> "$WORK/pengingat.$db" 2>&1
	st=$?
	jumlah=$(grep -v '^Asynchronous notification' "$WORK/pengingat.$db")
	kabar=$(grep -c '^Asynchronous notification "kkb_pengingat" with payload "[0-9]*"' "$WORK/pengingat.$db")
	[ $st -eq 0 ] && [ "$jumlah" = 103 ] && [ "$kabar" = 103 ]
	ok $? "kkb.pengingat_siapkan queues 103 reminders in $db (32 late, 71 before the deadline) and announces each on kkb_pengingat (queued $jumlah, announced $kabar)"
	[ $st -eq 0 ] || diag < "$WORK/pengingat.$db"
done
sama "kkb.pengingat (the reminders queued)" \
	"SELECT kode_desa::text, periode, jenis, penerima, teks, jatuh_tempo, terkirim_pada FROM kkb.pengingat ORDER BY 1, 2, 3"

# the version text behind the gateway's ETags: the change counters are each node's own, so the
# villages it counts and its day
sama "kkb.versi_data (the villages counted, the day)" \
	"SELECT split_part(v, '-', 3), split_part(v, '-', 4) FROM kkb.versi_data('13.77') v"
# the audit trail's monthly partitions made (this month's rows move out of the default partition;
# on the cluster into a new distributed table, whose copy on the coordinator is emptied)
sama "kkb.audit_bulan_siapkan (this month's rows moved into its partition)" "SELECT p FROM kkb.audit_bulan_siapkan() p ORDER BY 1"
q "$PGDATABASE" "SELECT pg_relation_size(format('kkb.%I', 'audit_' || to_char(CURRENT_DATE, 'YYYY_MM')))" > "$WORK/ukuran" 2>&1
[ "$(cat "$WORK/ukuran")" = 0 ]
ok $? "the coordinator keeps no copy of the audit rows moved to the workers (its table of the month: $(cat "$WORK/ukuran") bytes)"
# the audit trail, one row per key, without its numbers, clocks and the identity numbers of
# interventions and events (the writes were the same; when they ran was not)
sama "kkb.audit_kunci (without ids, times and identity numbers)" \
	"SELECT tabel, operasi, kode_desa::text, (kunci - 'id')::text, (lama - '{id,diubah_pada}'::text[])::text,
	        (baru - '{id,diubah_pada}'::text[])::text, peran, sesi, pengguna FROM kkb.audit_kunci ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
# (its rows and bytes are where the rows lie: on a cluster the workers' shards, not the coordinator's table)
sama "kkb.audit_bulan (the partitions)" "SELECT bulan, tabel FROM kkb.audit_bulan ORDER BY 2"

# the analysts' views, read as superuser (the k-anonymous counts, the classes and indicators)
for v in desa laporan_kkbpk penduduk anggota keluarga pengukuran klasifikasi indikator_bulanan elemen_bulanan peristiwa; do
	sama "kkb_bi.$v" "SELECT v::text FROM kkb_bi.$v v ORDER BY 1"
done
# (an intervention's number is an identity: its rank within the village instead)
sama "kkb_bi.intervensi (its number as the rank within the village)" \
	"SELECT kode_desa, rank() OVER (PARTITION BY kode_desa ORDER BY id), tanggal, judul, fungsi_keluarga, sasaran, opd, uraian
	   FROM kkb_bi.intervensi ORDER BY 1, 2"

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $SATU" >/dev/null 2>&1
# the cluster's village tables emptied again for the tests after this one (the gateway's fixtures
# use villages of the demo city)
q "$PGDATABASE" "DO \$\$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg(pg_catalog.format('kkb.%I', s.tabel), ', ') || ' CASCADE'
                                FROM kkb._sebaran() s WHERE s.jenis = 'desa'); END \$\$" >/dev/null ||
	echo "# could not empty the cluster's village tables after the comparison"
[ "$fails" -eq 0 ]
