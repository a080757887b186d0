-- Renumbering a family card (kkb.ganti_no_kk) and a NIK (kkb.ganti_nik), and their API
-- functions: the family, its members, a child's measurements and the vital events follow the
-- new number; bad requests are refused whole with their own error; the period lock, the NIK's
-- agreement with sex and birth date, and row-level security hold; the keys no longer cascade
-- on one node (the same as on a Citus cluster, tests/citus/01_sebarkan.sql).
BEGIN;
SELECT plan(39);
SET client_min_messages = warning;
\ir fixture_desa.inc

-- A = 13.77.01.1001: family ...0001 (Ahmad, head; Siti; Budi, a child of 400 days, measured twice)
SELECT pg_temp.nik('137701', current_date - 400, false, 3) AS budi,
       pg_temp.nik('137701', '1992-03-10', true, 2) AS siti \gset
INSERT INTO kkb.pengukuran (kode_desa, nik, tanggal_ukur, berat_kg, tinggi_cm, cara_ukur) VALUES
	('13.77.01.1001', :'budi', current_date - 60, 9.1, 73.5, 'telentang'),
	('13.77.01.1001', :'budi', current_date - 20, 9.6, 75.0, 'telentang');
INSERT INTO kkb.peristiwa (kode_desa, ref, jenis, tanggal, nik, nik_ibu, jenis_kelamin) VALUES
	('13.77.01.1001', 'uji-lahir-budi', 'lahir', current_date - 400, :'budi', :'siti', 'L');
-- a second family of A, to collide with
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw) VALUES ('13.77.01.1001', '1377011505200005', 3, 2);
CREATE TEMP TABLE z_sebelum AS SELECT tanggal_ukur, z_tbu, z_bbu, z_bbtb, status_tbu FROM kkb.pengukuran WHERE nik = :'budi';
SELECT max(id) AS audit_awal FROM kkb.audit \gset

-- ================================================================ kkb.ganti_no_kk
SELECT is(kkb.ganti_no_kk('13.77.01.1001', '1377011505200001', '1377011505200009'), 3, 'ganti_no_kk: the family''s 3 members moved');
SELECT is((SELECT row(rt, rw, air_minum, jamban, tangki_septik)::text FROM kkb.keluarga WHERE no_kk = '1377011505200009'),
          '(1,1,ledeng,sendiri,t)', '... the family stands under its new number with its data');
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE no_kk = '1377011505200001'), 0, '... the old number is gone');
SELECT is((SELECT string_agg(nama, ',' ORDER BY nama) FROM kkb.anggota WHERE no_kk = '1377011505200009'), 'Ahmad,Budi,Siti',
          '... its members refer to the new number');
SELECT is((SELECT nama FROM kkb.anggota WHERE no_kk = '1377011505200009' AND hubungan = 'kepala'), 'Ahmad', '... the head is still its head');
SELECT is((SELECT string_agg(tabel || ' ' || operasi || ' ' || n, ', ' ORDER BY tabel, operasi)
             FROM (SELECT tabel, operasi, count(*) n FROM kkb.audit WHERE id > :audit_awal GROUP BY 1, 2) a),
          'anggota UPDATE 3, keluarga DELETE 1, keluarga INSERT 1',
          '... the audit has the new family, the members'' moves and the old family''s deletion');
SELECT is((SELECT lama ->> 'no_kk' || ' -> ' || (baru ->> 'no_kk') FROM kkb.audit
            WHERE id > :audit_awal AND tabel = 'anggota' AND kunci ->> 'nik' = :'budi'),
          '1377011505200001 -> 1377011505200009', '... an audit row shows a member''s old and new number');

SELECT throws_ok($$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200001', '1377011505200007')$$, 'P0002',
                 'no family with no_kk 1377011505200001 in village 13.77.01.1001', 'an old number not in the village: P0002');
SELECT throws_ok($$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '1377011505200005')$$, '23505',
                 'no_kk 1377011505200005 is already a family of village 13.77.01.1001', 'a new number already in use: 23505');
SELECT throws_ok($$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '1377011505200009')$$, '22023',
                 'the new no_kk 1377011505200009 is the old one', 'the same number: 22023');
SELECT throws_ok($$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', NULL)$$, '22004', NULL, 'a NULL number: 22004');
SELECT throws_ok($$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '13770115052')$$, '22P02', NULL,
                 'a malformed new number is refused by its type (22P02)');
SELECT is((SELECT count(*)::int FROM kkb.keluarga WHERE kode_desa = '13.77.01.1001'), 2, '... and the refusals changed no family');

-- the same number in another village is another family: B may use it
SELECT is(kkb.ganti_no_kk('13.77.01.1002', '1377011505200002', '1377011505200009'), 1, 'a number used in another village is free in this one');

-- roles: the village's own Pokja may, another village's does not see the family, agencies and analysts may not
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1002',
          $$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '1377011505200008')$$), 'P0002',
          'a Pokja of another village: the family is not found (P0002), row-level security');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '1377011505200008')$$),
          '42501', 'an agency: 42501');
SELECT is(pg_temp.sebagai('kkb_analis', NULL, $$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '1377011505200008')$$),
          '42501', 'an analyst: 42501');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001',
          $$SELECT kkb.ganti_no_kk('13.77.01.1001', '1377011505200009', '1377011505200008')$$), 'ok', 'the village''s own Pokja may');
SELECT is((SELECT count(*)::int FROM kkb.anggota WHERE no_kk = '1377011505200008'), 3, '... and its members moved with it');

