-- The monthly indicators as data (kkb.indikator_bulanan): kkb.ringkasan_desa
-- stores what it computes, answers from the stored rows while the village's and
-- the reference data's versions hold, and recomputes exactly the villages whose
-- data changed - with the same figures as computing everything afresh.
-- Fixture: a generated kecamatan of Bukittinggi (13.75.01), 5% scale, 2026-08..2026-10.
BEGIN;
SELECT plan(30);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 11, 3, '2026-10-01');
TRUNCATE kkb.indikator_bulanan;
CREATE TEMP TABLE desa AS SELECT kode_desa FROM kkb.kampung WHERE kode_desa <@ '13.75.01';

-- the figures computed afresh, one village at a time from its items (kkb._nilai_semua, never a stored row)
CREATE FUNCTION pg_temp.segar(p date) RETURNS TABLE (kode_desa text, kelas text, kelengkapan numeric, pus numeric, unmet numeric,
                                                     diukur numeric, stunting numeric, krs numeric) LANGUAGE sql AS $$
	SELECT d.kode_desa::text, kkb.klasifikasi(d.kode_desa, p) ->> 'klasifikasi',
	       round((SELECT count(*) FROM kkb._nilai_semua(d.kode_desa, p) x JOIN kkb.elemen_data e ON e.kode = x.kode)::numeric
	             / (SELECT count(*) FROM kkb.elemen_data), 4),
	       (SELECT x.nilai FROM kkb._nilai_semua(d.kode_desa, p) x WHERE x.kode = 'pus'),
	       (SELECT sum(x.nilai) FROM kkb._nilai_semua(d.kode_desa, p) x WHERE x.kode IN ('tidak_kb_iat', 'tidak_kb_tial')),
	       (SELECT x.nilai FROM kkb._nilai_semua(d.kode_desa, p) x WHERE x.kode = 'balita_diukur'),
	       (SELECT x.nilai FROM kkb._nilai_semua(d.kode_desa, p) x WHERE x.kode = 'balita_stunting'),
	       (SELECT x.nilai FROM kkb._nilai_semua(d.kode_desa, p) x WHERE x.kode = 'keluarga_krs')
	  FROM desa d ORDER BY 1
$$;
CREATE FUNCTION pg_temp.ringkas(p date) RETURNS TABLE (kode_desa text, kelas text, kelengkapan numeric, pus numeric, unmet numeric,
                                                       diukur numeric, stunting numeric, krs numeric) LANGUAGE sql AS $$
	SELECT r.kode_desa::text, r.kelas, r.kelengkapan, r.pus, r.unmet_need, r.balita_diukur, r.balita_stunting, r.keluarga_berisiko
	  FROM kkb.ringkasan_desa('13.75.01', p) r ORDER BY 1
$$;

SELECT ok((SELECT count(*) FROM desa) >= 5, 'the kecamatan has Kampung KB');
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-10-01'')', 'SELECT * FROM pg_temp.segar(''2026-10-01'')',
                  'the first read computes every village: the same figures as their profiles');
SELECT is((SELECT count(*) FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' AND periode = '2026-10-01'),
          (SELECT count(*) FROM desa), '... and stores one row per village');
CREATE TEMP TABLE simpan1 AS SELECT * FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01';
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-10-01'')', 'SELECT * FROM pg_temp.segar(''2026-10-01'')',
                  'the second read answers from the stored rows: the same figures');
SELECT set_eq('SELECT * FROM kkb.indikator_bulanan WHERE kode_desa <@ ''13.75.01''', 'SELECT * FROM simpan1',
              '... and recomputes nothing');

-- the stored rows hold every item with its source, and the class's scores
SELECT set_eq($$SELECT i.kode_desa::text, e.key, e.value::numeric, i.sumber ->> e.key FROM kkb.indikator_bulanan i, jsonb_each(i.nilai) e
                 WHERE i.kode_desa <@ '13.75.01' AND i.periode = '2026-10-01'$$,
              $$SELECT d.kode_desa::text, x.kode, x.nilai, x.sumber FROM desa d, kkb._nilai_semua(d.kode_desa, '2026-10-01') x$$,
              'a stored row holds every value of the village-month with its source');
SELECT set_eq($$SELECT kode_desa::text, kelas, input_pokja, input_sarana, proses_lintas_sektor, output_cpr, output_unmet, indeks_input, indeks_output
                  FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' AND periode = '2026-10-01'$$,
              $$SELECT kode_desa::text, klasifikasi, input_pokja, input_sarana, proses_lintas_sektor, output_cpr, output_unmet, indeks_input, indeks_output
                  FROM kkb.klasifikasi_wilayah('13.75.01', '2026-10-01')$$,
              '... and the class with its scores and indices as kkb.klasifikasi_wilayah');
