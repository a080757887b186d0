-- Roles and row-level security, audit trail, period workflow and lock.
BEGIN;
SELECT plan(55);
\ir fixture_desa.inc

-- kkb_pokja of village A
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1001', 'SELECT count(*) FROM kkb.anggota'), 3::bigint,
          'pokja A sees the 3 members of A');
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1001', $$SELECT count(*) FROM kkb.anggota WHERE kode_desa = '13.77.01.1002'$$), 0::bigint,
          'pokja A sees none of B''s members');
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1002', 'SELECT count(*) FROM kkb.anggota'), 1::bigint, 'pokja B sees its 1 member');
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01.1001', 'SELECT count(*) FROM kkb.kampung'), 1::bigint, 'pokja A sees only its own Kampung KB');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001',
          $$INSERT INTO kkb.keluarga (kode_desa, no_kk) VALUES ('13.77.01.1001', '1377011505200011')$$), 'ok',
          'pokja A may add a family to A');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001',
          $$INSERT INTO kkb.keluarga (kode_desa, no_kk) VALUES ('13.77.01.1002', '1377011505200012')$$), '42501',
          'pokja A may not add a family to B (42501)');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001',
          $$UPDATE kkb.keluarga SET rt = 9 WHERE kode_desa = '13.77.01.1002'$$), 'ok', 'an update of B''s family by pokja A ...');
SELECT is((SELECT rt::int FROM kkb.keluarga WHERE kode_desa = '13.77.01.1002'), 2, '... changes nothing');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001',
          $$UPDATE kkb.keluarga SET kode_desa = '13.77.01.1002' WHERE no_kk = '1377011505200011'$$), '42501',
          'pokja A may not move a row into B');
SELECT is(pg_temp.hitung('kkb_pokja', NULL, 'SELECT count(*) FROM kkb.anggota'), 0::bigint, 'a pokja with no scope sees nothing');
SELECT is(pg_temp.hitung('kkb_pokja', '13.77.01', 'SELECT count(*) FROM kkb.anggota'), 4::bigint,
          'a scope of a whole district covers both villages');

-- kkb_opd: reads village and aggregate data in scope, writes interventions only, no by-name data
SELECT is(pg_temp.hitung('kkb_opd', '13.77', 'SELECT count(*) FROM kkb.kampung'), 2::bigint, 'OPD (scope 13.77) reads A and B');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', 'SELECT count(*) FROM kkb.anggota'), '42501', 'OPD cannot read members');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77',
          $$INSERT INTO kkb.anggota (kode_desa, nik, no_kk, nama, jenis_kelamin, tanggal_lahir, hubungan)
            VALUES ('13.77.01.1001', '1377011505950009', '1377011505200001', 'X', 'L', '1995-05-15', 'anak')$$), '42501',
          'OPD cannot write a member');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77',
          $$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga, opd) VALUES ('13.77.01.1002', '2026-10-02', 'Penyuluhan gizi', 'perlindungan', '{dinkes}')$$),
          'ok', 'OPD can record an intervention');
SELECT is(pg_temp.sebagai('kkb_opd', '13.71',
          $$INSERT INTO kkb.intervensi (kode_desa, tanggal, judul, fungsi_keluarga) VALUES ('13.77.01.1002', '2026-10-02', 'X', 'ekonomi')$$),
          '42501', 'OPD of another city (13.71) cannot');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$UPDATE kkb.kkbpk SET kb_pil = 1$$), '42501', 'OPD cannot change a report');

-- kkb_analis: only kkb_bi
SELECT is(pg_temp.sebagai('kkb_analis', NULL, 'SELECT count(*) FROM kkb.anggota'), '42501', 'the analyst cannot read kkb.anggota');
SELECT is(pg_temp.sebagai('kkb_analis', NULL, 'SELECT count(*) FROM kkb.kampung'), '42501', 'nor kkb.kampung');
SELECT is(pg_temp.hitung('kkb_analis', NULL, 'SELECT count(*) FROM kkb_bi.anggota'), 0::bigint,
          'the analyst reads kkb_bi.anggota: the fixture''s 4 members are fewer than 5, so they make no row (k-anonymity)');
SELECT is(pg_temp.hitung('kkb_analis', NULL, 'SELECT count(*) FROM kkb_bi.desa'), 2::bigint, 'and kkb_bi.desa');
SELECT is((SELECT count(*)::int FROM information_schema.columns WHERE table_schema = 'kkb_bi'
            AND data_type NOT IN ('text', 'integer', 'numeric', 'date', 'boolean')), 0,
          'kkb_bi columns are only text, integer, numeric, date and boolean');
