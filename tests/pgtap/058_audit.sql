-- A lean audit that stays complete: an insert is recorded by key (one audit
-- row per statement and village), updates and deletes with the old and new
-- rows; every state of every row is rebuilt from the audit and the current
-- rows, and the audit costs a small fraction of the rows it records.
BEGIN;
SELECT plan(8);
SET client_min_messages = warning;
\ir fixture_desa.inc

-- what each key looked like after each step, taken as the steps happen
CREATE TEMP TABLE tampak (langkah serial, no_kk text, isi jsonb);
CREATE FUNCTION pg_temp.catat(kk text) RETURNS void LANGUAGE sql AS
	$$INSERT INTO tampak (no_kk, isi) SELECT kk, (SELECT to_jsonb(k) FROM kkb.keluarga k WHERE k.kode_desa = '13.77.01.1001' AND k.no_kk = kk::kkb.no_kk)$$;
CREATE TEMP TABLE audit0 AS SELECT coalesce(max(id), 0) AS id FROM kkb.audit;

INSERT INTO kkb.keluarga (kode_desa, no_kk, rt, rw, alamat) VALUES
	('13.77.01.1001', '1377011505200031', 1, 1, 'Jalan Satu'), ('13.77.01.1001', '1377011505200032', 2, 1, 'Jalan Dua'),
	('13.77.01.1001', '1377011505200033', 3, 2, 'Jalan Tiga');
SELECT pg_temp.catat(x) FROM unnest(ARRAY['1377011505200031', '1377011505200032', '1377011505200033']) x;
UPDATE kkb.keluarga SET rt = 9, alamat = 'Jalan Satu Baru' WHERE no_kk = '1377011505200031';
SELECT pg_temp.catat('1377011505200031');
UPDATE kkb.keluarga SET miskin = true WHERE no_kk = '1377011505200031';
SELECT pg_temp.catat('1377011505200031');
DELETE FROM kkb.keluarga WHERE no_kk = '1377011505200032';
SELECT pg_temp.catat('1377011505200032');

SELECT is((SELECT count(*)::int FROM kkb.audit WHERE id > (SELECT id FROM audit0) AND operasi = 'INSERT' AND tabel = 'keluarga'), 1,
          'one insert statement of three families in one village: one audit row');
SELECT is((SELECT kunci FROM kkb.audit WHERE id > (SELECT id FROM audit0) AND operasi = 'INSERT' AND tabel = 'keluarga'),
          '{"kode_desa": "13.77.01.1001", "no_kk": ["1377011505200031", "1377011505200032", "1377011505200033"]}'::jsonb,
          '... holding the keys, the columns other than kode_desa as arrays in key order');
SELECT is((SELECT count(*)::int FROM kkb.audit_kunci WHERE id > (SELECT id FROM audit0) AND operasi = 'INSERT' AND tabel = 'keluarga'), 3,
          'kkb.audit_kunci shows one insert entry per family');
SELECT is((SELECT count(*)::int FROM kkb.audit WHERE id > (SELECT id FROM audit0) AND operasi = 'INSERT' AND (lama IS NOT NULL OR baru IS NOT NULL)), 0,
          'an insert stores no row values: the row is its own record until it changes');

-- rebuild every state of each key: its inserted values are the old row of its
-- first update or delete, else the current row; then each update's new row;
-- a delete leaves nothing
CREATE TEMP TABLE dibangun AS
WITH e AS (
	SELECT a.id, a.operasi, a.kunci ->> 'no_kk' AS no_kk, a.lama, a.baru FROM kkb.audit_kunci a
	 WHERE a.id > (SELECT id FROM audit0) AND a.tabel = 'keluarga'
)
SELECT e.id, e.no_kk,
       CASE e.operasi
         WHEN 'INSERT' THEN coalesce((SELECT l.lama FROM e l WHERE l.no_kk = e.no_kk AND l.id > e.id AND l.operasi <> 'INSERT' ORDER BY l.id LIMIT 1),
                                     (SELECT to_jsonb(k) FROM kkb.keluarga k WHERE k.kode_desa = '13.77.01.1001' AND k.no_kk = e.no_kk::kkb.no_kk))
         WHEN 'UPDATE' THEN e.baru END AS isi
  FROM e;
SELECT results_eq($$SELECT no_kk, isi - 'diubah_pada' FROM dibangun ORDER BY no_kk, id$$,
                  $$SELECT no_kk, isi - 'diubah_pada' FROM tampak ORDER BY no_kk, langkah$$,
                  'every state of every family, rebuilt from the audit and the current rows, is what it was');

-- the cost: a village's members loaded in one statement
CREATE TEMP TABLE audit1 AS SELECT coalesce(max(id), 0) AS id FROM kkb.audit;
INSERT INTO kkb.keluarga (kode_desa, no_kk) SELECT '13.77.01.1001', (1377011505210000 + g)::text::kkb.no_kk FROM generate_series(1, 400) g;
INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
SELECT '13.77.01.1001', pg_temp.nik('137701', '1990-01-01'::date + g, g % 2 = 0, 100 + g % 800), (1377011505210000 + 1 + g % 400)::text::kkb.no_kk,
       'Warga ' || g, CASE WHEN g % 2 = 0 THEN 'P' ELSE 'L' END, '1990-01-01'::date + g, (CASE WHEN g <= 400 THEN 'kepala' ELSE 'anak' END)::kkb.hubungan
  FROM generate_series(1, 2000) g;
SELECT is((SELECT count(*)::int FROM kkb.audit_kunci WHERE id > (SELECT id FROM audit1) AND tabel = 'anggota'), 2000, 'the 2,000 members each have their insert entry');
SELECT cmp_ok((SELECT sum(pg_column_size(a.*)) FROM kkb.audit a WHERE a.id > (SELECT id FROM audit1) AND a.tabel = 'anggota')::numeric
              / (SELECT sum(pg_column_size(m.*)) FROM kkb.anggota m WHERE m.nama LIKE 'Warga %'), '<=', 0.10,
              'the audit of an inserted member is at most 10% of the member row''s size');
SELECT cmp_ok((SELECT count(*)::int FROM kkb.audit a WHERE a.id > (SELECT id FROM audit1) AND a.tabel = 'anggota'), '=', 1,
              'one audit row for the statement');

SELECT * FROM finish();
ROLLBACK;
