#!/bin/sh
# Scoring (issue: scoring inside the database):
#  - kkb.klasifikasi_wilayah over a synthetic country (83,762 villages with a
#    profile, a population report, a family-planning report and interventions),
#    against the plain join that only reads the same rows.  Target: under 10 s.
#  - kkb.profil_desa for one village of 1,500 families (by-name records), against
#    reading that village's members.  Target: under 50 ms.  Its main costs are
#    reported as the time of each of its parts.
. "$(dirname "$0")/lib.sh"
N=${BENCH_ROWS:-1000000}

echo "scoring: a synthetic country of 83,762 Kampung KB with profiles and reports for 2026-10" >&2
bench_sql "
TRUNCATE kkb.kampung CASCADE;
TRUNCATE kkb.audit, kkb.peringatan;
INSERT INTO kkb.kampung (kode_desa, nama) SELECT kode, 'Kampung KB ' || nama FROM kkb.wilayah WHERE tingkat = 4;
CREATE TEMP TABLE r AS SELECT kode_desa, abs(hashtext(kode_desa::text)) AS h FROM kkb.kampung;
INSERT INTO kkb.profil (kode_desa, periode, pokja_ada, pokja_anggota, pokja_terlatih, pkb_pendamping, regulasi,
                        sumber_dana, poktan, sarana, penggunaan_data, mekanisme_operasional)
SELECT kode_desa, '2026-10-01', h % 7 <> 0, CASE WHEN h % 7 <> 0 THEN h % 15 END, h % 7 <> 0 AND h % 3 = 0, h % 2 = 0, h % 5 <> 0,
       (enum_range(NULL::kkb.sumber_dana))[1:h % 7], (enum_range(NULL::kkb.poktan))[1:(h / 7) % 9],
       (enum_range(NULL::kkb.sarana))[1:(h / 11) % 3], (enum_range(NULL::kkb.sumber_data))[1:(h / 13) % 6],
       (enum_range(NULL::kkb.mekanisme_operasional))[1:(h / 17) % 6]
  FROM r;
INSERT INTO kkb.penduduk (kode_desa, periode, pus, keluarga, remaja, keluarga_balita, keluarga_remaja, keluarga_lansia)
SELECT kode_desa, '2026-10-01', 150 + h % 300, 300 + h % 500, 200 + h % 300, 60 + h % 90, 80 + h % 100, 40 + h % 60 FROM r;
INSERT INTO kkb.kkbpk (kode_desa, periode, peserta_bkb, peserta_bkr, peserta_bkl, peserta_uppka, peserta_pikr, kb_iud, kb_mow, kb_mop,
                       kb_kondom, kb_implan, kb_suntik, kb_pil, tidak_kb_hamil, tidak_kb_ingin_segera, tidak_kb_iat, tidak_kb_tial)
SELECT kode_desa, '2026-10-01', h % 40, h % 30, h % 20, h % 10, h % 25, h % 12, h % 4, h % 2, h % 6, h % 15, 20 + h % 50, 10 + h % 30,
       h % 8, h % 6, h % 10, h % 9 FROM r;
INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, opd)
SELECT kode_desa, '2026-09-15', 'Kegiatan', 'perlindungan', (ARRAY(SELECT kode FROM kkb.opd ORDER BY kode))[1:h % 9] FROM r;
ANALYZE kkb.kampung, kkb.profil, kkb.penduduk, kkb.kkbpk, kkb.intervensi;
"
BENCH_REPEAT=${BENCH_REPEAT_SLOW:-3} bench_pair klasifikasi_nasional 83762 "< 10000 ms" \
	"SELECT count(klasifikasi), sum(indeks_output) FROM kkb.klasifikasi_wilayah(NULL, '2026-10-01')" \
	"SELECT count(p.pokja_anggota) + count(d.pus) + count(r.kb_pil) FROM kkb.kampung k LEFT JOIN kkb.profil p ON p.kode_desa = k.kode_desa AND p.periode = '2026-10-01'
	   LEFT JOIN kkb.penduduk d ON d.kode_desa = k.kode_desa AND d.periode = '2026-10-01'
	   LEFT JOIN kkb.kkbpk r ON r.kode_desa = k.kode_desa AND r.periode = '2026-10-01'"
