-- The 40 data items of a village: from by-name records, from the monthly report, or entered.
BEGIN;
SELECT plan(15);
\ir fixture_desa.inc

-- A has by-name records; in October 2026: a measurement, a birth, an infant death.
-- (The fixture's baby Budi is born relative to today; he is left out so the month's figures stay fixed.)
DELETE FROM kkb.anggota WHERE nama = 'Budi';
UPDATE kkb.anggota SET jaminan_kesehatan = true WHERE nama IN ('Ahmad', 'Siti');
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, sekolah)
VALUES ('13.77.01.1001', pg_temp.nik('137701', '2014-08-08', true, 50), '1377011505200001', 'Rina', 'P', '2014-08-08', 'anak', false);
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
VALUES ('13.77.01.1001', pg_temp.nik('137701', '2025-01-20', false, 51), '1377011505200001', 'Dodi', 'L', '2025-01-20', 'anak');
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur) VALUES
	('13.77.01.1001', pg_temp.nik('137701', '2025-01-20', false, 51), '2026-10-05', 10.0, 70.0, 'berdiri'),   -- 20 months, 70 cm: stunted
	('13.77.01.1001', pg_temp.nik('137701', '2025-01-20', false, 51), '2026-09-05', 9.8, 69.0, 'berdiri');
INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik_ibu, jenis_kelamin) VALUES ('13.77.01.1001', 'uji-lahir-1', 'lahir', '2026-10-10', pg_temp.nik('137701', '1992-03-10', true, 2), 'P');
INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, jenis_kelamin, umur_hari) VALUES ('13.77.01.1001', 'uji-mati-1', 'mati', '2026-10-20', 'P', 10);
-- C (13.77.02.2005) has no by-name records: a monthly report and entered values
INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('13.77.02.2005', 'Kampung KB Ampalu');
INSERT INTO kkb.penduduk (kode_desa, periode, laki_laki, perempuan, keluarga, pus) VALUES
	('13.77.02.2005', '2026-10-01', array_fill(50, ARRAY[16]), array_fill(51, ARRAY[16]), 400, 230);
INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil, peserta_bkb) VALUES ('13.77.02.2005', '2026-10-01', 40, 25);
INSERT INTO kkb.nilai (kode_desa, periode, kode_elemen, nilai) VALUES
	('13.77.02.2005', '2026-10-01', 'balita_stunting', 12), ('13.77.02.2005', '2026-10-01', 'keluarga', 999);

SELECT is((SELECT count(*)::int FROM kkb.profil_desa('13.77.01.1001', '2026-10-01')), 40, 'the profile has the 40 items');
SELECT results_eq($$SELECT urutan, kode, nilai, sumber FROM kkb.profil_desa('13.77.01.1001', '2026-10-01')$$,
                  $$VALUES (1, 'penduduk', 4::numeric, 'data_individu'), (2, 'keluarga', 1, 'data_individu'), (3, 'pus', 1, 'data_individu'),
                           (4, 'remaja', 1, 'data_individu'), (5, 'keluarga_balita', 1, 'data_individu'), (6, 'keluarga_remaja', 1, 'data_individu'),
                           (7, 'keluarga_lansia', 0, 'data_individu'), (8, 'kb_iud', 0, 'data_individu'), (9, 'kb_mow', 0, 'data_individu'),
                           (10, 'kb_mop', 0, 'data_individu'), (11, 'kb_kondom', 0, 'data_individu'), (12, 'kb_implan', 0, 'data_individu'),
                           (13, 'kb_suntik', 1, 'data_individu'), (14, 'kb_pil', 0, 'data_individu'), (15, 'tidak_kb_hamil', 0, 'data_individu'),
                           (16, 'tidak_kb_ingin_segera', 0, 'data_individu'), (17, 'tidak_kb_iat', 0, 'data_individu'),
                           (18, 'tidak_kb_tial', 0, 'data_individu'), (19, 'peserta_baru', NULL, NULL), (20, 'bpjs', 2, 'data_individu'),
                           (21, 'peserta_bkb', NULL, NULL), (22, 'peserta_bkr', NULL, NULL), (23, 'peserta_bkl', NULL, NULL),
                           (24, 'peserta_uppka', NULL, NULL), (25, 'peserta_pikr', NULL, NULL), (26, 'lahir_hidup', 1, 'data_individu'),
                           (27, 'kematian_bayi', 1, 'data_individu'), (28, 'kematian_balita', 1, 'data_individu'),
                           (29, 'kematian_ibu', 0, 'data_individu'), (30, 'balita_diukur', 1, 'data_individu'),
                           (31, 'balita_stunting', 1, 'data_individu'), (32, 'balita_gizi_kurang', 0, 'data_individu'),
                           (33, 'ibu_hamil', 0, 'data_individu'), (34, 'ibu_hamil_kek', NULL, NULL), (35, 'keluarga_krs', 0, 'data_individu'),
                           (36, 'keluarga_tanpa_air_layak', 0, 'data_individu'), (37, 'keluarga_tanpa_jamban_layak', 0, 'data_individu'),
                           (38, 'pus_4_terlalu', 0, 'data_individu'), (39, 'keluarga_miskin', 0, 'data_individu'),
                           (40, 'anak_tidak_sekolah', 1, 'data_individu')$$,
                  'A''s 40 items: from its by-name records (members at the month''s end, the month''s events, each child''s latest measurement), NULL where by-name records cannot give them');
