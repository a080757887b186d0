#!/bin/sh
# Issue 19's targets:
#  - the what-it-takes advisor (kkb.klasifikasi_saran) over 83,762 input documents of a
#    synthetic country, against classifying the same documents (kkb.klasifikasi_hitung).
#    Target: < 10 s.
#  - prevalence with confidence intervals (kkb.prevalensi, stunting: tbu, -2) over 1M
#    children grouped by village (stored kkb.antropometri results, as kkb.pengukuran
#    stores them), against counting the stunted children of the same rows.  Target: < 2 s.
. "$(dirname "$0")/lib.sh"

echo "saran: 83,762 synthetic input documents (every shape: missing objects and keys, small and large villages)" >&2
bench_sql "
DROP TABLE IF EXISTS bench.saran_masukan;
CREATE TABLE bench.saran_masukan AS
SELECT i, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
	'pokja_ada', CASE WHEN h % 9 <> 0 THEN h % 7 <> 0 END, 'pokja_anggota', CASE WHEN h % 5 <> 0 THEN h % 15 END,
	'pokja_terlatih', h % 3 = 0, 'sumber_dana', h % 7, 'poktan', (h / 7) % 9, 'sarana', (h / 11) % 3,
	'pkb_pendamping', h % 2 = 0, 'regulasi', h % 5 <> 0, 'penggunaan_data', (h / 13) % 6,
	'mekanisme_operasional', (h / 17) % 6, 'instansi_intervensi', (h / 19) % 9,
	'penduduk', CASE WHEN h % 6 <> 0 THEN pg_catalog.jsonb_build_object('pus', 5 + h % 300, 'keluarga', 10 + h % 500, 'remaja', h % 300,
	            'keluarga_balita', h % 90, 'keluarga_remaja', h % 100, 'keluarga_lansia', h % 60) END,
	'kkbpk', CASE WHEN h % 8 <> 0 THEN pg_catalog.jsonb_build_object('peserta_bkb', h % 40, 'peserta_bkr', h % 30, 'peserta_bkl', h % 20,
	         'peserta_uppka', h % 10, 'peserta_pikr', h % 25, 'kb_iud', h % 12, 'kb_mow', h % 4, 'kb_mop', h % 2, 'kb_kondom', h % 6,
	         'kb_implan', h % 15, 'kb_suntik', 20 + h % 50, 'kb_pil', 10 + h % 30, 'tidak_kb_iat', h % 10, 'tidak_kb_tial', h % 9) END)) AS m
  FROM (SELECT i, abs(hashtext(i::text)) AS h FROM generate_series(1, 83762) i) x;
ANALYZE bench.saran_masukan;
"
BENCH_REPEAT=${BENCH_REPEAT_SLOW:-3} bench_pair klasifikasi_saran_nasional 83762 "< 10000 ms" \
	"SELECT count(*) FILTER (WHERE jsonb_array_length(kkb.klasifikasi_saran(m) -> 'saran') > 0) FROM bench.saran_masukan" \
	"SELECT count(kkb.klasifikasi_hitung(m) ->> 'klasifikasi') FROM bench.saran_masukan"
bench_sql "SELECT 'saran: ' || string_agg(k || ' ' || n, ', ') FROM (SELECT kkb.klasifikasi_saran(m) #>> '{saran,0,kelas}' AS k, count(*) n
             FROM bench.saran_masukan GROUP BY 1 ORDER BY 1) x" >&2

echo "prevalensi: 1,000,000 children's measurements in 10,000 villages (stored kkb.antropometri results)" >&2
bench_sql "
DROP TABLE IF EXISTS bench.anak;
CREATE TABLE bench.anak AS
SELECT i % 10000 AS desa, kkb.antropometri(CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END, DATE '2026-10-10' - (30 + i % 1790),
                                           DATE '2026-10-10', 6 + (i % 130) / 10.0, 60 + (i % 500) / 10.0, NULL) AS h
  FROM generate_series(1, 1000000) i;
ANALYZE bench.anak;
"
bench_pair prevalensi_1jt_per_desa 1000000 "< 2000 ms" \
	"SELECT count(p.persen), sum(p.ci_atas - p.ci_bawah) FROM (SELECT desa, (kkb.prevalensi(h, 'tbu', -2)).* FROM bench.anak GROUP BY desa) p" \
	"SELECT count(p.k), sum(p.k) FROM (SELECT desa, count(*) FILTER (WHERE (h).z_tbu < -2) AS k FROM bench.anak GROUP BY desa) p"