SELECT set_eq($$SELECT d.kode_desa::text, p.kode, p.nilai, p.sumber FROM desa d, kkb.profil_desa(d.kode_desa, '2026-10-01') p$$,
              $$SELECT d.kode_desa::text, e.kode, x.nilai, x.sumber FROM desa d CROSS JOIN kkb.elemen_data e
                  LEFT JOIN kkb._nilai_semua(d.kode_desa, '2026-10-01') x ON x.kode = e.kode$$,
              'kkb.profil_desa answers from the stored rows: the same values and sources');
-- proof that it reads them: a planted value shows while the row holds, and not once the village changed
CREATE TEMP TABLE b AS SELECT max(kode_desa::text)::kkb.kode_wilayah AS kode_desa FROM desa;
UPDATE kkb.indikator_bulanan SET nilai = nilai || '{"remaja": 123456}' WHERE kode_desa = (SELECT kode_desa FROM b) AND periode = '2026-10-01';
SELECT is((SELECT nilai FROM kkb.profil_desa((SELECT kode_desa FROM b), '2026-10-01') WHERE kode = 'remaja'), 123456::numeric,
          'a stored row is what kkb.profil_desa reads while the village''s version holds (planted value)');
UPDATE kkb.kampung SET nama = nama || ' ' WHERE kode_desa = (SELECT kode_desa FROM b);
SELECT isnt((SELECT nilai FROM kkb.profil_desa((SELECT kode_desa FROM b), '2026-10-01') WHERE kode = 'remaja'), 123456::numeric,
          '... and never after a write to the village: it computes again');
SELECT is((SELECT nilai FROM kkb.profil_desa((SELECT kode_desa FROM b), '2026-10-01') WHERE kode = 'remaja'),
          (SELECT nilai FROM kkb._nilai_semua((SELECT kode_desa FROM b), '2026-10-01') WHERE kode = 'remaja'),
          '... the live value');
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-10-01'')', 'SELECT * FROM pg_temp.segar(''2026-10-01'')',
                  'the planted row is recomputed on the next read');
CREATE TEMP TABLE simpan1b AS SELECT * FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01';
DELETE FROM simpan1 WHERE kode_desa = (SELECT kode_desa FROM b);
INSERT INTO simpan1 SELECT * FROM simpan1b WHERE kode_desa = (SELECT kode_desa FROM b);

-- a village's data changes: a stunted child is measured in October
CREATE TEMP TABLE a AS SELECT min(kode_desa::text)::kkb.kode_wilayah AS kode_desa FROM desa;
CREATE TEMP TABLE anak AS
SELECT m.kode_desa, m.nik FROM kkb.anggota m JOIN a ON a.kode_desa = m.kode_desa
 WHERE m.tanggal_lahir > '2024-06-01' AND NOT EXISTS (SELECT FROM kkb.pengukuran p WHERE p.kode_desa = m.kode_desa AND p.nik = m.nik)
 LIMIT 1;
SELECT ok((SELECT count(*) FROM anak) = 1, 'a child of the first village not yet measured');
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
SELECT kode_desa, nik, '2026-10-15', 9.0, 70.0, 'telentang' FROM anak;
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-10-01'')', 'SELECT * FROM pg_temp.segar(''2026-10-01'')',
                  'after the write the figures are the profiles'' again (the changed village recomputed)');
SELECT is((SELECT i.balita_diukur - s.balita_diukur FROM kkb.indikator_bulanan i JOIN simpan1 s USING (kode_desa, periode)
            WHERE i.kode_desa = (SELECT kode_desa FROM a) AND i.periode = '2026-10-01'), 1::numeric,
          'the changed village''s stored row counts the new measurement');
SELECT is((SELECT count(*)::int FROM kkb.indikator_bulanan i JOIN simpan1 s USING (kode_desa, periode)
            WHERE i.kode_desa <> (SELECT kode_desa FROM a) AND i.versi_desa <> s.versi_desa), 0,
          'the other villages'' rows were not recomputed');

-- the reference data changes: every row of the month is recomputed
UPDATE kkb.masalah_opd SET target = target WHERE false;
CREATE TEMP TABLE simpan2 AS SELECT * FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' AND periode = '2026-10-01';
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-10-01'')', 'SELECT * FROM pg_temp.segar(''2026-10-01'')',
                  'after a change of the reference data: the same figures');
SELECT is((SELECT count(*)::int FROM kkb.indikator_bulanan i JOIN simpan2 s USING (kode_desa, periode)
            WHERE i.versi_acuan = s.versi_acuan), 0, '... every row recomputed at the new reference version');

-- other months: each its own rows; a month after the current one is never stored
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-08-01'')', 'SELECT * FROM pg_temp.segar(''2026-08-01'')',
                  'August: the profiles'' figures');
