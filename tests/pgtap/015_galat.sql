-- The error registry (kkb.galat) and its lookup (kkb.galat_jawab): every
-- constraint of the kkb tables and domains has a row (from the catalogue, so a
-- new constraint cannot be forgotten), codes are stable, and real errors
-- raised by the database are answered with the right code, column and text in
-- both languages.
BEGIN;
SELECT plan(32);

-- every CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY and EXCLUDE constraint of a kkb table or domain
-- (kkb.galat itself aside: it is written only by the install script)
SELECT is(ARRAY(SELECT coalesce(t.relname::text, c.contypid::regtype::text) || '.' || c.conname
                  FROM pg_constraint c LEFT JOIN pg_class t ON t.oid = c.conrelid
                 WHERE c.connamespace = 'kkb'::regnamespace AND c.contype IN ('c', 'f', 'p', 'u', 'x')
                   AND coalesce(t.relname, '') <> 'galat'
                   -- the audit's partitions carry its constraints (the registry has the parent's rows)
                   AND NOT coalesce(t.relispartition, false)
                   AND NOT EXISTS (SELECT 1 FROM kkb.galat g
                                    WHERE g.asal = 'kendala' AND g.kendala = c.conname
                                      -- (a row without a table serves every table's constraint of that name:
                                      -- kode_desa_tingkat_desa of the domain and of each village column)
                                      AND (g.tabel IS NOT DISTINCT FROM t.relname::text OR g.tabel IS NULL))
                 ORDER BY 1), '{}'::text[],
          'every constraint of a kkb table or domain has a row in kkb.galat');
SELECT is(ARRAY(SELECT g.kode FROM kkb.galat g
                 WHERE g.asal = 'kendala'
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c LEFT JOIN pg_class t ON t.oid = c.conrelid
                                    WHERE c.connamespace = 'kkb'::regnamespace AND c.conname = g.kendala
                                      AND t.relname::text IS NOT DISTINCT FROM g.tabel)
                 ORDER BY 1), '{}'::text[],
          'every constraint row of kkb.galat names a constraint that exists');
SELECT is((SELECT count(*)::int FROM kkb.galat WHERE pesan_en IS NULL AND asal IN ('kendala', 'gateway')), 0,
          'constraint and gateway rows have an English message');
SELECT is(ARRAY(SELECT kode FROM kkb.galat WHERE pola IS NOT NULL AND
                       (SELECT count(*) FROM regexp_matches(pola, '\((?!\?)', 'g')) <
                       coalesce((SELECT max(m[1]::int) FROM regexp_matches(pesan || ' ' || coalesce(pesan_en, ''), '\\([0-9])', 'g') m), 0)
                 ORDER BY 1), '{}'::text[],
          'no message uses a group its pattern does not have');
SELECT is(ARRAY(SELECT kode FROM kkb.galat WHERE pesan ~ '[A-Za-z]' AND pesan ~ '^(new row|duplicate key|null value|violates)' ORDER BY 1),
          '{}'::text[], 'no Indonesian message is PostgreSQL''s English');

-- stable codes: a few that clients and the dashboard rely on
SELECT is((SELECT kendala || ' ' || status || ' ' || kolom FROM kkb.galat WHERE kode = 'KKB-KKBPK-KB-PIL-NEGATIF'),
          'kkbpk_kb_pil_check 422 kb_pil', 'KKB-KKBPK-KB-PIL-NEGATIF is kkbpk_kb_pil_check, 422, column kb_pil');
SELECT is((SELECT kode FROM kkb.galat WHERE kendala = 'peristiwa_kode_desa_ref_key'), 'KKB-PERISTIWA-KODE-DESA-REF-GANDA',
          'the event reference key is KKB-PERISTIWA-KODE-DESA-REF-GANDA');
SELECT is((SELECT sqlstate || ' ' || status FROM kkb.galat WHERE kode = 'KKB-PERIODE-TERKUNCI'), '55000 409',
          'KKB-PERIODE-TERKUNCI is 55000, 409');
SELECT is((SELECT status FROM kkb.galat WHERE kode = 'KKB-TOKEN-TIDAK-ADA' AND asal = 'gateway'), 401,
          'the gateway''s KKB-TOKEN-TIDAK-ADA is 401');
SELECT is((SELECT status FROM kkb.galat WHERE kode = 'KKB-PERIODE-FORMAT' AND asal = 'gateway'), 400,
          'the gateway''s KKB-PERIODE-FORMAT is 400');