bench_sql "SELECT 'classes: ' || string_agg(klasifikasi || ' ' || n, ', ') FROM (SELECT klasifikasi, count(*) n FROM kkb.klasifikasi_wilayah('13', '2026-10-01') GROUP BY 1 ORDER BY 1) x" >&2

echo "scoring: one village of 1,500 families (6,000 members, measurements of the children under five)" >&2
bench_sql "
INSERT INTO kkb.keluarga (kode_desa, no_kk, air_minum, jamban, tangki_septik, miskin)
SELECT '13.77.01.1001', ('1377010101' || '20' || lpad(f::text, 4, '0'))::kkb.no_kk,
       (enum_range(NULL::kkb.air_minum))[1 + f % 10], (enum_range(NULL::kkb.jamban))[1 + f % 4], f % 3 <> 0, f % 9 = 0
  FROM generate_series(1, 1500) f;
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin, kontrasepsi, sekolah)
SELECT '13.77.01.1001',
       ('137701' || lpad((extract(day FROM b)::int + CASE WHEN p THEN 40 ELSE 0 END)::text, 2, '0') || to_char(b, 'MMYY') || lpad((4 * f + j)::text, 4, '0'))::kkb.nik,
       ('1377010101' || '20' || lpad(f::text, 4, '0'))::kkb.no_kk, 'Warga', CASE WHEN p THEN 'P' ELSE 'L' END, b,
       (ARRAY['kepala', 'istri', 'anak', 'anak'])[1 + j]::kkb.hubungan,
       CASE WHEN j < 2 THEN 'kawin' ELSE 'belum_kawin' END::kkb.status_kawin,
       CASE WHEN j = 1 AND f % 2 = 0 THEN (ARRAY['suntik', 'pil', 'implan', 'iud'])[1 + f % 4]::kkb.kontrasepsi END,
       CASE WHEN j = 3 THEN f % 10 <> 0 END
  FROM generate_series(1, 1500) f, generate_series(0, 3) j,
       LATERAL (SELECT j = 1 OR (j > 1 AND f % 2 = 0) AS p,
                       CASE j WHEN 0 THEN DATE '1980-01-01' + f % 5000 WHEN 1 THEN DATE '1985-01-01' + f % 5000
                              WHEN 2 THEN DATE '2022-01-01' + f % 1000 ELSE DATE '2012-01-01' + f % 1500 END AS b) x;
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
SELECT a.kode_desa, a.nik, DATE '2026-10-10', 8 + (a.tanggal_lahir - DATE '2022-01-01') % 7, 75 + (a.tanggal_lahir - DATE '2022-01-01') % 20, 'berdiri'
  FROM kkb.anggota a WHERE a.kode_desa = '13.77.01.1001' AND a.tanggal_lahir >= DATE '2022-01-01' AND DATE '2026-10-10' - a.tanggal_lahir <= 1826;
ANALYZE kkb.keluarga, kkb.anggota, kkb.pengukuran;
"
bench_pair profil_desa_1500_keluarga 6000 "< 50 ms" \
	"SELECT sum(nilai), count(sumber) FROM kkb.profil_desa('13.77.01.1001', '2026-10-01')" \
	"SELECT count(*) FROM kkb.anggota WHERE kode_desa = '13.77.01.1001'"
bench_pair profil_desa_bagian_individu 6000 "(info: main cost - the by-name counts)" \
	"SELECT sum(nilai) FROM kkb._nilai_individu('13.77.01.1001', '2026-10-01')" \
	"SELECT count(*) FROM kkb.anggota WHERE kode_desa = '13.77.01.1001'"
bench_pair profil_desa_bagian_krs 6000 "(info: main cost - families at risk of stunting)" \
	"SELECT count(*) FILTER (WHERE berisiko), sum(cardinality(faktor)) FROM kkb.risiko_stunting_desa('13.77.01.1001', '2026-10-31')" \
	"SELECT count(*) FROM kkb.anggota WHERE kode_desa = '13.77.01.1001'"