SELECT is((SELECT count(*)::int FROM kkb.profil_desa('13.77.01.1001', '2026-10-01') WHERE nilai IS NULL), 7,
          'A lacks the seven items that by-name records cannot give and nobody entered');
SELECT is((SELECT array_agg(kode ORDER BY urutan) FROM kkb.profil_desa('13.77.01.1001', '2026-10-01') WHERE nilai IS NULL),
          '{peserta_baru,peserta_bkb,peserta_bkr,peserta_bkl,peserta_uppka,peserta_pikr,ibu_hamil_kek}'::text[],
          'namely new acceptors, the five programmes'' participants and pregnant women with KEK');
SELECT is((SELECT nilai FROM kkb.profil_desa('13.77.01.1001', '2026-09-01') WHERE kode = 'balita_stunting'), 1::numeric,
          'September: the September measurement (69 cm at 19 months) is stunted too');
SELECT is((SELECT nilai FROM kkb.profil_desa('13.77.01.1001', '2026-09-01') WHERE kode = 'lahir_hidup'), 0::numeric,
          'September: no birth');
SELECT is(kkb.kelengkapan('13.77.01.1001', '2026-10-01'), 0.8250, 'A''s completeness: 33 of 40');

SELECT results_eq($$SELECT kode, nilai, sumber FROM kkb.profil_desa('13.77.02.2005', '2026-10-01') WHERE nilai IS NOT NULL ORDER BY urutan$$,
                  $$VALUES ('penduduk', 1616::numeric, 'laporan_bulanan'), ('keluarga', 400, 'laporan_bulanan'), ('pus', 230, 'laporan_bulanan'),
                           ('kb_pil', 40, 'laporan_bulanan'), ('peserta_bkb', 25, 'laporan_bulanan'), ('balita_stunting', 12, 'isian')$$,
                  'C (no by-name records): the monthly report first, then entered values; NULL where neither exists');
SELECT is(kkb.kelengkapan('13.77.02.2005', '2026-10-01'), 0.1500, 'C''s completeness: 6 of 40');
SELECT is(kkb.kelengkapan('13.77.02.2005', '2026-09-01'), 0.0000, 'nothing for September');

-- entered values obey the period lock and RLS like the reports
SELECT is(kkb.kunci('13.77.02.2005', '2026-10-01')::text, 'dikunci', 'an admin locks October of C');
SELECT throws_ok($$UPDATE kkb.nilai SET nilai = 13 WHERE kode_desa = '13.77.02.2005'$$, '55000', NULL, 'entered values of a locked month cannot change');
SELECT throws_ok($$INSERT INTO kkb.nilai VALUES ('13.77.02.2005', '2026-11-01', 'bukan_elemen', 1)$$, '23503', NULL, 'an unknown item is refused');
SELECT is(pg_temp.hitung('kkb_opd', '13.77', $$SELECT count(*) FROM kkb.profil_desa('13.77.01.1001', '2026-10-01') WHERE sumber = 'data_individu'$$),
          33::bigint, 'an agency sees the counts from by-name records without seeing the records');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.02.2005', $$SELECT count(*) FROM kkb.profil_desa('13.77.01.1001', '2026-10-01') WHERE nilai IS NOT NULL$$),
          '42501', 'another village''s pokja is refused A''s profile (42501), not given an empty one');

SELECT * FROM finish();
ROLLBACK;
