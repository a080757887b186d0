-- Families at risk of stunting: one family per factor, a family that is not a target, and the settings.
BEGIN;
SELECT plan(12);
\ir fixture_desa.inc

-- family cards 21..27 in village A; acuan 2026-10-31
INSERT INTO kkb.keluarga (kode_desa, no_kk, air_minum, jamban, tangki_septik) VALUES
	('13.77.01.1001', '1377011505200021', 'sumur_tak_terlindung', 'sendiri', true),   -- air
	('13.77.01.1001', '1377011505200022', 'ledeng', 'tidak_ada', NULL),               -- jamban
	('13.77.01.1001', '1377011505200023', 'ledeng', 'sendiri', true),                 -- terlalu muda
	('13.77.01.1001', '1377011505200024', 'ledeng', 'sendiri', true),                 -- terlalu tua
	('13.77.01.1001', '1377011505200025', 'ledeng', 'sendiri', true),                 -- terlalu dekat
	('13.77.01.1001', '1377011505200026', 'ledeng', 'sendiri', true),                 -- terlalu banyak
	('13.77.01.1001', '1377011505200027', 'sumur_tak_terlindung', 'tidak_ada', false); -- not a target
CREATE FUNCTION pg_temp.orang(kk text, tgl date, jk char, hub kkb.hubungan, s int, kawin kkb.status_kawin DEFAULT NULL) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan, status_kawin)
	VALUES ('13.77.01.1001', pg_temp.nik('137701', tgl, jk = 'P', s), kk::kkb.no_kk, 'Orang ' || s, jk, tgl, hub, kawin)
$$;
SELECT pg_temp.orang('1377011505200021', '2025-12-01', 'L', 'anak', 31);                 -- baduta
SELECT pg_temp.orang('1377011505200022', '2023-06-01', 'P', 'anak', 32);                 -- balita (24-59 months)
SELECT pg_temp.orang('1377011505200023', '2008-03-03', 'P', 'istri', 33, 'kawin');       -- 18 years old
SELECT pg_temp.orang('1377011505200024', '1986-04-04', 'P', 'istri', 34, 'kawin');       -- 40 years old
SELECT pg_temp.orang('1377011505200025', '1996-05-05', 'P', 'istri', 35, 'kawin');       -- 30, two children 11 months apart
SELECT pg_temp.orang('1377011505200025', '2019-01-10', 'L', 'anak', 36);
SELECT pg_temp.orang('1377011505200025', '2019-12-10', 'L', 'anak', 37);
SELECT pg_temp.orang('1377011505200026', '1994-06-06', 'P', 'istri', 38, 'kawin');       -- 32, four children
SELECT pg_temp.orang('1377011505200026', '2012-01-01', 'L', 'anak', 39);
SELECT pg_temp.orang('1377011505200026', '2014-01-01', 'L', 'anak', 40);
SELECT pg_temp.orang('1377011505200026', '2016-01-01', 'P', 'anak', 41);
SELECT pg_temp.orang('1377011505200026', '2018-01-01', 'P', 'anak', 42);
SELECT pg_temp.orang('1377011505200027', '1960-07-07', 'L', 'kepala', 43, 'cerai_mati'); -- 66, alone

SELECT results_eq($$SELECT no_kk::text, sasaran, alasan_sasaran, berisiko, faktor FROM kkb.risiko_stunting_desa('13.77.01.1001', '2026-10-31')
                    WHERE no_kk::text LIKE '13770115052000__' AND no_kk::text >= '1377011505200021' ORDER BY no_kk$$,
                  $$VALUES ('1377011505200021', true, '{baduta}'::text[], true, '{air_minum}'::text[]),
                           ('1377011505200022', true, '{balita}', true, '{jamban}'),
                           ('1377011505200023', true, '{pus}', true, '{terlalu_muda}'),
                           ('1377011505200024', true, '{pus}', true, '{terlalu_tua}'),
                           ('1377011505200025', true, '{pus}', true, '{terlalu_dekat}'),
                           ('1377011505200026', true, '{pus}', true, '{terlalu_banyak}'),
                           ('1377011505200027', false, '{}', false, '{}')$$,
                  'one family per factor, and a family that is not a target (no wife, no child under five, not pregnant)');
SELECT is((SELECT faktor FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200001', '2026-10-31')), '{}'::text[],
          'the fixture family (piped water, own latrine with septic tank, wife 34, one child) is a target but not at risk');
SELECT is((SELECT alasan_sasaran FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200001', '2026-10-31')), '{pus,baduta}'::text[],
          '... a target because of the couple and the child under two');
SELECT is((SELECT count(*)::int FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200024', '2026-10-31')), 1,
          'risiko_stunting answers one family');

SET LOCAL kkb.krs_umur_tua = 40;
SELECT is((SELECT berisiko FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200024', '2026-10-31')), false,
          'with kkb.krs_umur_tua = 40 the wife of 40 is no longer terlalu tua');
SET LOCAL kkb.krs_umur_muda = 18;
SELECT is((SELECT berisiko FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200023', '2026-10-31')), false,
          'with kkb.krs_umur_muda = 18 the wife of 18 is no longer terlalu muda');
SET LOCAL kkb.krs_jarak_bulan = 6;
SELECT is((SELECT berisiko FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200025', '2026-10-31')), false,
          'with kkb.krs_jarak_bulan = 6, 11 months apart is no longer terlalu dekat');
SET LOCAL kkb.krs_anak_maks = 4;
SELECT is((SELECT berisiko FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200026', '2026-10-31')), false,
          'with kkb.krs_anak_maks = 4, four children are no longer terlalu banyak');
RESET kkb.krs_umur_tua;
SELECT is((SELECT faktor FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200024', '2026-10-31')), '{terlalu_tua}'::text[],
          'back to the default 35');
SELECT is((SELECT count(*)::int FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200022', '2023-05-01')), 0,
          'before its only member was born the family had nobody: it is no family at risk, nor listed at all');
SELECT is((SELECT alasan_sasaran FROM kkb.risiko_stunting('13.77.01.1001', '1377011505200022', '2024-05-01')), '{baduta}'::text[],
          'at 11 months the child makes the family a target as baduta');
SELECT is((SELECT array_agg(right(no_kk::text, 2) ORDER BY no_kk) FROM kkb.risiko_stunting_desa('13.77.01.1001', '2026-10-31') WHERE berisiko),
          '{21,22,24}'::text[], 'with muda, dekat and banyak relaxed (tua back at 35) three families of A are at risk: water, latrine, terlalu tua');

SELECT * FROM finish();
ROLLBACK;