-- the key does not cascade: a plain UPDATE of a number that members use is refused, with a hint to the function
SELECT throws_ok($$UPDATE kkb.keluarga SET no_kk = '1377011505200007' WHERE no_kk = '1377011505200008' AND kode_desa = '13.77.01.1001'$$,
                 '23503', NULL, 'UPDATE of a family''s number that members use: 23503 (no cascade, as on a cluster)');
SELECT ok(kkb.galat_jawab('23503', 'anggota_kode_desa_no_kk_fkey', 'anggota', NULL, 'x', NULL, NULL, 'en') ->> 'hint' LIKE '%kkb.ganti_no_kk%',
          '... and its error''s hint names kkb.ganti_no_kk');

-- ================================================================ kkb.ganti_nik
SELECT pg_temp.nik('137701', current_date - 400, false, 33) AS budi2, pg_temp.nik('137701', '1992-03-10', true, 22) AS siti2 \gset
SELECT is(kkb.ganti_nik('13.77.01.1001', :'budi', :'budi2'), 2, 'ganti_nik: the child''s 2 measurements moved');
SELECT is((SELECT count(*)::int FROM kkb.anggota WHERE nik = :'budi'), 0, '... the old NIK is gone');
SELECT is((SELECT nama || ' ' || no_kk FROM kkb.anggota WHERE nik = :'budi2'), 'Budi 1377011505200008', '... the member has the new one');
SELECT is((SELECT count(*)::int FROM kkb.pengukuran WHERE nik = :'budi'), 0, '... no measurement keeps the old NIK');
SELECT set_eq(format($$SELECT tanggal_ukur, z_tbu, z_bbu, z_bbtb, status_tbu FROM kkb.pengukuran WHERE nik = %L$$, :'budi2'),
              $$SELECT * FROM z_sebelum$$, '... the measurements are the same, z-scores and categories included');
SELECT is((SELECT nik::text FROM kkb.peristiwa WHERE ref = 'uji-lahir-budi'), :'budi2', '... the vital event of the person names the new NIK');
SELECT is(kkb.ganti_nik('13.77.01.1001', :'siti', :'siti2'), 0, 'the mother''s NIK: no measurements');
SELECT is((SELECT nik_ibu::text FROM kkb.peristiwa WHERE ref = 'uji-lahir-budi'), :'siti2', '... the birth names the mother''s new NIK');

SELECT throws_ok(format($$SELECT kkb.ganti_nik('13.77.01.1001', %L, %L)$$, :'budi2', pg_temp.nik('137701', '2019-05-15', false, 9)),
                 '23514', NULL, 'a new NIK whose birth date is not the member''s: 23514');
SELECT is((SELECT count(*)::int FROM kkb.pengukuran WHERE nik = :'budi2'), 2, '... and the measurements set aside are back (nothing half-done)');
SELECT throws_ok(format($$SELECT kkb.ganti_nik('13.77.01.1001', %L, %L)$$, :'budi2', :'siti2'), '23505',
                 format('nik %s is already a member of village 13.77.01.1001', :'siti2'), 'a NIK already in use: 23505');
SELECT throws_ok(format($$SELECT kkb.ganti_nik('13.77.01.1001', %L, %L)$$, :'budi', pg_temp.nik('137701', current_date - 400, false, 44)),
                 'P0002', NULL, 'an old NIK not in the village: P0002');

-- the period lock: a measurement in a locked month cannot be rewritten, so the change is refused whole
INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES ('13.77.01.1001', date_trunc('month', current_date - 60)::date, 'draf');
SET LOCAL session_replication_role = replica;
UPDATE kkb.periode_status SET status = 'dikunci' WHERE kode_desa = '13.77.01.1001' AND periode = date_trunc('month', current_date - 60)::date;
RESET session_replication_role;
SELECT throws_ok(format($$SELECT kkb.ganti_nik('13.77.01.1001', %L, %L)$$, :'budi2', pg_temp.nik('137701', current_date - 400, false, 55)),
                 '55000', NULL, 'a measurement in a locked month: 55000 (the period lock)');
SELECT is((SELECT count(*)::int FROM kkb.anggota WHERE nik = :'budi2'), 1, '... and the member keeps the NIK');

-- ================================================================ the API functions
SELECT is((SELECT row(status, dokumen::jsonb - 'kode_desa')::text
             FROM kkb.api_keluarga_ganti_no_kk('13.77.01.1001', '1377011505200005', '{"no_kk": "1377011505200006"}')),
          '(200,"{""no_kk"": ""1377011505200006"", ""no_kk_lama"": ""1377011505200005"", ""anggota_dipindah"": 0}")',
          'api_keluarga_ganti_no_kk: 200 with the old and new numbers and the members moved');
SELECT is((SELECT status || ' ' || (dokumen ->> 'code') FROM kkb.api_keluarga_ganti_no_kk('13.77.01.1001', '1377011505200006', '{"no_kk": "1377011505200007", "rt": 2}')),
          '422 KKB-KOLOM-TIDAK-DIKENAL', '... another field in the body: 422 naming it');
SELECT throws_ok($$SELECT * FROM kkb.api_keluarga_ganti_no_kk('13.77.01.1001', '1377011505200006', '{"no_kk": 1377011505200007}')$$,
                 '23502', NULL, '... a number that is not a string: 23502');
SELECT is((SELECT dokumen IS NULL FROM kkb.api_anggota_ganti_nik('13.77.02.2001', :'budi2', '{"nik": "1377011505900001"}')), true,
          'api_anggota_ganti_nik: a village that is not a Kampung KB has no document (404)');
SELECT * FROM finish();
ROLLBACK;