SELECT is((SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'kkb_bi'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
              AND col_description(c.oid, a.attnum) IS NULL), 0,
          'every kkb_bi column is commented');
SELECT is((SELECT count(*)::int FROM information_schema.columns WHERE table_schema = 'kkb_bi'
            AND column_name ~ '(^nik|nama$|^no_kk|tanggal_lahir)' AND table_name <> 'desa'), 0,
          'no kkb_bi view has a NIK, name, card number or birth-date column');
SELECT is((SELECT count(*)::int FROM (SELECT to_jsonb(a)::text AS t FROM kkb_bi.anggota a
                                      UNION ALL SELECT to_jsonb(k)::text FROM kkb_bi.keluarga k
                                      UNION ALL SELECT to_jsonb(m)::text FROM kkb_bi.pengukuran m) x
            WHERE EXISTS (SELECT 1 FROM regexp_matches(t, '\d{16}', 'g') m
                           WHERE m[1] IN (SELECT nik::text FROM kkb.anggota UNION ALL SELECT no_kk::text FROM kkb.keluarga))
               OR t ~ 'Ahmad|Siti|Budi|Rahmat'), 0,
          'no value in the by-name kkb_bi views looks like a NIK or card number, or is a name');

-- every kkb_bi view can be read whole by the analyst (no column needs a right the analyst lacks)
SELECT is(pg_temp.sebagai('kkb_analis', NULL, 'SELECT * FROM ' || v), 'ok', 'the analyst reads every column of ' || v)
  FROM unnest(ARRAY['kkb_bi.desa', 'kkb_bi.anggota', 'kkb_bi.keluarga', 'kkb_bi.pengukuran', 'kkb_bi.laporan_kkbpk',
                    'kkb_bi.penduduk', 'kkb_bi.intervensi', 'kkb_bi.klasifikasi']) v;
SELECT is(pg_temp.sebagai('kkb_analis', NULL, 'SELECT count(*) FROM kkb.keluarga'), '42501', 'but not the families themselves');

-- internal functions: none the working roles could misuse
SELECT is((SELECT array_agg(f ORDER BY f) FROM unnest(ARRAY['kkb._audit()', 'kkb._peringatan()', 'kkb._kunci_periode()',
             'kkb._validasi()']) f WHERE has_function_privilege('kkb_opd', f, 'EXECUTE') OR has_function_privilege('kkb_pokja', f, 'EXECUTE')),
          NULL, 'no working role may call the trigger functions (e.g. to attach them to a table of its own)');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', 'SELECT count(*) FROM kkb.peringatan'), '42501',
          'an agency cannot read the warnings (they name NIKs and card numbers)');
SELECT is(pg_temp.sebagai('kkb_pokja', NULL, $$SELECT count(*) FROM kkb._nilai_individu('13.77.01.1001', current_date)$$), '42501',
          'without a scope a pokja is refused the counts from by-name records (42501), not given zero');

-- audit
INSERT INTO kkb.keluarga (kode_desa, no_kk, rt) VALUES ('13.77.01.1001', '1377011505200021', 4);
UPDATE kkb.keluarga SET rt = 5 WHERE no_kk = '1377011505200021';
DELETE FROM kkb.keluarga WHERE no_kk = '1377011505200021';
SELECT results_eq($$SELECT operasi, (lama ->> 'rt')::int, (baru ->> 'rt')::int FROM kkb.audit_kunci
                     WHERE tabel = 'keluarga' AND kunci ->> 'no_kk' = '1377011505200021' ORDER BY id$$,
                  $$VALUES ('INSERT', NULL::int, NULL::int), ('UPDATE', 4, 5), ('DELETE', 5, NULL::int)$$,
                  'insert (by key), update and delete (with the old and new row) each leave one audit entry for the key');
SELECT is((SELECT kunci FROM kkb.audit WHERE tabel = 'keluarga' AND operasi = 'UPDATE' AND kunci ->> 'no_kk' = '1377011505200021'),
          '{"kode_desa": "13.77.01.1001", "no_kk": "1377011505200021"}'::jsonb, 'the audit key is the primary key');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', 'DELETE FROM kkb.audit'), '42501', 'a pokja cannot delete audit rows');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$UPDATE kkb.keluarga SET rt = 7 WHERE no_kk = '1377011505200001'$$), 'ok',
          'pokja A changes its family');
