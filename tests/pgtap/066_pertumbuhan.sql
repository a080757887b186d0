-- Growth faltering (kkb.pertumbuhan_goyah): a child of a generated kecamatan is given a
-- weighing one month before its last one, 1.5 kg heavier; its weight-for-age z then fell by
-- more than 0.67 and it is listed with its family, both z-scores and the next action; the
-- threshold and the gap are settable; a Pokja sees its own village's children, so does the
-- health agency (the agency owning the stunting problem) within its scope; any other agency
-- gets 42501 (by-name data), as does an agency setting kkb.opd itself in a direct login.
BEGIN;
SELECT plan(16);
SET client_min_messages = warning;
CREATE TEMP TABLE dibuat AS SELECT * FROM kkb.hasilkan('13.75.01', 0.05, 3, 1, '2026-10-01');
-- the child: measured in October, 12 to 48 months old, weight-for-age neither flagged nor missing
SELECT p.kode_desa::text AS desa, p.nik::text AS nik, p.tanggal_ukur AS t1, p.berat_kg AS bb, p.z_bbu AS z1
  FROM kkb.pengukuran p WHERE p.kode_desa <@ '13.75.01' AND p.z_bbu BETWEEN -1 AND 1 AND p.umur_hari BETWEEN 400 AND 1400
 ORDER BY p.nik LIMIT 1 \gset
DELETE FROM kkb.pengukuran WHERE nik = :'nik' AND tanggal_ukur < :'t1';
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur)
SELECT kode_desa, nik, tanggal_ukur - 30, berat_kg + 1.5, tinggi_cm - 0.5, cara_ukur FROM kkb.pengukuran WHERE nik = :'nik' AND tanggal_ukur = :'t1';
SELECT z_bbu AS z0 FROM kkb.pengukuran WHERE nik = :'nik' AND tanggal_ukur = :'t1'::date - 30 \gset

SELECT ok(:'z0'::numeric - :'z1'::numeric > 0.67, 'the earlier weighing, 1.5 kg heavier, has a weight-for-age z more than 0.67 higher');
CREATE TEMP TABLE g AS SELECT * FROM kkb.pertumbuhan_goyah(:'desa', '2026-10-31');
SELECT is((SELECT count(*) FROM g WHERE nik = :'nik'), 1::bigint, 'the child is listed');
SELECT is((SELECT row(tanggal_lalu, z_bbu_lalu, tanggal_kini, z_bbu_kini, turun)::text FROM g WHERE nik = :'nik'),
          row(:'t1'::date - 30, :'z0'::numeric, :'t1'::date, :'z1'::numeric, :'z0'::numeric - :'z1'::numeric)::text,
          '... with both weighings, their z-scores and the fall');
SELECT is((SELECT no_kk::text FROM g WHERE nik = :'nik'), (SELECT no_kk::text FROM kkb.anggota WHERE nik = :'nik'), '... and the family');
SELECT ok((SELECT tindakan LIKE 'Kunjungi keluarga minggu ini%' FROM g WHERE nik = :'nik'), '... and the next action');
SELECT is((SELECT count(*) FROM kkb.pertumbuhan_goyah(:'desa', '2026-10-31', :'z0'::numeric - :'z1'::numeric + 0.01) WHERE nik = :'nik'), 0::bigint,
          'a threshold above the fall: not listed');
SELECT is((SELECT count(*) FROM kkb.pertumbuhan_goyah(:'desa', '2026-10-31', 0.67, 20) WHERE nik = :'nik'), 0::bigint,
          'weighings further apart than jarak_hari: not compared');
SELECT is((SELECT count(*) FROM kkb.pertumbuhan_goyah(:'desa', (:'t1'::date - 1)) WHERE nik = :'nik'), 0::bigint,
          'before the second weighing: nothing to compare');
SELECT is((SELECT count(*) FROM kkb.pertumbuhan_goyah(:'desa', '2027-06-30') WHERE nik = :'nik'), 0::bigint,
          'months later without a new weighing: no longer a current warning');

SELECT set_config('kkb.wilayah', :'desa', true);
SET LOCAL ROLE kkb_pokja;
SELECT is((SELECT count(*) FROM kkb.pertumbuhan_goyah(:'desa', '2026-10-31') WHERE nik = :'nik'), 1::bigint, 'the village''s Pokja sees the child');
RESET ROLE;
SELECT set_config('kkb.wilayah', '13.75', true);
SET LOCAL ROLE kkb_opd;
SELECT throws_ok(format('SELECT * FROM kkb.pertumbuhan_goyah(%L, %L)', :'desa', '2026-10-31'), '42501', NULL, 'an agency without a token agency: 42501 (by-name data)');
RESET ROLE;
SELECT set_config('kkb.opd', 'pupr', true);
SET LOCAL ROLE kkb_opd;
SELECT throws_ok(format('SELECT * FROM kkb.pertumbuhan_goyah(%L, %L)', :'desa', '2026-10-31'), '42501', NULL, 'the public works agency (pupr): 42501');
RESET ROLE;
GRANT SELECT ON g TO kkb_opd;
SELECT set_config('kkb.opd', (SELECT opd FROM kkb.masalah_opd WHERE kode = 'stunting'), true);
SET LOCAL ROLE kkb_opd;
SELECT set_eq(format('SELECT nik::text, turun, tindakan FROM kkb.pertumbuhan_goyah(%L, %L)', :'desa', '2026-10-31'),
              'SELECT nik::text, turun, tindakan FROM g', 'the health agency (dinkes) sees the same children, families and actions');
SELECT throws_ok(format('SELECT * FROM kkb.pertumbuhan_goyah(%L, %L)', '13.77.01.1001', '2026-10-31'), '42501', NULL,
                 '... but not outside its scope');
SELECT throws_ok('SELECT count(*) FROM kkb.pengukuran', '42501', NULL, '... and still no by-name table');
RESET ROLE;
SELECT set_config('kkb.wilayah', '', true);
-- a direct login of an agency cannot make itself the health agency
CREATE ROLE opd_langsung_uji LOGIN;
GRANT kkb_opd TO opd_langsung_uji;
CREATE TEMP TABLE diikat AS SELECT * FROM kkb.lingkup_login_atur('opd_langsung_uji', '13.75');
SET LOCAL SESSION AUTHORIZATION opd_langsung_uji;
SELECT set_config('kkb.opd', 'dinkes', true);
SELECT throws_ok(format('SELECT * FROM kkb.pertumbuhan_goyah(%L, %L)', :'desa', '2026-10-31'), '42501', NULL,
                 'a direct agency login that sets kkb.opd itself: 42501');
RESET SESSION AUTHORIZATION;
SELECT * FROM finish();
ROLLBACK;