-- real errors, caught with their fields, answered by kkb.galat_jawab
CREATE TEMP TABLE jawab (nama text PRIMARY KEY, id jsonb, en jsonb);
CREATE FUNCTION pg_temp.coba(nama text, sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	st text; ko text; tb text; kl text; ps text; rc text; sr text;
BEGIN
	BEGIN
		EXECUTE sql;
		RAISE EXCEPTION 'no error from %', sql;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, ko = CONSTRAINT_NAME, tb = TABLE_NAME, kl = COLUMN_NAME,
		                        ps = MESSAGE_TEXT, rc = PG_EXCEPTION_DETAIL, sr = PG_EXCEPTION_HINT;
		INSERT INTO jawab VALUES (nama,
			kkb.galat_jawab(st, nullif(ko, ''), nullif(tb, ''), nullif(kl, ''), ps, nullif(rc, ''), nullif(sr, '')),
			kkb.galat_jawab(st, nullif(ko, ''), nullif(tb, ''), nullif(kl, ''), ps, nullif(rc, ''), nullif(sr, ''), 'en'));
	END;
END $$;

INSERT INTO kkb.kampung (kode_desa, nama) VALUES ('13.77.02.2005', 'Kampung KB Ampalu');
SELECT pg_temp.coba('kb_pil', $$INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES ('13.77.02.2005', '2026-10-01', -3)$$);
SELECT pg_temp.coba('desa', $$INSERT INTO kkb.kkbpk (kode_desa, periode) VALUES ('13.77.02.2006', '2026-10-01')$$);
SELECT pg_temp.coba('wajib', $$INSERT INTO kkb.intervensi (kode_desa, judul, fungsi_keluarga) VALUES ('13.77.02.2005', 'Posyandu', 'ekonomi')$$);
SELECT pg_temp.coba('nik', $$SELECT '1377013205900001'::kkb.nik$$);
INSERT INTO kkb.periode_status (kode_desa, periode, status) VALUES ('13.77.02.2005', '2026-09-01', 'draf');
SET LOCAL session_replication_role = replica;	-- skip the workflow trigger to put the month straight into dikunci
UPDATE kkb.periode_status SET status = 'dikunci' WHERE kode_desa = '13.77.02.2005' AND periode = '2026-09-01';
RESET session_replication_role;
SELECT pg_temp.coba('kunci', $$INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES ('13.77.02.2005', '2026-09-01', 3)$$);

SELECT is((SELECT id->>'code' FROM jawab WHERE nama = 'kb_pil'), 'KKB-KKBPK-KB-PIL-NEGATIF', 'kb_pil = -3: the specific code');
SELECT is((SELECT id->>'kolom' FROM jawab WHERE nama = 'kb_pil'), 'kb_pil', 'kb_pil = -3: kolom kb_pil');
SELECT is((SELECT id->>'message' FROM jawab WHERE nama = 'kb_pil'), 'jumlah peserta KB pil (kb_pil) tidak boleh negatif',
          'kb_pil = -3: the message in Indonesian');
SELECT is((SELECT en->>'message' FROM jawab WHERE nama = 'kb_pil'), 'the number of pill users (kb_pil) cannot be negative',
          'kb_pil = -3: the message in English when asked for');
SELECT is((SELECT (id->>'status') || ' ' || (id->>'sqlstate') FROM jawab WHERE nama = 'kb_pil'), '422 23514',
          'kb_pil = -3: status 422, SQLSTATE 23514');
SELECT is((SELECT id->'details' FROM jawab WHERE nama = 'kb_pil'), 'null'::jsonb,
          'the refused row (Failing row contains ...) is not repeated in details');
SELECT is((SELECT id->>'code' || ' ' || (id->>'kolom') FROM jawab WHERE nama = 'desa'), 'KKB-KKBPK-DESA-TIDAK-ADA kode_desa',
          'a report for a village that is not a Kampung KB: KKB-KKBPK-DESA-TIDAK-ADA at kode_desa');
SELECT is((SELECT id->>'code' || ' | ' || (id->>'message') || ' | ' || (id->>'kolom') FROM jawab WHERE nama = 'wajib'),
          'KKB-WAJIB-DIISI | kolom tanggal wajib diisi | tanggal', 'a missing date: KKB-WAJIB-DIISI naming the column');
SELECT is((SELECT id->>'code' || ' | ' || (id->>'message') FROM jawab WHERE nama = 'nik'),
          'KKB-NIK-TIDAK-SAH | NIK "1377013205900001" tidak sah', 'a bad NIK: KKB-NIK-TIDAK-SAH naming the value');
SELECT is((SELECT id->>'details' FROM jawab WHERE nama = 'nik'), 'Tanggal 32 tidak sah: tanggal 01-31, atau 41-71 untuk perempuan.',
          'a bad NIK: the reason, in Indonesian');
SELECT is((SELECT id->>'code' || ' | ' || (id->>'message') FROM jawab WHERE nama = 'kunci'),
          'KKB-PERIODE-TERKUNCI | data bulan 2026-09 desa 13.77.02.2005 sudah dikunci dan tidak dapat diubah lagi',
          'a locked month: KKB-PERIODE-TERKUNCI with the month, village and state');
SELECT is((SELECT en->>'message' FROM jawab WHERE nama = 'kunci'),
          'period 2026-09 of village 13.77.02.2005 is dikunci: its data can no longer be changed',
          'a locked month in English: the database''s own message');
SELECT is((SELECT en->>'hint' FROM jawab WHERE nama = 'kunci'),
          'An administrator can reopen the month with kkb.buka(kode_desa, periode).', 'in English the database''s hint comes first');

-- fallbacks
SELECT is(kkb.galat_jawab('22012', NULL, NULL, NULL, 'division by zero', NULL, NULL)->>'code', 'KKB-NILAI-TIDAK-SAH',
          'an unlisted 22xxx falls back to its class');
SELECT is(kkb.galat_jawab('XX000', NULL, NULL, NULL, 'could not read block 7', 'secret', NULL),
          '{"code": "KKB-INTERNAL", "hint": "Coba lagi; bila terulang, laporkan kepada pengelola (log gateway memuat rinciannya).", "kolom": null, "status": 500, "details": null, "message": "terjadi kesalahan di server", "sqlstate": "XX000"}'::jsonb,
          'an unknown error: KKB-INTERNAL, nothing of the database''s text');
SELECT is(kkb.galat_jawab('23514', NULL, NULL, 'berat_kg', 'berat_kg 70 is outside 0.5-60 kg', NULL, NULL)->>'message',
          'berat badan 70 kg di luar batas 0,5 sampai 60 kg', 'a row check found by column and message when the table is not given');
SELECT is(kkb.galat_jawab('23514', 'kendala_baru', 'kkbpk', NULL, 'new row violates check constraint "kendala_baru"', NULL, NULL)->>'code',
          'KKB-ATURAN-DATA', 'an unregistered constraint falls back to its SQLSTATE');

-- an error that lost its column (a Citus worker's: only message, detail and hint reach the coordinator)
-- is still found by its pattern, and the registry names the column
SELECT is(kkb.galat_jawab('23503', NULL, NULL, NULL, 'opd "dinas_bulan" is not a known agency', NULL, NULL)
          - 'hint' - 'details',
          '{"code": "KKB-OPD-TIDAK-DIKENAL", "kolom": "opd", "status": 409, "message": "OPD \"dinas_bulan\" tidak dikenal", "sqlstate": "23503"}'::jsonb,
          'a pattern row is found without the column, and names it');
SELECT is(kkb.galat_jawab('23514', NULL, NULL, NULL, 'jenis_kelamin P does not match nik 1377010404150011 (laki-laki)', NULL, NULL)
          ->> 'kolom', 'jenis_kelamin', 'the validation trigger''s sex check, without its column fields');
-- a worker's message names the shards: kkb._tanpa_shard gives the logical names
SELECT is(kkb._tanpa_shard('new row for relation "kkbpk_102044" violates check constraint "kkbpk_kb_pil_check_102044"'),
          'new row for relation "kkbpk" violates check constraint "kkbpk_kb_pil_check"', 'shard names in quotes');
SELECT is(kkb._tanpa_shard('permission denied for table kampung_102008; nik "1377010404150011" and "kode_2026"'),
          'permission denied for table kampung; nik "1377010404150011" and "kode_2026"',
          'a shard named after table, values and short numbers left alone');

SET LOCAL ROLE kkb_pokja;
SELECT is(kkb.galat_jawab('23514', 'kkbpk_kb_pil_check', 'kkbpk', NULL, '', NULL, NULL, 'en')->>'code', 'KKB-KKBPK-KB-PIL-NEGATIF',
          'a working role can look errors up');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
