-- An administrator's scope holds like every role's: a city's admin token
-- (scope 13.77.01 here: one kecamatan) reads and writes only inside it, and hands
-- out tokens only inside it.  Before 0.2.0 the admin policy was USING (true).
BEGIN;
SELECT plan(16);
\ir fixture_desa.inc
INSERT INTO kkb.kampung (kode_desa, nama, tanggal_pencanangan) VALUES ('13.71.01.1001', 'Kampung KB Padang', '2022-05-01');
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES ('13.71.01.1001', '1371011505200003', 1, 1);

SELECT is(pg_temp.hitung('kkb_admin', '13.77', 'SELECT count(*) FROM kkb.kampung'), 2::bigint, 'an admin of 13.77 sees the 2 Kampung KB of 13.77');
SELECT is(pg_temp.hitung('kkb_admin', '13.77', $$SELECT count(*) FROM kkb.keluarga WHERE kode_desa = '13.71.01.1001'$$), 0::bigint,
          'but no family card of 13.71');
SELECT is(pg_temp.hitung('kkb_admin', NULL, 'SELECT count(*) FROM kkb.kampung'), 3::bigint, 'an admin without a scope (a direct login) sees all 3');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$INSERT INTO kkb.keluarga (kode_desa, no_kk) VALUES ('13.71.01.1001', '1371011505200013')$$),
          '42501', 'an admin of 13.77 cannot add a family in 13.71');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$INSERT INTO kkb.keluarga (kode_desa, no_kk) VALUES ('13.77.01.1002', '1377011505200013')$$),
          'ok', 'but can in 13.77');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$UPDATE kkb.keluarga SET kode_desa = '13.71.01.1001' WHERE no_kk = '1377011505200013'$$),
          '42501', 'nor move a family out of its scope');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$UPDATE kkb.keluarga SET rt = 7 WHERE kode_desa = '13.71.01.1001'$$), 'ok',
          'an update of 13.71 by the admin of 13.77 ...');
SELECT is((SELECT rt::int FROM kkb.keluarga WHERE kode_desa = '13.71.01.1001'), 1, '... changes nothing');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$SELECT kkb.kunci('13.71.01.1001', '2026-10-01')$$), 'P0002',
          'the admin of 13.77 cannot lock a month of 13.71 (no such village in its scope)');
SELECT is((SELECT count(*)::int FROM kkb.periode_status WHERE kode_desa = '13.71.01.1001'), 0, 'no state was written');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$INSERT INTO kkb.nilai VALUES ('13.71.01.1001', '2026-10-01', 'pus', 10)$$), '42501',
          'nor enter a value there');
SELECT is(pg_temp.hitung('kkb_admin', '13.77', $$SELECT count(*) FROM kkb.audit WHERE kode_desa = '13.71.01.1001'$$), 0::bigint,
          'nor read its audit trail');

-- tokens: within the admin's own scope only
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$SELECT kkb.token_buat('kkb_pokja', '13.71.01.1001', 'uji 037 luar')$$), '42501',
          'an admin of 13.77 cannot make a token for a village of 13.71');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$SELECT kkb.token_buat('kkb_admin', NULL, 'uji 037 nasional')$$), '42501',
          'nor a national admin token');
SELECT is(pg_temp.sebagai('kkb_admin', '13.77', $$SELECT kkb.token_buat('kkb_pokja', '13.77.01.1002', 'uji 037 dalam')$$), 'ok',
          'but a pokja token of its own city');
SELECT is((SELECT count(*)::int FROM kkb.token WHERE label LIKE 'uji 037%'), 1, 'exactly that one token exists');

SELECT * FROM finish();
ROLLBACK;
