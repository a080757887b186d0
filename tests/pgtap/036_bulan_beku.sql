-- An approved or locked month is final for every kind of row: its figures are
-- frozen at approval (kkb.nilai_beku), and rows dated inside it (measurements,
-- events, interventions) can be neither added, changed, moved nor deleted.
-- Before 0.2.0 only the monthly reports were locked: a measurement or a death
-- dated in a locked month still changed its profile.
BEGIN;
SELECT plan(27);
\ir fixture_desa.inc

-- M: the month before last, so every date used is in the past; N: the month after M (open)
CREATE TEMP TABLE bln AS
SELECT date_trunc('month', current_date - interval '2 months')::date AS m,
       date_trunc('month', current_date - interval '1 month')::date AS n,
       (SELECT nik FROM kkb.anggota WHERE nama = 'Budi') AS anak;
GRANT SELECT ON bln TO PUBLIC;
-- one measurement of Budi in M: short for his age (stunted)
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
SELECT '13.77.01.1001', anak, m + 4, 7.5, 66.0, 'telentang' FROM bln;
CREATE FUNCTION pg_temp.nilai(kode text, periode date) RETURNS numeric LANGUAGE sql AS
	$$ SELECT p.nilai FROM kkb.profil_desa('13.77.01.1001', periode) p WHERE p.kode = nilai.kode $$;

SELECT is(pg_temp.nilai('balita_diukur', (SELECT m FROM bln)), 1::numeric, 'before approval: 1 child measured in M');
SELECT is(pg_temp.nilai('penduduk', (SELECT m FROM bln)), 3::numeric, '... 3 people in A');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$SELECT kkb.ajukan('13.77.01.1001', (SELECT m FROM bln))$$), 'ok', 'pokja A submits M');
SELECT is((SELECT count(*)::int FROM kkb.nilai_beku), 0, 'a submitted month is not frozen yet');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$SELECT kkb.setujui('13.77.01.1001', (SELECT m FROM bln))$$), 'ok', 'an agency approves M');
SELECT is((SELECT count(*)::int FROM kkb.nilai_beku b, bln WHERE b.kode_desa = '13.77.01.1001' AND b.periode = bln.m
            AND b.kode = 'balita_stunting' AND b.nilai = 1), 1, 'approval froze M''s by-name figures (1 stunted child)');
CREATE TEMP TABLE sebelum AS
SELECT (SELECT array_agg(row(p.kode, p.nilai, p.sumber)::text ORDER BY p.urutan) FROM kkb.profil_desa('13.77.01.1001', m) p) AS profil,
       kkb.kelengkapan('13.77.01.1001', m) AS lengkap, kkb.klasifikasi('13.77.01.1001', m) AS kelas FROM bln;

-- rows dated inside the approved month: refused, with the period and its state
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
          SELECT '13.77.01.1001', anak, m + 19, 7.6, 66.5, 'telentang' FROM bln$$), '55000',
          'a measurement dated in the approved month is refused (55000)');
SELECT throws_ok($$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
                   SELECT '13.77.01.1001', anak, m + 19, 7.6, 66.5, 'telentang' FROM bln$$, '55000',
                 format('period %s of village 13.77.01.1001 is disetujui: its data can no longer be changed', to_char((SELECT m FROM bln), 'YYYY-MM')),
                 'the error names the month and its state, also for a superuser');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$UPDATE kkb.pengukuran SET berat_kg = 8 WHERE kode_desa = '13.77.01.1001'$$), '55000',
          'the month''s measurement cannot be corrected');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$UPDATE kkb.pengukuran SET tanggal_ukur = (SELECT n FROM bln) + 2 WHERE kode_desa = '13.77.01.1001'$$),
          '55000', 'nor moved out of the month');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$DELETE FROM kkb.pengukuran WHERE kode_desa = '13.77.01.1001'$$), '55000',
          'nor deleted');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik, umur_hari)
          SELECT '13.77.01.1001', 'mati-1', 'mati', m + 11, anak, 300 FROM bln$$), '55000',
          'a death dated in the approved month is refused');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, opd)
          SELECT '13.77.01.1001', m + 3, 'Pemberian makanan tambahan', 'perlindungan', '{dinkes}' FROM bln$$), '55000',
          'an intervention dated in the approved month is refused (it would change the month''s class)');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
          SELECT '13.77.01.1001', anak, n + 2, 7.9, 67.0, 'telentang' FROM bln$$), 'ok',
          'a measurement of the next (open) month is accepted');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1002', $$INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, keterangan)
          SELECT '13.77.01.1002', 'lahir-1', 'lahir', m + 11, 'ibu dari luar desa' FROM bln$$), 'ok',
          'another village''s rows of the same month are unaffected');

-- register changes after approval do not reach the approved month
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin)
          VALUES ('13.77.01.1001', pg_temp.nik('137701', '1960-02-02', true, 9), '1377011505200001', 'Nenek Ijah', 'P', '1960-02-02', 'famili_lain', 'cerai_mati')$$),
          'ok', 'a member joins A after the approval');
SELECT is(pg_temp.nilai('penduduk', (SELECT n FROM bln)), 4::numeric, 'the open month counts 4 people');
SELECT is((SELECT array_agg(row(p.kode, p.nilai, p.sumber)::text ORDER BY p.urutan) FROM kkb.profil_desa('13.77.01.1001', (SELECT m FROM bln)) p),
          (SELECT profil FROM sebelum), 'the approved month''s profile is unchanged, item by item');
SELECT is(pg_temp.nilai('penduduk', (SELECT m FROM bln)), 3::numeric, '... still 3 people');
SELECT is(kkb.kelengkapan('13.77.01.1001', (SELECT m FROM bln)), (SELECT lengkap FROM sebelum), '... the same completeness');
SELECT is(kkb.klasifikasi('13.77.01.1001', (SELECT m FROM bln)), (SELECT kelas FROM sebelum), '... the same class');
SELECT is(pg_temp.hitung('kkb_opd', '13.77', $$SELECT count(*) FROM kkb.profil_desa('13.77.01.1001', (SELECT m FROM bln)) WHERE sumber = 'data_individu'$$),
          (SELECT count(*) FROM unnest((SELECT profil FROM sebelum)) x WHERE x LIKE '%data_individu%'),
          'an agency reads the same frozen figures');

-- locking keeps them; reopening thaws the month
SELECT is(kkb.kunci('13.77.01.1001', (SELECT m FROM bln))::text, 'dikunci', 'an admin locks M');
SELECT is(pg_temp.nilai('penduduk', (SELECT m FROM bln)), 3::numeric, 'the locked month still answers its frozen figures');
SELECT is(kkb.buka('13.77.01.1001', (SELECT m FROM bln))::text, 'draf', 'an admin reopens M');
SELECT is((SELECT count(*)::int FROM kkb.nilai_beku), 0, 'reopening dropped the frozen figures');
SELECT is(pg_temp.nilai('penduduk', (SELECT m FROM bln)), 4::numeric, 'the reopened month is computed from the records again');

SELECT * FROM finish();
ROLLBACK;
