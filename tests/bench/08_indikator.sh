#!/bin/sh
# The monthly indicators as data (kkb.indikator_bulanan, issue 17): a 12-month
# stunting trend of a city's 4 kecamatan through kkb.ringkasan, read from the
# stored rows (warmed by an untimed run before each timed one), against the
# same trend computed afresh (the stored rows emptied before each run), on the
# demo city (Kota Pariaman, 71 villages, 12 months).  Target: < 200 ms.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
echo "indikator: generating the demo city 13.77 (71 villages, 12 months; about 15 s)" >&2
bench_sql "SELECT count(*) FROM kkb.hasilkan_hapus('13.77'); SELECT count(*) FROM kkb.hasilkan('13.77', 1.0, 1)" >/dev/null
TREN="SELECT count(*) FROM pg_catalog.generate_series(0, 11) m
      CROSS JOIN LATERAL kkb.ringkasan('13.77', (pg_catalog.date_trunc('month', CURRENT_DATE) - m * interval '1 month')::date, 3) r
      WHERE r.prevalensi_stunting IS NOT NULL"
bench_pair tren_12_bulan_4_kecamatan 852 "< 200 ms" "$TREN" "$TREN" "$TREN" "TRUNCATE kkb.indikator_bulanan"

# The national monthly roll-up: every province's figures over 83,762 Kampung KB from their stored
# monthly indicators (kkb.ringkasan(NULL, month, 1): the staleness check of every village, the sums
# per province, the intervals), against the plain GROUP BY of the same stored rows.  The stored
# rows are synthetic (the shapes of real ones: a class, counts, completeness), made current for
# each village's data version, so that the timed call computes nothing.  Target: < 2 s.
echo "indikator: 83,762 Kampung KB with stored indicators for 2026-10 (synthetic)" >&2
bench_sql "
INSERT INTO kkb.kampung (kode_desa, nama) SELECT kode, 'Kampung KB ' || nama FROM kkb.wilayah WHERE tingkat = 4 ON CONFLICT DO NOTHING;
INSERT INTO kkb.indikator_bulanan (kode_desa, periode, kelas, kelengkapan, pus, unmet_need, balita_diukur, balita_stunting, keluarga_berisiko,
                                   versi_desa, versi_acuan, dihitung_pada, balita_wasting, balita_underweight, peserta_kb, peserta_mkjp)
SELECT k.kode_desa, '2026-10-01', (ARRAY['Dasar', 'Berkembang', 'Mandiri', 'Berkelanjutan'])[1 + h % 4], (h % 41) / 40.0,
       150 + h % 300, h % 40, 20 + h % 80, h % 20, h % 50, coalesce(v.versi, 0), (SELECT versi FROM kkb.versi_acuan), CURRENT_DATE,
       h % 7, h % 9, 60 + h % 100, h % 30
  FROM kkb.kampung k LEFT JOIN kkb.versi_desa v ON v.kode_desa = k.kode_desa
 CROSS JOIN LATERAL (SELECT abs(hashtext(k.kode_desa::text)) AS h) x
ON CONFLICT DO NOTHING;
ANALYZE kkb.kampung, kkb.indikator_bulanan, kkb.versi_desa;
"
bench_sql "SELECT 'national: ' || count(*) || ' provinces, ' || sum(kampung_kb) || ' Kampung KB' FROM kkb.ringkasan(NULL, '2026-10-01', 1)" >&2
bench_pair ringkasan_nasional 83762 "< 2000 ms" \
	"SELECT count(*), sum(balita_stunting), sum(kampung_kb) FROM kkb.ringkasan(NULL, '2026-10-01', 1)" \
	"SELECT count(*), sum(s), sum(n) FROM (SELECT kkb.provinsi(i.kode_desa) AS p, sum(i.balita_stunting) AS s, count(*) AS n
	   FROM kkb.indikator_bulanan i WHERE i.periode = '2026-10-01' GROUP BY 1) x"