SELECT is((SELECT peran FROM kkb.audit WHERE tabel = 'keluarga' AND operasi = 'UPDATE' AND kunci ->> 'no_kk' = '1377011505200001'
            ORDER BY id DESC LIMIT 1), 'kkb_pokja', 'the audit row names the acting role, not the function owner');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', 'UPDATE kkb.audit SET peran = $$x$$'), '42501', 'nor change them');
SELECT is(pg_temp.sebagai('kkb_admin', NULL, $$DELETE FROM kkb.audit WHERE tabel = 'keluarga' AND operasi = 'DELETE'$$), 'ok',
          'an admin can');

-- period workflow and lock
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$SELECT kkb.ajukan('13.77.01.1001', '2026-10-01')$$), 'ok', 'pokja A submits October');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$SELECT kkb.setujui('13.77.01.1001', '2026-10-01')$$), '42501',
          'pokja A cannot approve it');
SELECT is(pg_temp.sebagai('kkb_opd', '13.77', $$SELECT kkb.setujui('13.77.01.1001', '2026-10-01')$$), 'ok', 'an OPD approves it');
SELECT is(kkb.kunci('13.77.01.1001', '2026-10-01')::text, 'dikunci', 'an admin locks it');
SELECT throws_ok($$INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES ('13.77.01.1001', '2026-10-01', 3)$$, '55000',
                 'period 2026-10 of village 13.77.01.1001 is dikunci: its data can no longer be changed',
                 'after kkb.kunci a write to that village-month fails, naming the period and its state');
SELECT lives_ok($$INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES ('13.77.01.1001', '2026-09-01', 3);
                  INSERT INTO kkb.kkbpk (kode_desa, periode, kb_pil) VALUES ('13.77.01.1002', '2026-10-01', 3)$$,
                'another month of A and the same month of B are unaffected');
SELECT is(pg_temp.sebagai('kkb_pokja', '13.77.01.1001', $$SELECT kkb.buka('13.77.01.1001', '2026-10-01')$$), '42501',
          'pokja A cannot reopen a locked month');

-- ---------------------------------------------------------------- who may give a session a scope
-- A direct login holding a working role cannot choose its own villages: only the
-- gateway's login (a member of kkb_gateway) and superusers may set kkb.wilayah.
CREATE ROLE uji_langsung;
GRANT kkb_pokja TO uji_langsung;
CREATE ROLE uji_gerbang;
GRANT kkb_gateway TO uji_gerbang;
CREATE FUNCTION pg_temp.sebagai_sesi(login text, peran text, lingkup text, q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE hasil text;
BEGIN
	BEGIN
		EXECUTE pg_catalog.format('SET LOCAL SESSION AUTHORIZATION %I', login);
		PERFORM set_config('kkb.wilayah', coalesce(lingkup, ''), true);
		PERFORM set_config('role', peran, true);
		EXECUTE q INTO hasil;
	EXCEPTION WHEN OTHERS THEN
		hasil := SQLSTATE;
	END;
	RESET SESSION AUTHORIZATION;
	PERFORM set_config('role', 'none', true);
	PERFORM set_config('kkb.wilayah', '', true);
	RETURN hasil;
END $$;
SELECT is(pg_temp.sebagai_sesi('uji_langsung', 'kkb_pokja', '13.77.01.1001', 'SELECT count(*)::text FROM kkb.kampung'), '42501',
          'a direct login with the pokja role that sets its own scope: 42501');
SELECT is(pg_temp.sebagai_sesi('uji_langsung', 'kkb_pokja', '13', 'SELECT count(*)::text FROM kkb.anggota'), '42501',
          '... whatever scope it tries');
SELECT is(pg_temp.sebagai_sesi('uji_langsung', 'kkb_pokja', NULL, 'SELECT count(*)::text FROM kkb.kampung'), '0',
          '... and without a scope it sees no village');
SELECT is(pg_temp.sebagai_sesi('uji_gerbang', 'kkb_pokja', '13.77.01.1001',
                               $$SELECT string_agg(kode_desa::text, ',') FROM kkb.kampung$$), '13.77.01.1001',
          'the gateway''s login (a member of kkb_gateway) gives the scope of a token');

SELECT * FROM finish();
ROLLBACK;
