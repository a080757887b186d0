-- 49_indikator_bi.sql - the monthly indicators, the items with their
-- completeness, and vital events in the kkb_bi views (after
-- kkb.ringkasan_desa, 48_ringkasan.sql).  Views, their comments and rights:
-- replayed by the upgrade (96_indikator_bi.replay).
--
-- Both indicator views cover the last 12 months (this one included) of the
-- Kampung KB in the caller's scope (kkb.lingkup(): a direct login's bound
-- scope, or every village), read from the stored monthly indicators
-- (kkb.indikator_bulanan: kept fresh after writes and at night by
-- kkb.indikator_siapkan); a village-month not stored yet is computed as it is
-- read.  A month in which a village has no value at all has no row ("belum ada
-- data"), never today's figures.  Older months: SELECT * FROM
-- kkb.ringkasan_desa(region, month).

CREATE VIEW kkb_bi.indikator_bulanan AS
WITH b AS (
	SELECT (pg_catalog.date_trunc('month', CURRENT_DATE) - m * interval '1 month')::date AS periode
	  FROM pg_catalog.generate_series(0, 11) m
)
SELECT r.kode_desa::text AS kode_desa, b.periode, w.nama AS nama_desa, kkb.kecamatan(r.kode_desa)::text AS kode_kecamatan,
       r.kelas, r.input_pokja, r.input_sumber_dana, r.input_poktan, r.input_sarana, r.input_pkb,
       r.proses_penggunaan_data, r.proses_operasional, r.proses_lintas_sektor,
       r.output_poktan, r.output_cpr, r.output_mkjp, r.output_unmet, r.indeks_input, r.indeks_proses, r.indeks_output,
       r.kelengkapan,
       r.balita_diukur::integer AS balita_diukur, r.balita_stunting::integer AS balita_stunting,
       CASE WHEN r.balita_diukur > 0 THEN pg_catalog.round(100.0 * r.balita_stunting / r.balita_diukur, 2) END AS prevalensi_stunting,
       pg_catalog.round(s.ci_bawah::numeric, 2) AS stunting_ci_bawah, pg_catalog.round(s.ci_atas::numeric, 2) AS stunting_ci_atas,
       r.balita_wasting::integer AS balita_wasting,
       CASE WHEN r.balita_diukur > 0 THEN pg_catalog.round(100.0 * r.balita_wasting / r.balita_diukur, 2) END AS prevalensi_wasting,
       r.balita_underweight::integer AS balita_underweight,
       CASE WHEN r.balita_diukur > 0 THEN pg_catalog.round(100.0 * r.balita_underweight / r.balita_diukur, 2) END AS prevalensi_underweight,
       r.pus::integer AS pus, r.unmet_need::integer AS unmet_need,
       CASE WHEN r.pus > 0 THEN pg_catalog.round(100.0 * r.unmet_need / r.pus, 2) END AS persen_unmet_need,
       r.peserta_kb::integer AS peserta_kb,
       CASE WHEN r.pus > 0 THEN pg_catalog.round(100.0 * r.peserta_kb / r.pus, 2) END AS persen_cpr,
       r.peserta_mkjp::integer AS peserta_mkjp,
       CASE WHEN r.peserta_kb > 0 THEN pg_catalog.round(100.0 * r.peserta_mkjp / r.peserta_kb, 2) END AS persen_mkjp,
       r.keluarga_berisiko::integer AS keluarga_berisiko
  FROM b
 CROSS JOIN LATERAL kkb.ringkasan_desa(kkb.lingkup(), b.periode) r
  JOIN kkb.wilayah w ON w.kode OPERATOR(kkb.=) r.kode_desa
  LEFT JOIN LATERAL kkb.prevalensi_selang(CASE WHEN r.balita_diukur > 0 AND r.balita_stunting <= r.balita_diukur
                                               THEN r.balita_stunting::bigint END, r.balita_diukur::bigint) s ON true
 WHERE r.nilai <> '{}'::jsonb;
COMMENT ON VIEW kkb_bi.indikator_bulanan IS 'Indikator bulanan: per Kampung KB and month of the last 12 - class, 12 scores and 3 indices, completeness, stunting (with its 95% interval), wasting and underweight, unmet need, CPR, MKJP, families at risk - the same figures as kkb.ringkasan and the dashboard; months without any value of the village are absent';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.periode IS 'Periode: the month (first day)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.nama_desa IS 'Nama desa: official village name';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.kode_kecamatan IS 'Kode kecamatan: district code';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.kelas IS 'Klasifikasi: Dasar, Berkembang, Mandiri or Berkelanjutan (the national portal''s rule)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.input_pokja IS 'Skor input Pokja (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.input_sumber_dana IS 'Skor input sumber dana (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.input_poktan IS 'Skor input kelompok kegiatan (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.input_sarana IS 'Skor input sarana (1-3)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.input_pkb IS 'Skor input PKB/PLKB pendamping (1-3)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.proses_penggunaan_data IS 'Skor proses penggunaan data (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.proses_operasional IS 'Skor proses mekanisme operasional (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.proses_lintas_sektor IS 'Skor proses dukungan lintas sektor (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.output_poktan IS 'Skor output partisipasi poktan (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.output_cpr IS 'Skor output CPR (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.output_mkjp IS 'Skor output MKJP (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.output_unmet IS 'Skor output unmet need (1-4)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.indeks_input IS 'Indeks input';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.indeks_proses IS 'Indeks proses';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.indeks_output IS 'Indeks output';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.kelengkapan IS 'Kelengkapan: share of the 40 items with a value (0..1)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.balita_diukur IS 'Balita diukur: children under five measured in the month';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.balita_stunting IS 'Balita stunting: of them, stunted (height-for-age z < -2)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.prevalensi_stunting IS 'Prevalensi stunting: percent of the children measured';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.stunting_ci_bawah IS 'Lower bound of the 95% interval of the stunting prevalence (percent; WHO anthro''s method)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.stunting_ci_atas IS 'Upper bound of the 95% interval of the stunting prevalence (percent)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.balita_wasting IS 'Balita wasting: weight-for-height z < -2 or oedema (by-name measurements only)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.prevalensi_wasting IS 'Prevalensi wasting: percent of the children measured';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.balita_underweight IS 'Balita underweight: weight-for-age z < -2 or oedema (by-name measurements only)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.prevalensi_underweight IS 'Prevalensi underweight: percent of the children measured';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.pus IS 'PUS: couples of reproductive age';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.unmet_need IS 'Unmet need: PUS wanting no child soon (IAT) or no more (TIAL) without contraception';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.persen_unmet_need IS 'Unmet need, percent of PUS';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.peserta_kb IS 'Peserta KB aktif: active contraceptive users (all methods)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.persen_cpr IS 'CPR: active users, percent of PUS';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.peserta_mkjp IS 'Peserta MKJP: users of long-acting methods (IUD, MOW, MOP, implant)';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.persen_mkjp IS 'MKJP, percent of active users';
COMMENT ON COLUMN kkb_bi.indikator_bulanan.keluarga_berisiko IS 'Keluarga berisiko stunting (KRS): families at risk of stunting';

-- The 40 items of every Kampung KB and month (of the same 12), with the value,
-- its source and whether it is there: completeness per item.
CREATE VIEW kkb_bi.elemen_bulanan AS
WITH b AS (
	SELECT (pg_catalog.date_trunc('month', CURRENT_DATE) - m * interval '1 month')::date AS periode
	  FROM pg_catalog.generate_series(0, 11) m
)
SELECT r.kode_desa::text AS kode_desa, b.periode, e.urutan::integer AS urutan, e.kode AS kode_elemen, e.nama AS nama_elemen,
       (r.nilai ->> e.kode)::numeric AS nilai, r.sumber ->> e.kode AS sumber, r.nilai ? e.kode AS ada
  FROM b
 CROSS JOIN LATERAL kkb.ringkasan_desa(kkb.lingkup(), b.periode) r
 CROSS JOIN kkb.elemen_data e
 WHERE r.nilai <> '{}'::jsonb;
COMMENT ON VIEW kkb_bi.elemen_bulanan IS 'Elemen data bulanan: the 40 items of every Kampung KB and month of the last 12 (months without any value absent) - value, source, and whether it is there (completeness per item: avg(ada::int))';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.periode IS 'Periode: the month (first day)';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.urutan IS 'Urutan: the item''s number in the Rumah DataKu catalogue (1-40)';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.kode_elemen IS 'Kode elemen: item code';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.nama_elemen IS 'Nama elemen: item name';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.nilai IS 'Nilai: the value (NULL: missing)';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.sumber IS 'Sumber: data_individu (by-name records), laporan_bulanan (monthly report) or isian (entered value)';
COMMENT ON COLUMN kkb_bi.elemen_bulanan.ada IS 'Ada: true when the item has a value';

-- Vital events as counts per district (kecamatan), month, kind, sex and age
-- group at death, with maternal deaths apart; a combination of fewer than 5
-- events is left out (k = 5, as the other by-name views).  Each village's
-- monthly births and deaths are the items lahir_hidup, kematian_bayi,
-- kematian_balita and kematian_ibu of kkb_bi.elemen_bulanan.
CREATE VIEW kkb_bi.peristiwa AS
SELECT kkb.kecamatan(v.kode_desa)::text AS kode_kecamatan, pg_catalog.date_trunc('month', v.tanggal)::date AS periode,
       v.jenis::text AS jenis, coalesce(v.jenis_kelamin::text, '?') AS jenis_kelamin,
       CASE WHEN v.jenis <> 'mati' THEN NULL WHEN v.umur_hari < 365 THEN '0 tahun' WHEN v.umur_hari < 1826 THEN '1-4 tahun'
            WHEN v.umur_hari IS NULL THEN 'tidak diketahui' ELSE '5+ tahun' END AS kelompok_umur,
       v.kematian_ibu, pg_catalog.count(*)::integer AS jumlah
  FROM kkb.peristiwa v
 WHERE kkb.lingkup() IS NULL OR v.kode_desa OPERATOR(kkb.<@) kkb.lingkup()
 GROUP BY 1, 2, 3, 4, 5, 6
HAVING pg_catalog.count(*) >= 5;
COMMENT ON VIEW kkb_bi.peristiwa IS 'Peristiwa: births, deaths and moves as counts per district, month, kind, sex and age group at death; combinations of fewer than 5 events left out (k = 5)';
COMMENT ON COLUMN kkb_bi.peristiwa.kode_kecamatan IS 'Kode kecamatan: district code';
COMMENT ON COLUMN kkb_bi.peristiwa.periode IS 'Periode: the month of the event (first day)';
COMMENT ON COLUMN kkb_bi.peristiwa.jenis IS 'Jenis: lahir, mati, pindah_masuk or pindah_keluar';
COMMENT ON COLUMN kkb_bi.peristiwa.jenis_kelamin IS 'Jenis kelamin: L, P, or ? when not recorded';
COMMENT ON COLUMN kkb_bi.peristiwa.kelompok_umur IS 'Kelompok umur: age at death (0 tahun, 1-4 tahun, 5+ tahun, tidak diketahui); NULL for other kinds';
COMMENT ON COLUMN kkb_bi.peristiwa.kematian_ibu IS 'Kematian ibu: a maternal death';
COMMENT ON COLUMN kkb_bi.peristiwa.jumlah IS 'Jumlah: number of events (5 or more)';

GRANT SELECT ON kkb_bi.indikator_bulanan, kkb_bi.elemen_bulanan, kkb_bi.peristiwa TO kkb_analis, kkb_admin;
