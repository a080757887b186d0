-- 41_klasifikasi_desa_bi.sql - the classes in the kkb_bi views (after
-- kkb.klasifikasi_wilayah, 41_klasifikasi_desa.sql).  A view, its comments and
-- rights: replayed by the upgrade (50_fungsi.replay).

-- The national portal's class of every Kampung KB for every month that has a
-- monthly report (profile, population or KKBPK), as kkb.klasifikasi_wilayah
-- computes it: which villages moved class, month by month.
CREATE VIEW kkb_bi.klasifikasi AS
SELECT k.kode_desa::text AS kode_desa, b.periode::date AS periode, k.nama AS nama_desa,
       k.input_pokja, k.input_sumber_dana, k.input_poktan, k.input_sarana, k.input_pkb, k.proses_penggunaan_data, k.proses_operasional, k.proses_lintas_sektor, k.output_poktan, k.output_cpr, k.output_mkjp, k.output_unmet,
       k.indeks_input, k.indeks_proses, k.indeks_output, k.klasifikasi
  FROM (SELECT DISTINCT x.periode FROM (SELECT p.periode FROM kkb.profil p UNION SELECT d.periode FROM kkb.penduduk d
                                        UNION SELECT r.periode FROM kkb.kkbpk r) x) b
 CROSS JOIN LATERAL kkb.klasifikasi_wilayah(kkb.lingkup(), b.periode::date) k;
COMMENT ON VIEW kkb_bi.klasifikasi IS 'Klasifikasi: the national portal''s class, 12 scores and 3 indices of every Kampung KB in the caller''s scope, for every month with a monthly report';
COMMENT ON COLUMN kkb_bi.klasifikasi.kode_desa IS 'Kode desa: village code';
COMMENT ON COLUMN kkb_bi.klasifikasi.periode IS 'Periode: the month (first day)';
COMMENT ON COLUMN kkb_bi.klasifikasi.nama_desa IS 'Nama desa: official village name';
COMMENT ON COLUMN kkb_bi.klasifikasi.input_pokja IS 'Skor input Pokja (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.input_sumber_dana IS 'Skor input sumber dana (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.input_poktan IS 'Skor input kelompok kegiatan (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.input_sarana IS 'Skor input sarana (1-3)';
COMMENT ON COLUMN kkb_bi.klasifikasi.input_pkb IS 'Skor input PKB/PLKB pendamping (1-3)';
COMMENT ON COLUMN kkb_bi.klasifikasi.proses_penggunaan_data IS 'Skor proses penggunaan data (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.proses_operasional IS 'Skor proses mekanisme operasional (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.proses_lintas_sektor IS 'Skor proses lintas sektor (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.output_poktan IS 'Skor output peserta kelompok kegiatan (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.output_cpr IS 'Skor output CPR (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.output_mkjp IS 'Skor output MKJP (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.output_unmet IS 'Skor output unmet need (1-4)';
COMMENT ON COLUMN kkb_bi.klasifikasi.indeks_input IS 'Indeks input: mean of the input scores';
COMMENT ON COLUMN kkb_bi.klasifikasi.indeks_proses IS 'Indeks proses: mean of the process scores';
COMMENT ON COLUMN kkb_bi.klasifikasi.indeks_output IS 'Indeks output: mean of the output scores';
COMMENT ON COLUMN kkb_bi.klasifikasi.klasifikasi IS 'Klasifikasi: Dasar, Berkembang, Mandiri or Berkelanjutan (KLASIFIKASI.md)';
GRANT SELECT ON kkb_bi.klasifikasi TO kkb_analis, kkb_admin;