SELECT is((SELECT count(*) FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' AND periode = '2026-08-01'),
          (SELECT count(*) FROM desa), '... stored as its own rows');
SELECT is((SELECT count(*)::int FROM pg_temp.ringkas((date_trunc('month', current_date) + interval '1 month')::date)
            WHERE diukur IS NOT NULL OR kelengkapan > 0), 0, 'next month has no figures');
SELECT is((SELECT count(*)::int FROM kkb.indikator_bulanan WHERE periode > current_date), 0, '... and nothing is stored for it');

-- another role reads the same stored figures
CREATE TEMP TABLE dari_super AS SELECT * FROM pg_temp.ringkas('2026-10-01');
GRANT SELECT ON dari_super TO kkb_provinsi;
SELECT set_config('kkb.wilayah', '13', true);
SET LOCAL ROLE kkb_provinsi;
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-10-01'')', 'SELECT * FROM dari_super',
                  'a province token''s role reads the same figures');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);

-- the kkb_bi views of the indicators (the last 12 months, so a second kecamatan generated relative to today:
-- 13.75.02, the three months before this one): the same figures as kkb.ringkasan; no row for a month without values
CREATE TEMP TABLE dibuat2 AS SELECT * FROM kkb.hasilkan('13.75.02', 0.05, 12, 3, (date_trunc('month', current_date) - interval '1 month')::date);
SELECT results_eq($$SELECT kode_desa, kelas, balita_diukur, balita_stunting, prevalensi_stunting, stunting_ci_bawah, stunting_ci_atas,
                           balita_wasting, pus, unmet_need, persen_unmet_need, peserta_kb, persen_cpr, persen_mkjp, keluarga_berisiko
                      FROM kkb_bi.indikator_bulanan WHERE kode_desa LIKE '13.75.02.%' AND periode = (date_trunc('month', current_date) - interval '1 month')::date ORDER BY kode_desa$$,
                  $$SELECT kode::text, kelas, balita_diukur::int, balita_stunting::int, prevalensi_stunting, stunting_ci_bawah, stunting_ci_atas,
                           balita_wasting::int, pus::int, unmet_need::int, persen_unmet_need, peserta_kb::int, persen_cpr, persen_mkjp, keluarga_berisiko::int
                      FROM kkb.ringkasan('13.75.02', (date_trunc('month', current_date) - interval '1 month')::date, 4) WHERE kampung_kb > 0 ORDER BY kode$$,
                  'kkb_bi.indikator_bulanan: each village''s figures as kkb.ringkasan gives them');
SELECT ok((SELECT count(*) FROM kkb_bi.indikator_bulanan WHERE kode_desa LIKE '13.75.02.%' AND periode = (date_trunc('month', current_date) - interval '1 month')::date) > 0, '... for every village of the kecamatan');
SELECT is((SELECT count(*)::int FROM kkb_bi.indikator_bulanan WHERE kode_desa LIKE '13.75.02.%'
            AND periode = (date_trunc('month', current_date) - interval '6 months')::date), 0,
          '... and no row for a month before the villages'' records start');
SELECT results_eq($$SELECT kode_desa, round(avg(ada::int), 4) FROM kkb_bi.elemen_bulanan
                     WHERE kode_desa LIKE '13.75.02.%' AND periode = (date_trunc('month', current_date) - interval '1 month')::date GROUP BY 1 ORDER BY 1$$,
                  $$SELECT kode_desa, kelengkapan FROM kkb_bi.indikator_bulanan WHERE kode_desa LIKE '13.75.02.%' AND periode = (date_trunc('month', current_date) - interval '1 month')::date ORDER BY 1$$,
                  'kkb_bi.elemen_bulanan: completeness per item averages to each village''s completeness');
SELECT set_eq($$SELECT kode_elemen, nilai, sumber FROM kkb_bi.elemen_bulanan
                 WHERE kode_desa = (SELECT max(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '13.75.02') AND periode = (date_trunc('month', current_date) - interval '1 month')::date$$,
              $$SELECT kode, nilai, sumber FROM kkb.profil_desa((SELECT max(kode_desa::text) FROM kkb.kampung WHERE kode_desa <@ '13.75.02')::kkb.kode_wilayah, (date_trunc('month', current_date) - interval '1 month')::date)$$,
              '... and its values and sources are the profile''s');

-- a read-only transaction answers without storing
SET LOCAL transaction_read_only = on;
SELECT results_eq('SELECT * FROM pg_temp.ringkas(''2026-09-01'')', 'SELECT * FROM pg_temp.segar(''2026-09-01'')',
                  'a read-only transaction gets September''s figures');
SELECT is((SELECT count(*)::int FROM kkb.indikator_bulanan WHERE kode_desa <@ '13.75.01' AND periode = '2026-09-01'), 0,
          '... without storing them');

SELECT * FROM finish();
ROLLBACK;
